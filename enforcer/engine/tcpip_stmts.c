/*
 * The statements of a z/OS PROFILE: every one is recognised, so that a
 * whole PROFILE can be pasted from the mainframe; those with no effect on
 * port access are skipped.
 */
#include "tcpip_parse_int.h"

/* Every statement of the IP Configuration Reference's PROFILE.TCPIP
 * chapter, including obsolete ones still found in old profiles (ATM,
 * GATEWAY, ASSORTEDPARMS, KEEPALIVEOPTIONS, in-stack Telnet).
 * Abbreviations only where IBM's diagrams show them.  Keep the table in
 * alphabetical order: psf_tcpip_find_stmt relies on it. */
static const struct stmt stmts[] = {
	{ "ARPAGE", NULL, NULL },
	{ "ASSORTEDPARMS", "ENDASSORTEDPARMS", NULL },
	{ "ATMARPSV", NULL, NULL },
	{ "ATMLIS", NULL, NULL },
	{ "ATMPVC", NULL, NULL },
	{ "AUTOLog", "ENDAUTOLog", NULL },
	{ "BEGINRoutes", "ENDRoutes", NULL },
	{ "BEGINVTAM", "ENDVTAM", NULL },
	{ "BSDROUTINGPARMS", "ENDBSDROUTINGPARMS", NULL },
	{ "DEFADDRTABLE", "ENDDEFADDRTABLE", NULL },
	{ "DELETE", NULL, psf_tcpip_delete_stmt },
	{ "DEVice", NULL, NULL },
	{ "GATEWAY", NULL, NULL },
	{ "GLOBALCONFIG", NULL, NULL },
	{ "HOME", NULL, NULL },
	{ "INCLUDE", NULL, psf_tcpip_include_stmt },
	{ "INTERFACE", NULL, NULL },
	{ "IPCONFIG", NULL, NULL },
	{ "IPCONFIG6", NULL, NULL },
	{ "IPSEC", "ENDIPSEC", NULL },
	{ "ITRACE", NULL, NULL },
	{ "KEEPALIVEOPTIONS", "ENDKEEPALIVEOPTIONS", NULL },
	{ "LINK", NULL, NULL },
	{ "NETAccess", "ENDNETACCESS", psf_tcpip_netaccess_stmt },
	{ "NETMONITOR", NULL, NULL },
	{ "OSAENTA", NULL, NULL },
	{ "PKTTRACE", NULL, NULL },
	{ "PORT", NULL, psf_tcpip_port_stmt },
	{ "PORTRANGE", NULL, psf_tcpip_portrange_stmt },
	{ "PRIMARYINTERFACE", NULL, NULL },
	{ "SACONFIG", NULL, NULL },
	{ "SMFCONFIG", NULL, NULL },
	{ "SMFPARMS", NULL, NULL },
	{ "SOMAXCONN", NULL, NULL },
	{ "SRCIP", "ENDSRCIP", NULL },
	{ "START", NULL, NULL },
	{ "STOP", NULL, NULL },
	{ "TCPCONFIG", NULL, psf_tcpip_tcpconfig_stmt },
	{ "TELNETGLOBALS", "ENDTELNETGLOBALS", NULL },
	{ "TELNETPARMS", "ENDTELNETPARMS", NULL },
	{ "TRANSLATE", NULL, NULL },
	{ "UDPCONFIG", NULL, psf_tcpip_udpconfig_stmt },
	{ "VIPADYNAMIC", "ENDVIPADYNAMIC", NULL },
};
#define NSTMTS (sizeof stmts / sizeof stmts[0])

/* The table is in alphabetical order: only the names with the token's
 * first letter are compared. */
const struct stmt *psf_tcpip_find_stmt(const struct psf_tok *t)
{
	char c = t->up[0];

	if (t->quoted || !(c >= 'A' && c <= 'Z'))
		return NULL;
	for (size_t i = 0; i < NSTMTS && stmts[i].name[0] <= c; i++)
		if (stmts[i].name[0] == c && psf_tok_is(t, stmts[i].name))
			return &stmts[i];
	return NULL;
}

const struct stmt *psf_tcpip_stmt_ended_by(const struct psf_tok *t)
{
	for (size_t i = 0; i < NSTMTS; i++)
		if (stmts[i].end && psf_tok_is(t, stmts[i].end))
			return &stmts[i];
	return NULL;
}
