; SYS1.TCPPARMS(PROFILE) - port access for SAS on SYS1
;
; SAS 9.4 configuration (TKMVSENV):
;   TCP_EPH_MAP_ENABLED=1
;   TCP_EPH_MAP_FIRST=27000
;   TCP_EPH_MAP_LAST=27099
;
TCPCONFIG RESTRICTLOWPORTS
UDPCONFIG RESTRICTLOWPORTS
;
PORT
   UNRSV TCP * SAF UNRSVTCP WHENBIND     ; phase 5: TCP client binds too
   UNRSV UDP * SAF UNRSVUDP              ; phase 3
;
; SAS binds every "ephemeral" port of its sessions (listeners and
; clients) inside TCP_EPH_MAP_FIRST..LAST; the range needs SAF SAS, which
; is permitted to the SAS program only.
PORTRANGE 27000 100 TCP * SAF SAS        ; 27000-27099
