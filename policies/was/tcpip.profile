; SYS1.TCPPARMS(PROFILE) - port access for the WAS cell on SYS1
;
TCPCONFIG RESTRICTLOWPORTS
UDPCONFIG RESTRICTLOWPORTS
;
PORT
; Location service daemon
   5755 TCP BBODMN                        SAF BBODMN   ; ORB port
; Deployment manager
   8879 TCP BBODMGR                       SAF BBODMGR  ; SOAP_CONNECTOR_ADDRESS
   9809 TCP BBODMGR                       SAF BBODMGR  ; BOOTSTRAP_ADDRESS
; Application server BBOS001 (controller).  The web container listens
; on the server's own DVIPA: a bind to INADDR_ANY is bound to it.
   2809 TCP BBOS001                       SAF BBOS001  ; BOOTSTRAP_ADDRESS
   7276 TCP BBOS001                       SAF BBOS001  ; SIB_ENDPOINT_ADDRESS
   8880 TCP BBOS001                       SAF BBOS001  ; SOAP_CONNECTOR_ADDRESS
   9080 TCP BBOS001 BIND 10.1.1.21        SAF BBOS001  ; WC_defaulthost
   9100 TCP BBOS001                       SAF BBOS001  ; ORB_LISTENER_ADDRESS
   9353 TCP BBOS001                       SAF BBOS001  ; DCS_UNICAST_ADDRESS
   9443 TCP BBOS001 BIND 10.1.1.21        SAF BBOS001  ; WC_defaulthost_secure
;
   UNRSV TCP * SAF UNRSVTCP WHENLISTEN    ; phase 4: unreserved TCP ports
   UNRSV UDP * SAF UNRSVUDP               ; phase 3: unreserved UDP ports
