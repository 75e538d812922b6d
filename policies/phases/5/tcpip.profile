; SYS1.TCPPARMS(PROFILE) - port access on SYS1, rollout phase 5:
; unreserved TCP ports secured, and TCP client binds being secured on
; SYS1 first.
;
TCPCONFIG RESTRICTLOWPORTS
; The UDP ephemeral pool stays clear of the UDP reservations for * with
; SAF (OMEGAMON's loopback pool): inside the pool they draw RACF checks,
; and ICH408I, for ports the stack only passes over (technote "Undesired
; PORTACCESS violations").
UDPCONFIG RESTRICTLOWPORTS EPHEMERALPORTS 49152 65535
;
PORT
; z/OS Communications Server
     20 TCP * NOAUTOLOG          SAF FTPDATA   ; FTP server, data
     21 TCP FTPD1                SAF FTP       ; FTP server, control
     23 TCP TN3270               SAF TN3270    ; TN3270 server
    161 UDP OSNMPD               SAF OSNMPD    ; SNMP agent
; Db2 DB1A, MQ CSQ1, RMF
    446 TCP DB1ADIST NOAUTOLOG   SAF DB2DRDA   ; DDF, DRDA
   1414 TCP CSQ1CHIN             SAF MQLSNR    ; channel initiator listener
   8803 TCP GPMSERVE             SAF GPMSERVE  ; RMF Distributed Data Server
; Heartbeat receiver (phase 3's records)
   5100 UDP HBRECV               SAF HBRECV
; Payroll: the partner pulls the month-end file from this listener.
; Which job opens it is not known yet.
   5001 TCP *                    SAF PAYROLL
; WAS cell: location service daemon, deployment manager, BBOS001
   5755 TCP BBODMN               SAF BBODMN    ; ORB port
   8879 TCP BBODMGR              SAF BBODMGR   ; SOAP_CONNECTOR_ADDRESS
   9809 TCP BBODMGR              SAF BBODMGR   ; BOOTSTRAP_ADDRESS
   2809 TCP BBOS001              SAF BBOS001   ; BOOTSTRAP_ADDRESS
   7276 TCP BBOS001              SAF BBOS001   ; SIB_ENDPOINT_ADDRESS
   8880 TCP BBOS001              SAF BBOS001   ; SOAP_CONNECTOR_ADDRESS
   9080 TCP BBOS001 BIND 10.1.1.21 SAF BBOS001 ; WC_defaulthost
   9100 TCP BBOS001              SAF BBOS001   ; ORB_LISTENER_ADDRESS
   9353 TCP BBOS001              SAF BBOS001   ; DCS_UNICAST_ADDRESS
   9443 TCP BBOS001 BIND 10.1.1.21 SAF BBOS001 ; WC_defaulthost_secure
; OMEGAMON TEMS, IP.UDP (phase 3's records; IP.PIPE is in PORTRANGE)
   1918 UDP *                    SAF OMEGAMON
; OMEGAMON agents, IP.PIPE 1918 + n*4096
   6014 TCP *                    SAF OMEGAMON  ; agent slot  1
  10110 TCP *                    SAF OMEGAMON  ; agent slot  2
  14206 TCP *                    SAF OMEGAMON  ; agent slot  3
  18302 TCP *                    SAF OMEGAMON  ; agent slot  4
  22398 TCP *                    SAF OMEGAMON  ; agent slot  5
  26494 TCP *                    SAF OMEGAMON  ; agent slot  6
  30590 TCP *                    SAF OMEGAMON  ; agent slot  7
  34686 TCP *                    SAF OMEGAMON  ; agent slot  8
  38782 TCP *                    SAF OMEGAMON  ; agent slot  9
  42878 TCP *                    SAF OMEGAMON  ; agent slot 10
  46974 TCP *                    SAF OMEGAMON  ; agent slot 11
  51070 TCP *                    SAF OMEGAMON  ; agent slot 12
  55166 TCP *                    SAF OMEGAMON  ; agent slot 13
  59262 TCP *                    SAF OMEGAMON  ; agent slot 14
  63358 TCP *                    SAF OMEGAMON  ; agent slot 15
; Phase 3: every other UDP port above 1023
   UNRSV UDP *                   SAF UNRSVUDP
; Phase 4: every other TCP port above 1023; phase 5: checked at bind,
; so clients that bind a port of their own are checked too
   UNRSV TCP *                   SAF UNRSVTCP WHENBIND
;
PORTRANGE 1850 101 TCP * SAF OMEGAMON    ; OMEGAMON TEMS, IP.PIPE 1918
PORTRANGE 19000 101 TCP * SAF OMEGAMON   ; KDE_LOOPBACK_POOL=19000-19100
PORTRANGE 19000 101 UDP * SAF OMEGAMON   ; KDE_LOOPBACK_POOL=19000-19100
PORTRANGE 27000 100 TCP * SAF SAS        ; SAS TCP_EPH_MAP_FIRST..LAST
PORTRANGE 8000 100 TCP * SAF DEVTEST     ; TSO users' test servers
