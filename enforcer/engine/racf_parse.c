/*
 * RACF commands -> the RACF database model (spec 1, 5.7).  Each command is
 * parsed into a tree of operands, checked completely, and only then
 * applied, so that a command with an error changes nothing; commands apply
 * in order, as RACF runs them.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model.h"
#include "racf_generic.h"
#include "racf_lex.h"

/* RACF's own messages for the commands it refuses (z/OS Security Server
 * RACF Messages and Codes), reported with the caller's `rejected`
 * severity.  ICH11102I (RALTER) follows the numbering of ICH10102I and
 * ICH12102I; for a duplicate ADDGROUP no IBM message id could be
 * confirmed, so none is quoted. */
#define MSG_RDEF_EXISTS   "ICH10102I %s ALREADY DEFINED TO CLASS %s"
#define MSG_RALT_MISSING  "ICH11102I %s NOT DEFINED TO CLASS %s"
#define MSG_RDEL_MISSING  "ICH12102I %s NOT DEFINED TO CLASS %s"
#define MSG_PE_MISSING    "ICH06004I %s NOT DEFINED TO RACF"
#define MSG_PE_NOT_LISTED "ICH06002I %s NOT AUTHORIZED, DELETE IGNORED"
#define MSG_PE_RESET_DEL  "ICH06009I RESET OPTION IGNORED, CONFLICTS WITH DELETE REQUEST"
#define MSG_AU_EXISTS     "ICH01010I %s NOT ADDED: ALREADY DEFINED TO RACF"
#define MSG_AG_EXISTS     "%s NOT ADDED: ALREADY DEFINED TO RACF"
#define MSG_CO_NO_USER    "ICH02003I %s NOT CONNECTED: NOT DEFINED TO RACF"

#define MAX_DEPTH 8             /* parentheses nest 4 deep in practice */

/* ---------------- context and diagnostics ---------------- */

/* An operand as written: a word or quoted string, optionally followed by
 * a parenthesized list; or a bare parenthesized list (tok NULL). */
struct node {
	const struct psf_rtok *tok;
	bool has_value;
	int value;                      /* first node of the list, -1 none */
	int next;                       /* next sibling, -1 none */
	int line;
};

struct ctx {
	struct psf_racf_model *m;
	const char *file;               /* the model's copy */
	enum psf_severity rejected;
	struct psf_diags *d;
	const char *cmd;                /* command name, for messages */
	int line;                       /* where the command starts */
	bool failed;                    /* an error was reported for it */
	struct node *nodes;
	size_t nnodes, capnodes;
};

static void diag(struct ctx *c, enum psf_severity sev, int line,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void diag(struct ctx *c, enum psf_severity sev, int line,
		 const char *fmt, ...)
{
	char text[900];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	psf_diag_add(c->d, sev, c->file, line, "%s", text);
	if (sev == PSF_SEV_ERROR)
		c->failed = true;
}

#define ERR(c, line, ...) diag((c), PSF_SEV_ERROR, (line), __VA_ARGS__)

/* Every allocation failure reads the same, wherever it happens. */
static void no_memory(struct ctx *c, int line)
{
	ERR(c, line, "out of memory reading RACF commands");
}

/* A command RACF would refuse: reported, and that part skipped. */
#define REJECT(c, ...) diag((c), (c)->rejected, (c)->line, __VA_ARGS__)

static const struct node *nd(const struct ctx *c, int i)
{
	return &c->nodes[i];
}

static const char *text_of(const struct node *n)
{
	return n->tok ? n->tok->text : "(";
}

/* ---------------- operand trees ---------------- */

static int new_node(struct ctx *c, const struct psf_rtok *t, int line)
{
	if (c->nnodes == c->capnodes) {
		size_t cap = c->capnodes ? 2 * c->capnodes : 64;
		struct node *v = realloc(c->nodes, cap * sizeof *v);

		if (!v)
			return -1;
		c->nodes = v;
		c->capnodes = cap;
	}
	c->nodes[c->nnodes] = (struct node){ t, false, -1, -1, line };
	return (int)c->nnodes++;
}

struct tok_cursor {
	const struct psf_rcmd *cmd;
	size_t i;
};

static const struct psf_rtok *cur(const struct tok_cursor *tc)
{
	return tc->i < tc->cmd->ntok ? &tc->cmd->tok[tc->i] : NULL;
}

static int parse_items(struct ctx *c, struct tok_cursor *tc, int depth);

/* The parenthesized list after node n; tc is at its '('. */
static bool parse_value(struct ctx *c, struct tok_cursor *tc, int n, int depth)
{
	const struct psf_rtok *open = cur(tc);
	int v;

	if (depth >= MAX_DEPTH) {
		ERR(c, open->line, "parentheses nested more than %d deep after '%s'",
		    MAX_DEPTH, text_of(nd(c, n)));
		return false;
	}
	tc->i++;
	v = parse_items(c, tc, depth + 1);
	if (c->failed)
		return false;
	if (!cur(tc)) {
		if (nd(c, n)->tok)
			ERR(c, open->line, "unbalanced parentheses: '(' after '%s' "
			    "is not closed", nd(c, n)->tok->text);
		else
			ERR(c, open->line, "unbalanced parentheses: '(' is not closed");
		return false;
	}
	tc->i++;
	c->nodes[n].has_value = true;
	c->nodes[n].value = v;
	return true;
}

/* Items up to the next ')' or the end; returns the first, -1 if none. */
static int parse_items(struct ctx *c, struct tok_cursor *tc, int depth)
{
	int first = -1, last = -1;
	const struct psf_rtok *t;

	while ((t = cur(tc)) && t->kind != PSF_RTOK_CLOSE) {
		int n = new_node(c, t->kind == PSF_RTOK_OPEN ? NULL : t, t->line);

		if (n < 0) {
			no_memory(c, t->line);
			return -1;
		}
		if (t->kind == PSF_RTOK_OPEN) {
			if (!parse_value(c, tc, n, depth))
				return -1;
		} else {
			tc->i++;
			/* a subfield directly follows its keyword */
			if ((t = cur(tc)) && t->kind == PSF_RTOK_OPEN &&
			    !t->spaced && !parse_value(c, tc, n, depth))
				return -1;
		}
		if (last >= 0)
			c->nodes[last].next = n;
		else
			first = n;
		last = n;
	}
	return first;
}

static int parse_tree(struct ctx *c, const struct psf_rcmd *cmd)
{
	struct tok_cursor tc = { cmd, 0 };
	int first;

	c->nnodes = 0;
	first = parse_items(c, &tc, 0);
	if (!c->failed && cur(&tc)) {
		const struct psf_rtok *close = cur(&tc);

		if (tc.i > 0)
			ERR(c, close->line, "unbalanced parentheses: unexpected ')' "
			    "after '%s'", cmd->tok[tc.i - 1].text);
		else
			ERR(c, close->line, "unbalanced parentheses: unexpected ')'");
	}
	return c->failed ? -1 : first;
}

/* ---------------- keywords ---------------- */

/* Operand keywords that change the model or whose value is checked.
 * K_IGNORED: accepted, no effect on port access, value not examined.
 * K_UNSUPPORTED: valid RACF that portsaf does not model: an error. */
enum kw {
	K_UNSUPPORTED, K_IGNORED,
	K_CLASSACT, K_NOCLASSACT, K_GENCMD, K_NOGENCMD, K_GENERIC, K_NOGENERIC,
	K_GRPLIST, K_NOGRPLIST, K_LOGOPTIONS, K_RACLIST, K_NORACLIST, K_REFRESH,
	K_WHEN, K_NOWHEN,
	K_APPLDATA, K_NOAPPLDATA, K_AUDIT, K_GLOBALAUDIT, K_DATA, K_NOTIFY,
	K_OWNER, K_UACC, K_WARNING, K_NOWARNING,
	K_ACCESS, K_CLASS, K_DELETE, K_ID, K_RESET,
	K_AUTHORITY, K_DFLTGRP, K_NAME, K_OMVS, K_SUPGROUP, K_GROUP,
	K_COUNT
};

enum { V0 = 0, V1 = 1, VOPT = 2 };     /* no value, value required, optional */

struct opt_def {
	const char *name;
	uint8_t id;                     /* enum kw, or a sub-keyword's meaning */
	uint8_t val;
};

#define NDEFS(a) (sizeof a / sizeof a[0])

static const struct opt_def setropts_opts[] = {
	{ "ADDCREATOR", K_UNSUPPORTED, V0 }, { "ADSP", K_UNSUPPORTED, V0 },
	{ "APPLAUDIT", K_UNSUPPORTED, V0 }, { "AUDIT", K_UNSUPPORTED, V0 },
	{ "CATDSNS", K_UNSUPPORTED, V0 }, { "CLASSACT", K_CLASSACT, V1 },
	{ "CMDVIOL", K_UNSUPPORTED, V0 }, { "COMPATMODE", K_UNSUPPORTED, V0 },
	{ "EGN", K_UNSUPPORTED, V0 }, { "ERASE", K_UNSUPPORTED, V0 },
	{ "GENCMD", K_GENCMD, V1 }, { "GENERIC", K_GENERIC, V1 },
	{ "GENERICOWNER", K_UNSUPPORTED, V0 }, { "GENLIST", K_UNSUPPORTED, V0 },
	{ "GLOBAL", K_UNSUPPORTED, V0 }, { "GRPLIST", K_GRPLIST, V0 },
	{ "INACTIVE", K_UNSUPPORTED, V0 }, { "INITSTATS", K_UNSUPPORTED, V0 },
	{ "JES", K_UNSUPPORTED, V0 }, { "KERBLVL", K_UNSUPPORTED, V0 },
	{ "LIST", K_UNSUPPORTED, V0 }, { "LOGOPTIONS", K_LOGOPTIONS, V1 },
	{ "MLACTIVE", K_UNSUPPORTED, V0 }, { "MLFSOBJ", K_UNSUPPORTED, V0 },
	{ "MLIPCOBJ", K_UNSUPPORTED, V0 }, { "MLNAMES", K_UNSUPPORTED, V0 },
	{ "MLQUIET", K_UNSUPPORTED, V0 }, { "MLS", K_UNSUPPORTED, V0 },
	{ "MLSTABLE", K_UNSUPPORTED, V0 }, { "MODEL", K_UNSUPPORTED, V0 },
	{ "NOADDCREATOR", K_UNSUPPORTED, V0 }, { "NOADSP", K_UNSUPPORTED, V0 },
	{ "NOAPPLAUDIT", K_UNSUPPORTED, V0 }, { "NOAUDIT", K_UNSUPPORTED, V0 },
	{ "NOCATDSNS", K_UNSUPPORTED, V0 }, { "NOCLASSACT", K_NOCLASSACT, V1 },
	{ "NOCMDVIOL", K_UNSUPPORTED, V0 }, { "NOCOMPATMODE", K_UNSUPPORTED, V0 },
	{ "NOEGN", K_UNSUPPORTED, V0 }, { "NOERASE", K_UNSUPPORTED, V0 },
	{ "NOGENCMD", K_NOGENCMD, V1 }, { "NOGENERIC", K_NOGENERIC, V1 },
	{ "NOGENERICOWNER", K_UNSUPPORTED, V0 }, { "NOGENLIST", K_UNSUPPORTED, V0 },
	{ "NOGLOBAL", K_UNSUPPORTED, V0 }, { "NOGRPLIST", K_NOGRPLIST, V0 },
	{ "NOINACTIVE", K_UNSUPPORTED, V0 }, { "NOINITSTATS", K_UNSUPPORTED, V0 },
	{ "NOMLACTIVE", K_UNSUPPORTED, V0 }, { "NOMLNAMES", K_UNSUPPORTED, V0 },
	{ "NOMLQUIET", K_UNSUPPORTED, V0 }, { "NOMLS", K_UNSUPPORTED, V0 },
	{ "NOMLSTABLE", K_UNSUPPORTED, V0 }, { "NOMODEL", K_UNSUPPORTED, V0 },
	{ "NOOPERAUDIT", K_UNSUPPORTED, V0 }, { "NOPREFIX", K_UNSUPPORTED, V0 },
	{ "NOPROTECTALL", K_UNSUPPORTED, V0 }, { "NORACLIST", K_NORACLIST, V1 },
	{ "NOREALDSN", K_UNSUPPORTED, V0 }, { "NOSAUDIT", K_UNSUPPORTED, V0 },
	{ "NOSECLABELAUDIT", K_UNSUPPORTED, V0 },
	{ "NOSECLABELCONTROL", K_UNSUPPORTED, V0 },
	{ "NOSECLBYSYSTEM", K_UNSUPPORTED, V0 },
	{ "NOSECLEVELAUDIT", K_UNSUPPORTED, V0 },
	{ "NOSESSIONINTERVAL", K_UNSUPPORTED, V0 },
	{ "NOSTATISTICS", K_UNSUPPORTED, V0 }, { "NOTAPEDSN", K_UNSUPPORTED, V0 },
	{ "NOWHEN", K_NOWHEN, V1 }, { "OPERAUDIT", K_UNSUPPORTED, V0 },
	{ "PASSWORD", K_UNSUPPORTED, V0 }, { "PREFIX", K_UNSUPPORTED, V0 },
	{ "PROTECTALL", K_UNSUPPORTED, V0 }, { "RACLIST", K_RACLIST, V1 },
	{ "REALDSN", K_UNSUPPORTED, V0 }, { "REFRESH", K_REFRESH, V0 },
	{ "RETPD", K_UNSUPPORTED, V0 }, { "RVARYPW", K_UNSUPPORTED, V0 },
	{ "SAUDIT", K_UNSUPPORTED, V0 }, { "SECLABELAUDIT", K_UNSUPPORTED, V0 },
	{ "SECLABELCONTROL", K_UNSUPPORTED, V0 },
	{ "SECLBYSYSTEM", K_UNSUPPORTED, V0 },
	{ "SECLEVELAUDIT", K_UNSUPPORTED, V0 },
	{ "SESSIONINTERVAL", K_UNSUPPORTED, V0 },
	{ "STATISTICS", K_UNSUPPORTED, V0 }, { "TAPEDSN", K_UNSUPPORTED, V0 },
	{ "TERMINAL", K_UNSUPPORTED, V0 }, { "WHEN", K_WHEN, V1 },
};

/* RDEFINE takes NOWARNING and GLOBALAUDIT too: spec 5.7 lists them for
 * RDEFINE and RALTER alike. */
static const struct opt_def rdefine_opts[] = {
	{ "ADDCATEGORY", K_UNSUPPORTED, V0 }, { "ADDMEM", K_UNSUPPORTED, V0 },
	{ "APPCLU", K_UNSUPPORTED, V0 }, { "APPLDATA", K_APPLDATA, V1 },
	{ "AT", K_UNSUPPORTED, V0 }, { "AUDIT", K_AUDIT, V1 },
	{ "CDTINFO", K_UNSUPPORTED, V0 }, { "CFDEF", K_UNSUPPORTED, V0 },
	{ "CSDATA", K_UNSUPPORTED, V0 }, { "DATA", K_DATA, V1 },
	{ "DLFDATA", K_UNSUPPORTED, V0 }, { "EIM", K_UNSUPPORTED, V0 },
	{ "FCLASS", K_UNSUPPORTED, V0 }, { "FGENERIC", K_UNSUPPORTED, V0 },
	{ "FROM", K_UNSUPPORTED, V0 }, { "FVOLUME", K_UNSUPPORTED, V0 },
	{ "GLOBALAUDIT", K_GLOBALAUDIT, V1 }, { "ICSF", K_UNSUPPORTED, V0 },
	{ "ICTX", K_UNSUPPORTED, V0 }, { "IDTPARMS", K_UNSUPPORTED, V0 },
	{ "JES", K_UNSUPPORTED, V0 }, { "KERB", K_UNSUPPORTED, V0 },
	{ "LEVEL", K_UNSUPPORTED, V0 }, { "MFPOLICY", K_UNSUPPORTED, V0 },
	{ "NOTIFY", K_NOTIFY, V1 }, { "NOWARNING", K_NOWARNING, V0 },
	{ "ONLYAT", K_UNSUPPORTED, V0 }, { "OWNER", K_OWNER, V1 },
	{ "PROXY", K_UNSUPPORTED, V0 }, { "SECLABEL", K_UNSUPPORTED, V0 },
	{ "SECLEVEL", K_UNSUPPORTED, V0 }, { "SESSION", K_UNSUPPORTED, V0 },
	{ "SIGVER", K_UNSUPPORTED, V0 }, { "SINGLEDSN", K_UNSUPPORTED, V0 },
	{ "SSIGNON", K_UNSUPPORTED, V0 }, { "STDATA", K_UNSUPPORTED, V0 },
	{ "SVFMR", K_UNSUPPORTED, V0 }, { "TIMEZONE", K_UNSUPPORTED, V0 },
	{ "TME", K_UNSUPPORTED, V0 }, { "TVTOC", K_UNSUPPORTED, V0 },
	{ "UACC", K_UACC, V1 }, { "WARNING", K_WARNING, V0 },
	{ "WHEN", K_UNSUPPORTED, V0 },
};

static const struct opt_def ralter_opts[] = {
	{ "ADDCATEGORY", K_UNSUPPORTED, V0 }, { "ADDMEM", K_UNSUPPORTED, V0 },
	{ "APPCLU", K_UNSUPPORTED, V0 }, { "APPLDATA", K_APPLDATA, V1 },
	{ "AT", K_UNSUPPORTED, V0 }, { "AUDIT", K_AUDIT, V1 },
	{ "CDTINFO", K_UNSUPPORTED, V0 }, { "CFDEF", K_UNSUPPORTED, V0 },
	{ "CSDATA", K_UNSUPPORTED, V0 }, { "DATA", K_DATA, V1 },
	{ "DELCATEGORY", K_UNSUPPORTED, V0 }, { "DELMEM", K_UNSUPPORTED, V0 },
	{ "DLFDATA", K_UNSUPPORTED, V0 }, { "EIM", K_UNSUPPORTED, V0 },
	{ "GLOBALAUDIT", K_GLOBALAUDIT, V1 }, { "ICSF", K_UNSUPPORTED, V0 },
	{ "ICTX", K_UNSUPPORTED, V0 }, { "IDTPARMS", K_UNSUPPORTED, V0 },
	{ "JES", K_UNSUPPORTED, V0 }, { "KERB", K_UNSUPPORTED, V0 },
	{ "LEVEL", K_UNSUPPORTED, V0 }, { "MFPOLICY", K_UNSUPPORTED, V0 },
	{ "NOAPPLDATA", K_NOAPPLDATA, V0 }, { "NOCDTINFO", K_UNSUPPORTED, V0 },
	{ "NOCFDEF", K_UNSUPPORTED, V0 }, { "NOCSDATA", K_UNSUPPORTED, V0 },
	{ "NODATA", K_IGNORED, V0 }, { "NODLFDATA", K_UNSUPPORTED, V0 },
	{ "NOEIM", K_UNSUPPORTED, V0 }, { "NOICSF", K_UNSUPPORTED, V0 },
	{ "NOICTX", K_UNSUPPORTED, V0 }, { "NOIDTPARMS", K_UNSUPPORTED, V0 },
	{ "NOJES", K_UNSUPPORTED, V0 }, { "NOKERB", K_UNSUPPORTED, V0 },
	{ "NOMFPOLICY", K_UNSUPPORTED, V0 }, { "NONOTIFY", K_IGNORED, V0 },
	{ "NOPROXY", K_UNSUPPORTED, V0 }, { "NOSECLABEL", K_UNSUPPORTED, V0 },
	{ "NOSECLEVEL", K_UNSUPPORTED, V0 }, { "NOSESSION", K_UNSUPPORTED, V0 },
	{ "NOSIGVER", K_UNSUPPORTED, V0 }, { "NOSINGLEDSN", K_UNSUPPORTED, V0 },
	{ "NOSSIGNON", K_UNSUPPORTED, V0 }, { "NOSTDATA", K_UNSUPPORTED, V0 },
	{ "NOSVFMR", K_UNSUPPORTED, V0 }, { "NOTIFY", K_NOTIFY, V1 },
	{ "NOTIMEZONE", K_UNSUPPORTED, V0 }, { "NOTME", K_UNSUPPORTED, V0 },
	{ "NOTVTOC", K_UNSUPPORTED, V0 }, { "NOWARNING", K_NOWARNING, V0 },
	{ "ONLYAT", K_UNSUPPORTED, V0 }, { "OWNER", K_OWNER, V1 },
	{ "PROXY", K_UNSUPPORTED, V0 }, { "SECLABEL", K_UNSUPPORTED, V0 },
	{ "SECLEVEL", K_UNSUPPORTED, V0 }, { "SESSION", K_UNSUPPORTED, V0 },
	{ "SIGVER", K_UNSUPPORTED, V0 }, { "SINGLEDSN", K_UNSUPPORTED, V0 },
	{ "SSIGNON", K_UNSUPPORTED, V0 }, { "STDATA", K_UNSUPPORTED, V0 },
	{ "SVFMR", K_UNSUPPORTED, V0 }, { "TIMEZONE", K_UNSUPPORTED, V0 },
	{ "TME", K_UNSUPPORTED, V0 }, { "TVTOC", K_UNSUPPORTED, V0 },
	{ "UACC", K_UACC, V1 }, { "WARNING", K_WARNING, V0 },
	{ "WHEN", K_UNSUPPORTED, V0 },
};

static const struct opt_def rdelete_opts[] = {
	{ "AT", K_UNSUPPORTED, V0 }, { "NOGENERIC", K_UNSUPPORTED, V0 },
	{ "ONLYAT", K_UNSUPPORTED, V0 },
};

/* PERMIT's GENERIC names a generic profile without generic characters,
 * which general-resource classes cannot have: a general resource
 * profile is generic exactly when its name has % or *, so GENERIC
 * changes nothing here. */
static const struct opt_def permit_opts[] = {
	{ "ACCESS", K_ACCESS, V1 }, { "AT", K_UNSUPPORTED, V0 },
	{ "CLASS", K_CLASS, V1 }, { "DELETE", K_DELETE, V0 },
	{ "FCLASS", K_UNSUPPORTED, V0 }, { "FGENERIC", K_UNSUPPORTED, V0 },
	{ "FROM", K_UNSUPPORTED, V0 }, { "FVOLUME", K_UNSUPPORTED, V0 },
	{ "GENERIC", K_IGNORED, V0 }, { "ID", K_ID, V1 },
	{ "ONLYAT", K_UNSUPPORTED, V0 }, { "RESET", K_RESET, VOPT },
	{ "VOLUME", K_UNSUPPORTED, V0 }, { "WHEN", K_WHEN, V1 },
};

/* RESTRICTED users are not modelled (spec 5.4), so RESTRICTED is
 * refused rather than ignored: it would change their access. */
static const struct opt_def adduser_opts[] = {
	{ "ADSP", K_IGNORED, V0 }, { "AUDITOR", K_IGNORED, V0 },
	{ "AUTHORITY", K_AUTHORITY, V1 }, { "CATEGORY", K_UNSUPPORTED, V0 },
	{ "CICS", K_UNSUPPORTED, V0 }, { "CLAUTH", K_IGNORED, V1 },
	{ "CSDATA", K_UNSUPPORTED, V0 }, { "DATA", K_DATA, V1 },
	{ "DCE", K_UNSUPPORTED, V0 }, { "DFLTGRP", K_DFLTGRP, V1 },
	{ "DFP", K_UNSUPPORTED, V0 }, { "EIM", K_UNSUPPORTED, V0 },
	{ "GRPACC", K_IGNORED, V0 }, { "KERB", K_UNSUPPORTED, V0 },
	{ "LANGUAGE", K_UNSUPPORTED, V0 }, { "LNOTES", K_UNSUPPORTED, V0 },
	{ "MFA", K_UNSUPPORTED, V0 }, { "MODEL", K_UNSUPPORTED, V0 },
	{ "NAME", K_NAME, V1 }, { "NDS", K_UNSUPPORTED, V0 },
	{ "NETVIEW", K_UNSUPPORTED, V0 }, { "NOADSP", K_IGNORED, V0 },
	{ "NOAUDITOR", K_IGNORED, V0 }, { "NOGRPACC", K_IGNORED, V0 },
	{ "NOOIDCARD", K_IGNORED, V0 }, { "NOOPERATIONS", K_IGNORED, V0 },
	{ "NOPASSWORD", K_IGNORED, V0 }, { "NORESTRICTED", K_IGNORED, V0 },
	{ "NOSPECIAL", K_IGNORED, V0 }, { "OIDCARD", K_UNSUPPORTED, V0 },
	{ "OMVS", K_OMVS, VOPT }, { "OPERATIONS", K_IGNORED, V0 },
	{ "OPERPARM", K_UNSUPPORTED, V0 }, { "OVM", K_UNSUPPORTED, V0 },
	{ "OWNER", K_OWNER, V1 }, { "PASSWORD", K_IGNORED, V1 },
	{ "PHRASE", K_IGNORED, V1 }, { "PROXY", K_UNSUPPORTED, V0 },
	{ "RESTRICTED", K_UNSUPPORTED, V0 }, { "SECLABEL", K_UNSUPPORTED, V0 },
	{ "SECLEVEL", K_UNSUPPORTED, V0 }, { "SPECIAL", K_IGNORED, V0 },
	{ "TSO", K_IGNORED, VOPT }, { "UACC", K_UACC, V1 },
	{ "WHEN", K_UNSUPPORTED, V0 }, { "WORKATTR", K_UNSUPPORTED, V0 },
};

static const struct opt_def addgroup_opts[] = {
	{ "CSDATA", K_UNSUPPORTED, V0 }, { "DATA", K_DATA, V1 },
	{ "DFP", K_UNSUPPORTED, V0 }, { "MODEL", K_UNSUPPORTED, V0 },
	{ "NOTERMUACC", K_IGNORED, V0 }, { "OMVS", K_OMVS, VOPT },
	{ "OVM", K_UNSUPPORTED, V0 }, { "OWNER", K_OWNER, V1 },
	{ "SUPGROUP", K_SUPGROUP, V1 }, { "TERMUACC", K_IGNORED, V0 },
	{ "TME", K_UNSUPPORTED, V0 }, { "UNIVERSAL", K_IGNORED, V0 },
};

/* A REVOKEd connection keeps the user from using the group: not
 * modelled, so refused. */
static const struct opt_def connect_opts[] = {
	{ "ADSP", K_IGNORED, V0 }, { "AUDITOR", K_IGNORED, V0 },
	{ "AUTHORITY", K_AUTHORITY, V1 }, { "GROUP", K_GROUP, V1 },
	{ "GRPACC", K_IGNORED, V0 }, { "NOADSP", K_IGNORED, V0 },
	{ "NOAUDITOR", K_IGNORED, V0 }, { "NOGRPACC", K_IGNORED, V0 },
	{ "NOOPERATIONS", K_IGNORED, V0 }, { "NORESUME", K_IGNORED, V0 },
	{ "NOREVOKE", K_IGNORED, V0 }, { "NOSPECIAL", K_IGNORED, V0 },
	{ "OPERATIONS", K_IGNORED, V0 }, { "OWNER", K_OWNER, V1 },
	{ "RESUME", K_IGNORED, VOPT }, { "REVOKE", K_UNSUPPORTED, V0 },
	{ "SPECIAL", K_IGNORED, V0 }, { "UACC", K_UACC, V1 },
};

/* Two entries are one keyword when they share a meaning (SUCCESS and
 * SUCCESSES); every unsupported or ignored entry is a keyword of its
 * own. */
static bool same_keyword(const struct opt_def *a, const struct opt_def *b,
			 bool subkeywords)
{
	if (a == b)
		return true;
	return subkeywords && a->id == b->id;
}

/* TSO abbreviation: an exact name, else a leading substring of exactly
 * one keyword.  *amb lists the candidates when there are several. */
static const struct opt_def *match_word(const struct opt_def *defs, size_t n,
					bool subkeywords, const char *w,
					char *amb, size_t ambsz)
{
	const struct opt_def *found = NULL;
	size_t len = strlen(w), used = 0;
	bool ambiguous = false;

	amb[0] = '\0';
	for (size_t i = 0; len && i < n; i++) {
		if (defs[i].name[0] != w[0] || strncmp(defs[i].name, w, len) != 0)
			continue;
		if (defs[i].name[len] == '\0')
			return &defs[i];        /* exact: never ambiguous */
		if (found && !same_keyword(found, &defs[i], subkeywords))
			ambiguous = true;
		else if (found)
			continue;
		found = found ? found : &defs[i];
		used += (size_t)snprintf(amb + used, used < ambsz ? ambsz - used : 0,
					 "%s%s", used ? ", " : "", defs[i].name);
		if (used >= ambsz)
			used = ambsz - 1;
	}
	return ambiguous ? NULL : found;
}

/* The entry of a table of values or sub-keywords (AUDIT's types, OMVS's
 * fields) that node n names; NULL when n is not a word or names no entry,
 * or several: the callers' messages list the valid ones. */
static const struct opt_def *node_keyword(const struct node *n,
					  const struct opt_def *defs,
					  size_t ndefs, bool subkeywords)
{
	char amb[200];

	if (!n->tok || n->tok->kind != PSF_RTOK_WORD)
		return NULL;
	return match_word(defs, ndefs, subkeywords, n->tok->text, amb, sizeof amb);
}

/* ---------------- operands of a command ---------------- */

struct operands {
	int node[K_COUNT];              /* the keyword's node, -1 absent */
	uint8_t order[K_COUNT];         /* keywords in the order written */
	size_t norder;
	const struct opt_def *name[K_COUNT];
};

static bool value_given(const struct node *n)
{
	return n->has_value && n->value >= 0;
}

/* Checks one keyword operand against the command's table. */
static const struct opt_def *check_keyword(struct ctx *c, const struct node *n,
					   const struct opt_def *defs,
					   size_t ndefs)
{
	const struct opt_def *d;
	char amb[400];

	if (!n->tok || n->tok->kind != PSF_RTOK_WORD) {
		ERR(c, n->line, n->tok ? "unexpected quoted string '%s' in %s operands"
		    : "unexpected '%s' in %s operands", text_of(n), c->cmd);
		return NULL;
	}
	if (!(d = match_word(defs, ndefs, false, n->tok->text, amb, sizeof amb))) {
		if (amb[0])
			ERR(c, n->line, "ambiguous operand '%s' for %s: %s",
			    n->tok->text, c->cmd, amb);
		else
			ERR(c, n->line, "unknown operand '%s' for %s", n->tok->text,
			    c->cmd);
		return NULL;
	}
	if (d->id == K_UNSUPPORTED)
		ERR(c, n->line, "operand %s of %s is not supported by portsaf",
		    d->name, c->cmd);
	else if (d->val == V0 && n->has_value)
		ERR(c, n->line, "operand %s takes no value", d->name);
	else if (d->val == V1 && !value_given(n))
		ERR(c, n->line, "operand %s requires a value", d->name);
	return c->failed ? NULL : d;
}

/* Matches every operand from node `first` on; false after an error. */
static bool collect(struct ctx *c, int first, const struct opt_def *defs,
		    size_t ndefs, struct operands *o)
{
	const struct opt_def *seen[128];
	size_t nseen = 0;

	memset(o->node, -1, sizeof o->node);
	o->norder = 0;
	for (int i = first; i >= 0; i = nd(c, i)->next) {
		const struct node *n = nd(c, i);
		const struct node *after = n->next >= 0 ? nd(c, n->next) : NULL;
		const struct opt_def *d;

		if (n->tok && !n->has_value && after && !after->tok) {
			ERR(c, after->line, "unexpected '(' after '%s ' in %s operands: "
			    "a value follows its keyword without a blank",
			    n->tok->text, c->cmd);
			return false;
		}
		if (!(d = check_keyword(c, n, defs, ndefs)))
			return false;
		for (size_t k = 0; k < nseen; k++)
			if (seen[k] == d) {
				ERR(c, n->line, "operand %s is given twice", d->name);
				return false;
			}
		if (nseen < NDEFS(seen))
			seen[nseen++] = d;
		if (d->id == K_IGNORED)
			continue;
		o->node[d->id] = i;
		o->name[d->id] = d;
		o->order[o->norder++] = d->id;
	}
	return true;
}

static bool exclusive(struct ctx *c, const struct operands *o, enum kw a,
		      enum kw b)
{
	if (o->node[a] < 0 || o->node[b] < 0)
		return true;
	ERR(c, nd(c, o->node[b])->line, "%s and %s are mutually exclusive",
	    o->name[a]->name, o->name[b]->name);
	return false;
}

/* ---------------- values ---------------- */

/* A word or quoted string with no list of its own. */
static const struct psf_rtok *leaf(struct ctx *c, int i, const char *kw)
{
	const struct node *n = nd(c, i);

	if (!n->tok)
		ERR(c, n->line, "unexpected '(' in %s", kw);
	else if (n->has_value)
		ERR(c, n->line, "unexpected '(' after '%s' in %s", n->tok->text, kw);
	else
		return n->tok;
	return NULL;
}

/* The single value of keyword node k. */
static const struct psf_rtok *one_value(struct ctx *c, int k, const char *kw)
{
	const struct node *n = nd(c, k);

	if (!value_given(n)) {
		ERR(c, n->line, "operand %s requires a value", kw);
		return NULL;
	}
	if (nd(c, n->value)->next >= 0) {
		ERR(c, nd(c, nd(c, n->value)->next)->line,
		    "operand %s takes one value, not also '%s'", kw,
		    text_of(nd(c, nd(c, n->value)->next)));
		return NULL;
	}
	return leaf(c, n->value, kw);
}

/* The single value of keyword operand k, named in messages as the table
 * spells it (UACC where UA was written). */
static const struct psf_rtok *operand_value(struct ctx *c,
					    const struct operands *o, enum kw k)
{
	return one_value(c, o->node[k], o->name[k]->name);
}

static bool valid_zos_name(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n == 0 || n > max || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '$' || *s == '@' || *s == '#'))
			return false;
	return true;
}

/* User IDs, group names, program and class names: 1-8 characters
 * A-Z 0-9 $ @ #, not starting with a digit.  star_ok admits "*". */
static const char *zos_name(struct ctx *c, const struct psf_rtok *t,
			    const char *what, bool star_ok)
{
	if (t->kind == PSF_RTOK_WORD &&
	    ((star_ok && strcmp(t->text, "*") == 0) || valid_zos_name(t->text, 8)))
		return t->text;
	ERR(c, t->line, "bad %s '%s': 1-8 characters A-Z 0-9 $ @ #, not "
	    "starting with a digit", what, t->text);
	return NULL;
}

static const char *one_name(struct ctx *c, const struct operands *o,
			    enum kw k, const char *what)
{
	const struct psf_rtok *t = operand_value(c, o, k);

	return t ? zos_name(c, t, what, false) : NULL;
}

static const char *const access_names[] = {
	"NONE", "EXECUTE", "READ", "UPDATE", "CONTROL", "ALTER"
};

static bool access_level(struct ctx *c, const struct psf_rtok *t,
			 const char *kw, enum psf_access lowest,
			 enum psf_access *out)
{
	for (int a = (int)lowest; a <= (int)PSF_ACC_ALTER; a++)
		if (t->kind == PSF_RTOK_WORD && strcmp(t->text, access_names[a]) == 0) {
			*out = (enum psf_access)a;
			return true;
		}
	ERR(c, t->line, "bad access level '%s' in %s (%s)", t->text, kw,
	    lowest == PSF_ACC_NONE ? "NONE, EXECUTE, READ, UPDATE, CONTROL, ALTER"
	    : "READ, UPDATE, CONTROL, ALTER");
	return false;
}

static bool access_operand(struct ctx *c, const struct operands *o, enum kw k,
			   enum psf_access *out)
{
	const struct psf_rtok *t = operand_value(c, o, k);

	return t && access_level(c, t, o->name[k]->name, PSF_ACC_NONE, out);
}

/* Where a value may be anything (DATA, APPLDATA), one word or string. */
static bool text_operand(struct ctx *c, const struct operands *o, enum kw k)
{
	return o->node[k] < 0 || operand_value(c, o, k);
}

static bool owner_operands(struct ctx *c, const struct operands *o)
{
	if (o->node[K_OWNER] >= 0 && !one_name(c, o, K_OWNER, "owner"))
		return false;
	if (o->node[K_NOTIFY] >= 0 && !one_name(c, o, K_NOTIFY, "NOTIFY user ID"))
		return false;
	return text_operand(c, o, K_DATA);
}

/* Checks a list of sub-keywords (OMVS(UID(0) HOME(/u/x))) against defs;
 * for the ones marked numeric (id 1) the value must be a number. */
static bool segment_operand(struct ctx *c, int k, const char *kw,
			    const struct opt_def *defs, size_t ndefs)
{
	for (int i = nd(c, k)->value; i >= 0; i = nd(c, i)->next) {
		const struct node *n = nd(c, i);
		const struct opt_def *d = node_keyword(n, defs, ndefs, true);
		const struct psf_rtok *v;

		if (!d) {
			ERR(c, n->line, "unknown operand '%s' in %s", text_of(n), kw);
			return false;
		}
		if (d->val == V0 && n->has_value) {
			ERR(c, n->line, "%s in %s takes no value", d->name, kw);
			return false;
		}
		if (d->val == V0)
			continue;
		if (!(v = one_value(c, i, d->name)))
			return false;
		if (d->id == 1 && (v->len == 0 || v->len > 10 ||
				   strspn(v->text, "0123456789") != v->len ||
				   strtoull(v->text, NULL, 10) > 2147483647ULL)) {
			ERR(c, v->line, "bad %s '%s' in %s: a number 0-2147483647",
			    d->name, v->text, kw);
			return false;
		}
	}
	return true;
}

/* ---------------- names ---------------- */

static const char *const class_names[] = { "SERVAUTH", "FACILITY" };

static bool class_name(struct ctx *c, const struct psf_rtok *t,
		       enum psf_class *out)
{
	for (int i = 0; i < 2; i++)
		if (t->kind == PSF_RTOK_WORD && strcmp(t->text, class_names[i]) == 0) {
			*out = (enum psf_class)i;
			return true;
		}
	ERR(c, t->line, "class '%s' is not supported (SERVAUTH, FACILITY)",
	    t->text);
	return false;
}

/* A character of a general-resource profile name in upper case; 0 for
 * those that separate operands, 1 for the unprintable ones. */
static unsigned char name_char(unsigned char c)
{
	if (c < 0x21 || c > 0x7e)
		return c == ' ' ? 0 : 1;
	switch (c) {
	case '(': case ')': case '\'': case ',': case ';':
		return 0;
	default:
		return (unsigned char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
	}
}

/* The lexer has folded a word and cut it at blanks, commas, parentheses
 * and quotes: what is left to check is cheap, and there are tens of
 * thousands of names. */
static const char *word_name_error(const struct psf_rtok *t,
				   char out[PSF_PROFILE_NAME_MAX + 1])
{
	bool generic = false;

	for (const unsigned char *p = (const unsigned char *)t->text; *p; p++) {
		if (*p < 0x21 || *p > 0x7e)
			return "contains a character that is not printable";
		if (*p == ';')
			return "contains a blank, comma, semicolon, quote or "
			       "parenthesis";
		generic |= *p == '*';
	}
	memcpy(out, t->text, t->len + 1);
	return generic ? psf_generic_name_error(out) : NULL;
}

/* Why t cannot be a general-resource profile name, NULL if it can; its
 * upper-case form goes to out.  RACF takes these names quoted or not. */
static const char *profile_name_error(const struct psf_rtok *t,
				      char out[PSF_PROFILE_NAME_MAX + 1])
{
	bool generic = false;

	if (t->len == 0)
		return "empty";
	if (t->len > PSF_PROFILE_NAME_MAX)
		return "longer than 246 characters";
	if (t->kind == PSF_RTOK_WORD)
		return word_name_error(t, out);
	for (size_t i = 0; i < t->len; i++) {
		unsigned char ch = name_char((unsigned char)t->text[i]);

		if (ch <= 1)
			return ch ? "contains a character that is not printable"
				  : "contains a blank, comma, semicolon, quote or "
				    "parenthesis";
		out[i] = (char)ch;
		generic |= ch == '*';
	}
	out[t->len] = '\0';
	return generic ? psf_generic_name_error(out) : NULL;
}

static bool profile_name(struct ctx *c, const struct psf_rtok *t,
			 char out[PSF_PROFILE_NAME_MAX + 1])
{
	const char *why = profile_name_error(t, out);

	if (why)
		ERR(c, t->line, "bad profile name '%.80s%s': %s", t->text,
		    t->len > 80 ? "..." : "", why);
	return !why;
}

/* The upper-case form of a name profile_name has accepted. */
static const char *folded_name(const struct psf_rtok *t,
			       char out[PSF_PROFILE_NAME_MAX + 1])
{
	if (t->kind == PSF_RTOK_WORD)
		return t->text;         /* the lexer folded it */
	for (size_t i = 0; i <= t->len; i++)
		out[i] = (char)(t->text[i] >= 'a' && t->text[i] <= 'z' ?
				t->text[i] - 'a' + 'A' : t->text[i]);
	return out;
}

/* The positional operand at *pos (a name or a parenthesized list of
 * names); moves *pos on.  -1 with an error when it is missing. */
static int positional(struct ctx *c, int *pos, const char *what)
{
	int i = *pos;

	if (i < 0) {
		ERR(c, c->line, "%s: missing %s", c->cmd, what);
		return -1;
	}
	if (nd(c, i)->tok && nd(c, i)->has_value) {
		ERR(c, nd(c, i)->line, "%s: missing %s before '%s'", c->cmd, what,
		    nd(c, i)->tok->text);
		return -1;
	}
	*pos = nd(c, i)->next;
	return i;
}

/* Names given as one item (RDEFINE SERVAUTH A) or as a list
 * (RDEFINE SERVAUTH (A B), ID(A B)). */
struct names {
	int first;
	bool single;
};

static struct names positional_names(const struct ctx *c, int i)
{
	return nd(c, i)->tok ? (struct names){ i, true }
			     : (struct names){ nd(c, i)->value, false };
}

static struct names value_names(const struct ctx *c, int k)
{
	return (struct names){ nd(c, k)->value, false };
}

static int next_name(const struct ctx *c, struct names l, int i)
{
	return l.single ? -1 : nd(c, i)->next;
}

#define FOR_NAMES(c, l, i) \
	for (int i = (l).first; i >= 0; i = next_name((c), (l), i))

static bool check_profile_names(struct ctx *c, int k, struct names l)
{
	char name[PSF_PROFILE_NAME_MAX + 1];

	if (l.first < 0) {
		ERR(c, nd(c, k)->line, "%s: empty list of profile names", c->cmd);
		return false;
	}
	FOR_NAMES(c, l, i) {
		const struct psf_rtok *t = leaf(c, i, "the profile names");

		if (!t || !profile_name(c, t, name))
			return false;
	}
	return true;
}

static bool check_ids(struct ctx *c, int k, struct names l, const char *what,
		      bool star_ok)
{
	if (l.first < 0) {
		ERR(c, nd(c, k)->line, "%s: empty list of %ss", c->cmd, what);
		return false;
	}
	FOR_NAMES(c, l, i) {
		const struct psf_rtok *t = leaf(c, i, c->cmd);

		if (!t || !zos_name(c, t, what, star_ok))
			return false;
	}
	return true;
}

/* ---------------- SETROPTS ---------------- */

struct setr_state {
	bool classact, generic, grplist, when_program;
	int when_line;
	enum psf_logopt logoptions;
};

/* Does a class list name SERVAUTH?  "*" (all classes) counts where RACF
 * accepts it. */
static bool names_servauth(struct ctx *c, int k, const char *kw, bool star_ok,
			   bool *hit)
{
	*hit = false;
	for (int i = nd(c, k)->value; i >= 0; i = nd(c, i)->next) {
		const struct psf_rtok *t = leaf(c, i, kw);

		if (!t || !zos_name(c, t, "class name", star_ok))
			return false;
		*hit |= strcmp(t->text, "SERVAUTH") == 0 || strcmp(t->text, "*") == 0;
	}
	return true;
}

static const struct opt_def logopt_levels[] = {
	{ "ALWAYS", PSF_LOG_ALWAYS, V1 }, { "DEFAULT", PSF_LOG_DEFAULT, V1 },
	{ "FAILURES", PSF_LOG_FAILURES, V1 }, { "NEVER", PSF_LOG_NEVER, V1 },
	{ "SUCCESSES", PSF_LOG_SUCCESSES, V1 },
};

static bool setr_logoptions(struct ctx *c, int k, struct setr_state *s)
{
	for (int i = nd(c, k)->value; i >= 0; i = nd(c, i)->next) {
		const struct node *n = nd(c, i);
		const struct opt_def *d = node_keyword(n, logopt_levels,
						       NDEFS(logopt_levels), true);
		bool hit;

		if (!d) {
			ERR(c, n->line, "bad level '%s' in LOGOPTIONS (ALWAYS, NEVER, "
			    "SUCCESSES, FAILURES, DEFAULT)", text_of(n));
			return false;
		}
		if (!value_given(n)) {
			ERR(c, n->line, "LOGOPTIONS level %s requires a class list",
			    d->name);
			return false;
		}
		if (!names_servauth(c, i, "LOGOPTIONS", false, &hit))
			return false;
		if (hit)
			s->logoptions = (enum psf_logopt)d->id;
	}
	return true;
}

static bool setr_when(struct ctx *c, int k, const char *kw)
{
	const struct psf_rtok *t = one_value(c, k, kw);

	if (t && strcmp(t->text, "PROGRAM") != 0)
		ERR(c, t->line, "bad value '%s' in %s (PROGRAM)", t->text, kw);
	return t && !c->failed;
}

/* One SETROPTS operand applied to s; the class-list ones change s only
 * when they name SERVAUTH. */
static bool setr_one(struct ctx *c, const struct operands *o, enum kw k,
		     struct setr_state *s)
{
	int n = o->node[k];
	const char *kw = o->name[k]->name;
	bool hit = false;

	switch (k) {
	case K_CLASSACT: case K_NOCLASSACT: case K_GENERIC: case K_NOGENERIC:
	case K_GENCMD: case K_NOGENCMD:
		if (!names_servauth(c, n, kw, true, &hit))
			return false;
		break;
	case K_RACLIST: case K_NORACLIST:
		return names_servauth(c, n, kw, false, &hit);
	case K_WHEN: case K_NOWHEN:
		if (!setr_when(c, n, kw))
			return false;
		s->when_program = k == K_WHEN;
		s->when_line = k == K_WHEN ? nd(c, n)->line : 0;
		return true;
	case K_LOGOPTIONS:
		return setr_logoptions(c, n, s);
	case K_GRPLIST: case K_NOGRPLIST:
		s->grplist = k == K_GRPLIST;
		return true;
	default:                        /* REFRESH */
		return true;
	}
	if (hit && (k == K_CLASSACT || k == K_NOCLASSACT))
		s->classact = k == K_CLASSACT;
	if (hit && (k == K_GENERIC || k == K_NOGENERIC))
		s->generic = k == K_GENERIC;
	return true;
}

static void do_setropts(struct ctx *c, int pos)
{
	struct psf_racf_model *m = c->m;
	struct setr_state s = { m->classact, m->generic, m->grplist,
				m->when_program, m->when_program_line,
				m->logoptions };
	struct operands o;

	if (pos < 0) {
		ERR(c, c->line, "SETROPTS: missing operands");
		return;
	}
	if (!collect(c, pos, setropts_opts, NDEFS(setropts_opts), &o))
		return;
	if (o.node[K_REFRESH] >= 0 && o.node[K_RACLIST] < 0 &&
	    o.node[K_GENERIC] < 0 && o.node[K_WHEN] < 0) {
		ERR(c, nd(c, o.node[K_REFRESH])->line,
		    "REFRESH requires RACLIST, GENERIC or WHEN(PROGRAM)");
		return;
	}
	for (size_t i = 0; i < o.norder; i++)
		if (!setr_one(c, &o, (enum kw)o.order[i], &s))
			return;
	m->classact = s.classact;
	m->generic = s.generic;
	m->grplist = s.grplist;
	m->when_program = s.when_program;
	m->when_program_line = s.when_line;
	m->logoptions = s.logoptions;
}

/* ---------------- RDEFINE, RALTER, RDELETE ---------------- */

struct prof_change {
	bool has_uacc;
	enum psf_access uacc;
	int warning;                    /* -1 unchanged, 0 NOWARNING, 1 WARNING */
	bool has_audit, has_gaudit;
	struct psf_audit_opt audit, gaudit;
	int appldata;                   /* 0 unchanged, 1 set, -1 NOAPPLDATA */
	const char *appldata_text;
};

enum { A_ALL, A_SUCCESS, A_FAILURES, A_NONE };

static const struct opt_def audit_types[] = {
	{ "ALL", A_ALL, VOPT }, { "FAILURES", A_FAILURES, VOPT },
	{ "NONE", A_NONE, V0 }, { "SUCCESS", A_SUCCESS, VOPT },
	{ "SUCCESSES", A_SUCCESS, VOPT },
};

/* One type(level) of AUDIT(...) into *a; the level defaults to READ. */
static bool audit_item(struct ctx *c, int i, const char *kw,
		       struct psf_audit_opt *a, bool *none)
{
	const struct node *n = nd(c, i);
	const struct opt_def *d = node_keyword(n, audit_types, NDEFS(audit_types),
					       true);
	enum psf_access level = PSF_ACC_READ;
	const struct psf_rtok *t;

	if (!d) {
		ERR(c, n->line, "bad audit type '%s' in %s (ALL, SUCCESS, FAILURES, "
		    "NONE)", text_of(n), kw);
		return false;
	}
	if (d->id == A_NONE && n->has_value) {
		ERR(c, n->line, "NONE in %s takes no value", kw);
		return false;
	}
	if (n->has_value && (!(t = one_value(c, i, kw)) ||
			     !access_level(c, t, kw, PSF_ACC_READ, &level)))
		return false;
	*none |= d->id == A_NONE;
	if (d->id == A_ALL || d->id == A_SUCCESS)
		a->success = (uint8_t)level;
	if (d->id == A_ALL || d->id == A_FAILURES)
		a->failure = (uint8_t)level;
	return true;
}

/* AUDIT(...) or GLOBALAUDIT(...) replaces the profile's whole setting:
 * the types not named are not logged. */
static bool audit_spec(struct ctx *c, int k, const char *kw,
		       struct psf_audit_opt *out)
{
	struct psf_audit_opt a = { PSF_AUDIT_OFF, PSF_AUDIT_OFF };
	bool none = false;
	int items = 0;

	for (int i = nd(c, k)->value; i >= 0; i = nd(c, i)->next, items++)
		if (!audit_item(c, i, kw, &a, &none))
			return false;
	if (none && items > 1) {
		ERR(c, nd(c, k)->line, "NONE cannot be combined with other audit "
		    "types in %s", kw);
		return false;
	}
	*out = a;
	return true;
}

static bool prof_change_of(struct ctx *c, const struct operands *o,
			   struct prof_change *ch)
{
	memset(ch, 0, sizeof *ch);
	ch->warning = -1;
	if (!exclusive(c, o, K_WARNING, K_NOWARNING) ||
	    !exclusive(c, o, K_APPLDATA, K_NOAPPLDATA) || !owner_operands(c, o))
		return false;
	if (o->node[K_UACC] >= 0) {
		if (!access_operand(c, o, K_UACC, &ch->uacc))
			return false;
		ch->has_uacc = true;
	}
	if (o->node[K_WARNING] >= 0 || o->node[K_NOWARNING] >= 0)
		ch->warning = o->node[K_WARNING] >= 0;
	if ((ch->has_audit = o->node[K_AUDIT] >= 0) &&
	    !audit_spec(c, o->node[K_AUDIT], "AUDIT", &ch->audit))
		return false;
	if ((ch->has_gaudit = o->node[K_GLOBALAUDIT] >= 0) &&
	    !audit_spec(c, o->node[K_GLOBALAUDIT], "GLOBALAUDIT", &ch->gaudit))
		return false;
	if (o->node[K_APPLDATA] >= 0) {
		const struct psf_rtok *t = operand_value(c, o, K_APPLDATA);

		if (!t)
			return false;
		ch->appldata = 1;
		ch->appldata_text = t->text;
	} else if (o->node[K_NOAPPLDATA] >= 0) {
		ch->appldata = -1;
	}
	return true;
}

static bool apply_change(struct ctx *c, struct psf_profile *p,
			 const struct prof_change *ch)
{
	if (ch->has_uacc)
		p->uacc = ch->uacc;
	if (ch->warning >= 0)
		p->warning = ch->warning;
	if (ch->has_audit)
		p->audit = ch->audit;
	if (ch->has_gaudit)
		p->globalaudit = ch->gaudit;
	if (ch->appldata &&
	    psf_racf_set_appldata(p, ch->appldata > 0 ? ch->appldata_text : NULL) < 0) {
		no_memory(c, c->line);
		return false;
	}
	return true;
}

/* class and profile names of RDEFINE, RALTER, RDELETE; *pos moves past
 * them. */
static bool class_and_names(struct ctx *c, int *pos, enum psf_class *cls,
			    struct names *names)
{
	int k = positional(c, pos, "class name");
	const struct psf_rtok *t;

	if (k < 0 || !(t = leaf(c, k, c->cmd)) || !class_name(c, t, cls))
		return false;
	if ((k = positional(c, pos, "profile name")) < 0)
		return false;
	*names = positional_names(c, k);
	return check_profile_names(c, k, *names);
}

static void do_rdefine_or_ralter(struct ctx *c, int pos, bool define)
{
	struct operands o;
	struct prof_change ch;
	enum psf_class cls;
	struct names names;
	char buf[PSF_PROFILE_NAME_MAX + 1];

	if (!class_and_names(c, &pos, &cls, &names) ||
	    !collect(c, pos, define ? rdefine_opts : ralter_opts,
		     define ? NDEFS(rdefine_opts) : NDEFS(ralter_opts), &o) ||
	    !prof_change_of(c, &o, &ch))
		return;
	FOR_NAMES(c, names, i) {
		const char *name = folded_name(nd(c, i)->tok, buf);
		struct psf_profile *p = psf_racf_find(c->m, cls, name);

		if (define && p) {
			REJECT(c, "RDEFINE: " MSG_RDEF_EXISTS, name, class_names[cls]);
			continue;
		}
		if (!define && !p) {
			REJECT(c, "RALTER: " MSG_RALT_MISSING, name, class_names[cls]);
			continue;
		}
		if (define && !(p = psf_racf_add_profile(c->m, cls, name, c->file,
							 c->line))) {
			no_memory(c, c->line);
			return;
		}
		if (!apply_change(c, p, &ch))
			return;
	}
}

static void do_rdefine(struct ctx *c, int pos)
{
	do_rdefine_or_ralter(c, pos, true);
}

static void do_ralter(struct ctx *c, int pos)
{
	do_rdefine_or_ralter(c, pos, false);
}

static void do_rdelete(struct ctx *c, int pos)
{
	struct operands o;
	enum psf_class cls;
	struct names names;
	char buf[PSF_PROFILE_NAME_MAX + 1];

	if (!class_and_names(c, &pos, &cls, &names) ||
	    !collect(c, pos, rdelete_opts, NDEFS(rdelete_opts), &o))
		return;
	FOR_NAMES(c, names, i) {
		const char *name = folded_name(nd(c, i)->tok, buf);
		struct psf_profile *p;

		if ((p = psf_racf_find(c->m, cls, name)))
			psf_racf_delete_profile(p);
		else
			REJECT(c, "RDELETE: " MSG_RDEL_MISSING, name, class_names[cls]);
	}
}

/* ---------------- PERMIT ---------------- */

struct permit {
	enum psf_class cls;
	struct names names;
	int ids;                        /* the ID node, -1 without ID */
	bool delete;
	enum psf_access level;
	char program[PSF_NAME_LEN + 1]; /* WHEN(PROGRAM(x)), "" none */
	bool reset_std, reset_when;
};

enum { R_STANDARD, R_WHEN, R_ALL };

static const struct opt_def reset_values[] = {
	{ "ALL", R_ALL, V0 }, { "STANDARD", R_STANDARD, V0 }, { "WHEN", R_WHEN, V0 },
};

static const struct opt_def when_conditions[] = {
	{ "APPCPORT", 0, V1 }, { "CONSOLE", 0, V1 }, { "CRITERIA", 0, V1 },
	{ "JESINPUT", 0, V1 }, { "PROGRAM", 1, V1 }, { "SERVAUTH", 0, V1 },
	{ "SYSID", 0, V1 }, { "TERMINAL", 0, V1 },
};

static bool permit_reset(struct ctx *c, int k, struct permit *pm)
{
	const struct psf_rtok *t;
	const struct opt_def *d;
	char amb[200];

	if (!nd(c, k)->has_value) {
		pm->reset_std = true;   /* RESET alone is RESET(STANDARD) */
		return true;
	}
	if (!(t = one_value(c, k, "RESET")))
		return false;
	d = match_word(reset_values, NDEFS(reset_values), true, t->text, amb,
		       sizeof amb);
	if (!d) {
		ERR(c, t->line, "bad value '%s' in RESET (STANDARD, WHEN, ALL)",
		    t->text);
		return false;
	}
	pm->reset_std = d->id != R_WHEN;
	pm->reset_when = d->id != R_STANDARD;
	return true;
}

static bool permit_when(struct ctx *c, int k, struct permit *pm)
{
	const struct node *n = nd(c, nd(c, k)->value);
	const struct opt_def *d = node_keyword(n, when_conditions,
					       NDEFS(when_conditions), false);
	const struct psf_rtok *t;
	const char *pgm;

	if (n->next >= 0) {
		ERR(c, nd(c, n->next)->line, "WHEN takes one condition, not also "
		    "'%s'", text_of(nd(c, n->next)));
		return false;
	}
	if (!d || d->id == 0) {
		ERR(c, n->line, d ? "WHEN(%s) is not supported by portsaf (PROGRAM)"
		    : "bad condition '%s' in WHEN (PROGRAM)", d ? d->name : text_of(n));
		return false;
	}
	if (!(t = one_value(c, nd(c, k)->value, "WHEN(PROGRAM)")) ||
	    !(pgm = zos_name(c, t, "program name", false)))
		return false;
	strcpy(pm->program, pgm);
	return true;
}

static bool permit_operands(struct ctx *c, const struct operands *o,
			    struct permit *pm)
{
	const struct psf_rtok *t;

	if (o->node[K_CLASS] < 0) {
		ERR(c, c->line, "PERMIT: missing required operand CLASS");
		return false;
	}
	if (!(t = operand_value(c, o, K_CLASS)) ||
	    !class_name(c, t, &pm->cls) ||
	    !exclusive(c, o, K_ACCESS, K_DELETE))
		return false;
	if (o->node[K_ID] < 0 && o->node[K_RESET] < 0) {
		ERR(c, c->line, "PERMIT: missing required operand ID");
		return false;
	}
	if (o->node[K_ID] < 0 && (o->node[K_ACCESS] >= 0 || o->node[K_DELETE] >= 0 ||
				  o->node[K_WHEN] >= 0)) {
		ERR(c, c->line, "PERMIT: %s requires ID",
		    o->name[o->node[K_ACCESS] >= 0 ? K_ACCESS :
			    o->node[K_DELETE] >= 0 ? K_DELETE : K_WHEN]->name);
		return false;
	}
	pm->ids = o->node[K_ID];
	pm->delete = o->node[K_DELETE] >= 0;
	pm->level = PSF_ACC_READ;       /* RACF's default ACCESS */
	if (pm->ids >= 0 && !check_ids(c, pm->ids, value_names(c, pm->ids),
				       "user or group ID", true))
		return false;
	if (o->node[K_ACCESS] >= 0 && !access_operand(c, o, K_ACCESS, &pm->level))
		return false;
	if (o->node[K_WHEN] >= 0 && !permit_when(c, o->node[K_WHEN], pm))
		return false;
	return o->node[K_RESET] < 0 || permit_reset(c, o->node[K_RESET], pm);
}

static bool permit_ids(struct ctx *c, struct psf_profile *p,
		       const struct permit *pm)
{
	FOR_NAMES(c, value_names(c, pm->ids), i) {
		const char *id = nd(c, i)->tok->text;

		if (pm->delete) {
			if (!psf_acl_delete(p, id, pm->program))
				diag(c, PSF_SEV_WARNING, c->line,
				     "PERMIT: " MSG_PE_NOT_LISTED, id);
			continue;
		}
		if (psf_acl_permit(p, id, pm->program, pm->level) < 0 ||
		    (strcmp(id, "*") != 0 &&
		     psf_racf_add_ref(c->m, c->file, nd(c, i)->line, id, p) < 0)) {
			no_memory(c, c->line);
			return false;
		}
	}
	return true;
}

static void do_permit(struct ctx *c, int pos)
{
	struct permit pm = { 0 };
	struct operands o;
	char buf[PSF_PROFILE_NAME_MAX + 1];
	int k = positional(c, &pos, "profile name");

	if (k < 0 || !check_profile_names(c, k, pm.names = positional_names(c, k)) ||
	    !collect(c, pos, permit_opts, NDEFS(permit_opts), &o) ||
	    !permit_operands(c, &o, &pm))
		return;
	if (pm.delete && (pm.reset_std || pm.reset_when)) {
		diag(c, PSF_SEV_WARNING, c->line, "PERMIT: " MSG_PE_RESET_DEL);
		pm.reset_std = pm.reset_when = false;
	}
	FOR_NAMES(c, pm.names, i) {
		const char *name = folded_name(nd(c, i)->tok, buf);
		struct psf_profile *p = psf_racf_find(c->m, pm.cls, name);

		if (!p) {
			REJECT(c, "PERMIT: " MSG_PE_MISSING, name);
			continue;
		}
		psf_acl_reset(p, pm.reset_std, pm.reset_when);
		if (pm.ids >= 0 && !permit_ids(c, p, &pm))
			return;
	}
}

/* ---------------- ADDUSER, ADDGROUP, CONNECT ---------------- */

/* Sub-keywords of the OMVS segment; id 1 marks a numeric value. */
static const struct opt_def omvs_user_keys[] = {
	{ "ASSIZEMAX", 1, V1 }, { "AUTOUID", 0, V0 }, { "CPUTIMEMAX", 1, V1 },
	{ "FILEPROCMAX", 1, V1 }, { "HOME", 0, V1 }, { "MEMLIMIT", 0, V1 },
	{ "MMAPAREAMAX", 1, V1 }, { "PROCUSERMAX", 1, V1 },
	{ "PROGRAM", 0, V1 }, { "SHARED", 0, V0 }, { "SHMEMMAX", 0, V1 },
	{ "THREADSMAX", 1, V1 }, { "UID", 1, V1 },
};

static const struct opt_def omvs_group_keys[] = {
	{ "AUTOGID", 0, V0 }, { "GID", 1, V1 }, { "SHARED", 0, V0 },
};

static const struct opt_def group_authorities[] = {
	{ "CONNECT", 0, V0 }, { "CREATE", 0, V0 }, { "JOIN", 0, V0 },
	{ "USE", 0, V0 },
};

static bool authority_operand(struct ctx *c, const struct operands *o)
{
	const struct psf_rtok *t;

	if (o->node[K_AUTHORITY] < 0)
		return true;
	if (!(t = operand_value(c, o, K_AUTHORITY)))
		return false;
	for (size_t i = 0; i < NDEFS(group_authorities); i++)
		if (strcmp(t->text, group_authorities[i].name) == 0)
			return true;
	ERR(c, t->line, "bad value '%s' in AUTHORITY (USE, CREATE, CONNECT, JOIN)",
	    t->text);
	return false;
}

/* ADDUSER, ADDGROUP and CONNECT differ in what their IDs are, in their
 * operand table and in the fields of their OMVS segment (CONNECT has
 * none). */
struct id_command {
	const char *what;               /* "user ID" or "group name" */
	const struct opt_def *opts, *omvs;
	size_t nopts, nomvs;
};

static const struct id_command adduser_cmd = {
	"user ID", adduser_opts, omvs_user_keys,
	NDEFS(adduser_opts), NDEFS(omvs_user_keys)
};
static const struct id_command addgroup_cmd = {
	"group name", addgroup_opts, omvs_group_keys,
	NDEFS(addgroup_opts), NDEFS(omvs_group_keys)
};
static const struct id_command connect_cmd = {
	"user ID", connect_opts, NULL, NDEFS(connect_opts), 0
};

/* Reads the IDs from operand pos on and the operands the three commands
 * share; their own operands stay in *o for the caller to check. */
static bool id_operands(struct ctx *c, int pos, const struct id_command *ic,
			struct names *ids, struct operands *o)
{
	int k = positional(c, &pos, ic->what);
	enum psf_access uacc;

	if (k < 0 ||
	    !check_ids(c, k, *ids = positional_names(c, k), ic->what, false) ||
	    !collect(c, pos, ic->opts, ic->nopts, o) ||
	    !owner_operands(c, o) || !authority_operand(c, o))
		return false;
	if (o->node[K_UACC] >= 0 && !access_operand(c, o, K_UACC, &uacc))
		return false;
	return o->node[K_OMVS] < 0 ||
	       segment_operand(c, o->node[K_OMVS], "OMVS", ic->omvs, ic->nomvs);
}

/* ADDUSER's NAME, upper-cased as RACF stores it. */
static bool user_name(struct ctx *c, const struct operands *o,
		      char out[PSF_UNAME_LEN + 1])
{
	const struct psf_rtok *t = operand_value(c, o, K_NAME);

	if (!t)
		return false;
	if (t->len > PSF_UNAME_LEN) {
		ERR(c, t->line, "NAME '%s' is longer than %d characters", t->text,
		    PSF_UNAME_LEN);
		return false;
	}
	for (size_t i = 0; i <= t->len; i++)
		out[i] = (char)(t->text[i] >= 'a' && t->text[i] <= 'z' ?
				t->text[i] - 32 : t->text[i]);
	return true;
}

static bool add_user(struct ctx *c, const char *id, const char *dfltgrp,
		     const char *name)
{
	struct psf_racf_user *u = psf_racf_add_user(c->m, id, c->file, c->line);

	if (u && name) {
		strcpy(u->name, name);
		u->has_name = true;
	}
	if (u && dfltgrp) {
		strcpy(u->dfltgrp, dfltgrp);
		/* DFLTGRP also connects the user to the group. */
		if (psf_racf_connect(u, dfltgrp) < 0)
			u = NULL;
	}
	if (!u)
		no_memory(c, c->line);
	return u != NULL;
}

static void do_adduser(struct ctx *c, int pos)
{
	struct operands o;
	struct names ids;
	const char *dfltgrp = NULL;
	char name[PSF_UNAME_LEN + 1];

	if (!id_operands(c, pos, &adduser_cmd, &ids, &o) ||
	    (o.node[K_DFLTGRP] >= 0 &&
	     !(dfltgrp = one_name(c, &o, K_DFLTGRP, "group name"))) ||
	    (o.node[K_NAME] >= 0 && !user_name(c, &o, name)))
		return;
	FOR_NAMES(c, ids, i) {
		const char *id = nd(c, i)->tok->text;

		if (psf_racf_find_user(c->m, id))
			REJECT(c, "ADDUSER: " MSG_AU_EXISTS, id);
		else if (!add_user(c, id, dfltgrp, o.node[K_NAME] >= 0 ? name : NULL))
			return;
	}
}

static void do_addgroup(struct ctx *c, int pos)
{
	struct operands o;
	struct names ids;

	if (!id_operands(c, pos, &addgroup_cmd, &ids, &o) ||
	    (o.node[K_SUPGROUP] >= 0 &&
	     !one_name(c, &o, K_SUPGROUP, "group name")))
		return;
	FOR_NAMES(c, ids, i) {
		const char *id = nd(c, i)->tok->text;

		if (psf_racf_find_group(c->m, id)) {
			REJECT(c, "ADDGROUP: " MSG_AG_EXISTS, id);
		} else if (!psf_racf_add_group(c->m, id, c->file, c->line)) {
			no_memory(c, c->line);
			return;
		}
	}
}

/* The group need not have been defined by ADDGROUP: RACF input for port
 * security is often an excerpt that leaves the groups out. */
static void do_connect(struct ctx *c, int pos)
{
	struct operands o;
	struct names ids;
	const char *group;

	if (!id_operands(c, pos, &connect_cmd, &ids, &o))
		return;
	if (o.node[K_GROUP] < 0) {
		ERR(c, c->line, "CONNECT: missing required operand GROUP");
		return;
	}
	if (!(group = one_name(c, &o, K_GROUP, "group name")))
		return;
	FOR_NAMES(c, ids, i) {
		const char *id = nd(c, i)->tok->text;
		struct psf_racf_user *u = psf_racf_find_user(c->m, id);

		if (!u) {
			REJECT(c, "CONNECT: " MSG_CO_NO_USER, id);
		} else if (psf_racf_connect(u, group) < 0) {
			no_memory(c, c->line);
			return;
		}
	}
}

/* ---------------- commands ---------------- */

static const struct command {
	const char *name, *alias;
	void (*run)(struct ctx *c, int first_operand);
} commands[] = {
	{ "SETROPTS", "SETR", do_setropts },
	{ "RDEFINE", "RDEF", do_rdefine },
	{ "RALTER", "RALT", do_ralter },
	{ "RDELETE", "RDEL", do_rdelete },
	{ "PERMIT", "PE", do_permit },
	{ "ADDUSER", "AU", do_adduser },
	{ "ADDGROUP", "AG", do_addgroup },
	{ "CONNECT", "CO", do_connect },
};

static void run_command(const struct psf_rcmd *cmd, void *arg)
{
	struct ctx *c = arg;
	const struct node *n;
	int first;

	c->failed = false;
	c->line = cmd->tok[0].line;
	c->cmd = cmd->tok[0].text;
	if ((first = parse_tree(c, cmd)) < 0)
		return;
	n = nd(c, first);
	for (size_t i = 0; n->tok && n->tok->kind == PSF_RTOK_WORD &&
	     i < NDEFS(commands); i++) {
		if (strcmp(n->tok->text, commands[i].name) &&
		    strcmp(n->tok->text, commands[i].alias))
			continue;
		if (n->has_value) {
			ERR(c, n->line, "unexpected '(' after %s", n->tok->text);
			return;
		}
		c->cmd = commands[i].name;
		commands[i].run(c, n->next);
		return;
	}
	ERR(c, n->line, "unknown RACF command '%s'", text_of(n));
}

int psf_racf_parse(struct psf_racf_model *m, const char *text, size_t len,
		   const char *file, enum psf_severity rejected,
		   struct psf_diags *d)
{
	size_t before = psf_diags_count(d, PSF_SEV_ERROR);
	struct ctx c = { .m = m, .rejected = rejected, .d = d };

	c.file = psf_racf_file_name(m, file ? file : "portsaf");
	if (!c.file) {
		psf_diag_add(d, PSF_SEV_ERROR, file, 0,
			     "out of memory reading RACF commands");
		return 1;
	}
	psf_racf_lex(text, len, c.file, d, run_command, &c);
	free(c.nodes);
	psf_racf_compact(m);
	return (int)(psf_diags_count(d, PSF_SEV_ERROR) - before);
}

int psf_racf_parse_file(struct psf_racf_model *m, const char *path,
			enum psf_severity rejected, struct psf_diags *d)
{
	size_t len;
	char *text = psf_read_file(path, &len);
	int errors;

	if (!text) {
		psf_diag_add(d, PSF_SEV_ERROR, path, 0,
			     "cannot read RACF commands: %s", strerror(errno));
		return 1;
	}
	errors = psf_racf_parse(m, text, len, path, rejected, d);
	free(text);
	return errors;
}
