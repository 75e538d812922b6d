; SYS1.TCPPARMS(PROFILE) - port access for OMEGAMON on SYS1
;
; KDE_TRANSPORT=IP.PIPE PORT:1918 IP.UDP PORT:1918
; KDE_LOOPBACK_POOL=19000-19100
;
TCPCONFIG RESTRICTLOWPORTS
; The UDP ephemeral pool stays clear of the OMEGAMON UDP reservations:
; a UDP reservation for * with SAF inside the pool draws RACF checks (and
; ICH408I) for ports the stack only passes over (technote "Undesired
; PORTACCESS violations").
UDPCONFIG RESTRICTLOWPORTS EPHEMERALPORTS 49152 65535
;
; IP.PIPE agent ports: 1918 + n*4096, n = 1..15.  An agent takes the
; first free one, so with 15 agents every slot is used.
PORT
   6014 TCP * SAF OMEGAMON        ; agent slot  1
  10110 TCP * SAF OMEGAMON        ; agent slot  2
  14206 TCP * SAF OMEGAMON        ; agent slot  3
  18302 TCP * SAF OMEGAMON        ; agent slot  4
  22398 TCP * SAF OMEGAMON        ; agent slot  5
  26494 TCP * SAF OMEGAMON        ; agent slot  6
  30590 TCP * SAF OMEGAMON        ; agent slot  7
  34686 TCP * SAF OMEGAMON        ; agent slot  8
  38782 TCP * SAF OMEGAMON        ; agent slot  9
  42878 TCP * SAF OMEGAMON        ; agent slot 10
  46974 TCP * SAF OMEGAMON        ; agent slot 11
  51070 TCP * SAF OMEGAMON        ; agent slot 12
  55166 TCP * SAF OMEGAMON        ; agent slot 13
  59262 TCP * SAF OMEGAMON        ; agent slot 14
  63358 TCP * SAF OMEGAMON        ; agent slot 15
   UNRSV UDP * SAF UNRSVUDP       ; phase 3: unreserved UDP ports
;
; Hub/remote TEMS IP.PIPE on 1918, and the loopback pool
PORTRANGE 1850 101 TCP * SAF OMEGAMON     ; 1850-1950
PORTRANGE 19000 101 TCP * SAF OMEGAMON    ; 19000-19100 KDE_LOOPBACK_POOL
PORTRANGE 19000 101 UDP * SAF OMEGAMON    ; 19000-19100 KDE_LOOPBACK_POOL
