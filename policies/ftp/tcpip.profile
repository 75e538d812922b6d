; SYS1.TCPPARMS(PROFILE) - port access for FTP on SYS1
;
TCPCONFIG RESTRICTLOWPORTS
UDPCONFIG RESTRICTLOWPORTS
;
PORT
     20 TCP * NOAUTOLOG SAF FTPDATA     ; FTP server, data (active mode)
     21 TCP FTPD1 SAF FTP               ; FTP server, control
     UNRSV TCP * SAF UNRSVTCP           ; phase 4: unreserved TCP ports
     UNRSV UDP * SAF UNRSVUDP           ; phase 3: unreserved UDP ports
