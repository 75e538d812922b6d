/* The configuration file (interface.md "Configuration"): every setting is
 * validated, and every problem names the file and the line. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <libconfig.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "config.h"

struct ctx {
	struct psf_config *c;
	const char *file;
	struct psf_diags *d;
	int errors;
};

__attribute__((format(printf, 3, 4)))
static void err(struct ctx *x, const config_setting_t *s, const char *fmt, ...)
{
	char text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	psf_diag_add(x->d, PSF_SEV_ERROR, x->file,
		     s ? (int)config_setting_source_line(s) : 0, "%s", text);
	x->errors++;
}

void psf_config_defaults(struct psf_config *c)
{
	memset(c, 0, sizeof *c);
	strcpy(c->sysname, "SYS1");
	strcpy(c->tcpname, "TCPIP");
	c->messages = PSF_MSG_STDERR;
}

static const char *type_name(int t)
{
	switch (t) {
	case CONFIG_TYPE_GROUP: return "a group";
	case CONFIG_TYPE_INT: case CONFIG_TYPE_INT64: return "an integer";
	case CONFIG_TYPE_FLOAT: return "a number";
	case CONFIG_TYPE_STRING: return "a string";
	case CONFIG_TYPE_BOOL: return "a boolean";
	case CONFIG_TYPE_ARRAY: return "an array";
	case CONFIG_TYPE_LIST: return "a list";
	}
	return "a value";
}

static bool want(struct ctx *x, const config_setting_t *s, int type)
{
	int t = config_setting_type(s);

	if (t == type || (type == CONFIG_TYPE_INT && t == CONFIG_TYPE_INT64))
		return true;
	err(x, s, "setting '%s' must be %s", config_setting_name(s),
	    type_name(type));
	return false;
}

/* Paths inside the configuration are relative to its directory. */
static char *resolve_path(const char *cfgfile, const char *p)
{
	const char *slash;
	char *out;
	size_t dl;

	if (p[0] == '/' || !(slash = strrchr(cfgfile, '/')))
		return strdup(p);
	dl = (size_t)(slash - cfgfile);
	out = malloc(dl + strlen(p) + 2);
	if (out) {
		memcpy(out, cfgfile, dl);
		out[dl] = '/';
		strcpy(out + dl + 1, p);
	}
	return out;
}

static bool valid_zname(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n == 0 || n > max || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (; *s; s++) {
		char c = *s;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == '$' || c == '@' || c == '#'))
			return false;
	}
	return true;
}

/* A z/OS name setting: 1-max characters A-Z 0-9 $ @ #, folded. */
static void get_zname(struct ctx *x, const config_setting_t *s, char *out,
		      size_t max)
{
	const char *v;

	if (!want(x, s, CONFIG_TYPE_STRING))
		return;
	v = config_setting_get_string(s);
	if (!valid_zname(v, max)) {
		err(x, s, "setting '%s': '%s' is not a valid z/OS name "
		    "(1-8 characters A-Z 0-9 $ @ #, not starting with a digit)",
		    config_setting_name(s), v);
		return;
	}
	psf_fold_name(out, v);
	out[max] = '\0';
}

static char *get_string(struct ctx *x, const config_setting_t *s)
{
	if (!want(x, s, CONFIG_TYPE_STRING))
		return NULL;
	return strdup(config_setting_get_string(s));
}

static bool get_choice(struct ctx *x, const config_setting_t *s,
		       const char *a, const char *b, bool *is_b)
{
	const char *v;

	if (!want(x, s, CONFIG_TYPE_STRING))
		return false;
	v = config_setting_get_string(s);
	if (strcmp(v, a) && strcmp(v, b)) {
		err(x, s, "setting '%s' must be \"%s\" or \"%s\"",
		    config_setting_name(s), a, b);
		return false;
	}
	*is_b = strcmp(v, b) == 0;
	return true;
}

static void get_bool(struct ctx *x, const config_setting_t *s, bool *out)
{
	if (want(x, s, CONFIG_TYPE_BOOL))
		*out = config_setting_get_bool(s);
}

static void read_messages(struct ctx *x, const config_setting_t *s)
{
	const char *v;

	if (!want(x, s, CONFIG_TYPE_STRING))
		return;
	v = config_setting_get_string(s);
	if (!strcmp(v, "stderr"))
		x->c->messages = PSF_MSG_STDERR;
	else if (!strcmp(v, "syslog"))
		x->c->messages = PSF_MSG_SYSLOG;
	else if (!strcmp(v, "none"))
		x->c->messages = PSF_MSG_NONE;
	else if (!v[0])
		err(x, s, "setting '%s' must be \"stderr\", \"syslog\", \"none\" "
		    "or a file path", "messages");
	else {
		x->c->messages = PSF_MSG_FILE;
		x->c->messages_file = resolve_path(x->file, v);
	}
}

static void read_emulate(struct ctx *x, const config_setting_t *g)
{
	if (!want(x, g, CONFIG_TYPE_GROUP))
		return;
	for (int i = 0; i < config_setting_length(g); i++) {
		config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
		const char *n = config_setting_name(s);

		if (!strcmp(n, "no_profile"))
			get_choice(x, s, "allow", "deny", &x->c->no_profile_deny);
		else if (!strcmp(n, "udp_ephemeral_saf"))
			get_bool(x, s, &x->c->udp_ephemeral_saf);
		else if (!strcmp(n, "tcp_ephemeral_saf"))
			get_bool(x, s, &x->c->tcp_ephemeral_saf);
		else
			err(x, s, "unknown setting 'emulate.%s'", n);
	}
}

static void rule_name(struct ctx *x, const config_setting_t *s, char **out)
{
	char folded[PSF_NAME_LEN + 1] = "";

	get_zname(x, s, folded, PSF_NAME_LEN);
	if (folded[0])
		*out = strdup(folded);
}

static void rule_flag(struct ctx *x, const config_setting_t *s, int *out)
{
	bool b;

	if (want(x, s, CONFIG_TYPE_BOOL)) {
		b = config_setting_get_bool(s);
		*out = b;
	}
}

static void read_rule(struct ctx *x, const config_setting_t *g,
		      struct psf_identity_rule *r)
{
	bool matched = false;

	memset(r, 0, sizeof *r);
	r->line = (int)config_setting_source_line(g);
	r->uid = -1;
	r->superuser = r->apf = r->ftp_server = -1;
	if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
		err(x, g, "each 'identities' entry must be a group { ... }");
		return;
	}
	for (int i = 0; i < config_setting_length(g); i++) {
		config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
		const char *n = config_setting_name(s);

		matched |= !strcmp(n, "exe") || !strcmp(n, "comm") ||
			   !strcmp(n, "uid");
		if (!strcmp(n, "exe"))
			r->exe = get_string(x, s);
		else if (!strcmp(n, "comm"))
			r->comm = get_string(x, s);
		else if (!strcmp(n, "uid")) {
			if (want(x, s, CONFIG_TYPE_INT)) {
				long long v = config_setting_get_int64(s);
				if (v < 0 || v > 0xfffffffeLL)
					err(x, s, "setting 'uid' must be a Linux uid");
				else
					r->uid = (long)v;
			}
		} else if (!strcmp(n, "jobname"))
			rule_name(x, s, &r->jobname);
		else if (!strcmp(n, "user"))
			rule_name(x, s, &r->user);
		else if (!strcmp(n, "group"))
			rule_name(x, s, &r->group);
		else if (!strcmp(n, "program"))
			rule_name(x, s, &r->program);
		else if (!strcmp(n, "superuser"))
			rule_flag(x, s, &r->superuser);
		else if (!strcmp(n, "apf"))
			rule_flag(x, s, &r->apf);
		else if (!strcmp(n, "ftp_server"))
			rule_flag(x, s, &r->ftp_server);
		else
			err(x, s, "unknown setting 'identities.%s'", n);
	}
	if (!matched)
		err(x, g, "identity rule has no match (exe, comm or uid)");
}

static void read_identities(struct ctx *x, const config_setting_t *l)
{
	int n;

	if (config_setting_type(l) != CONFIG_TYPE_LIST) {
		err(x, l, "setting '%s' must be %s", "identities",
		    "a list of groups ( { ... }, ... )");
		return;
	}
	n = config_setting_length(l);
	x->c->identities = calloc((size_t)n + 1, sizeof *x->c->identities);
	if (!x->c->identities)
		return;
	for (int i = 0; i < n; i++)
		read_rule(x, config_setting_get_elem(l, (unsigned)i),
			  &x->c->identities[i]);
	x->c->nidentities = (size_t)n;
}

static void read_path(struct ctx *x, const config_setting_t *s, char **out)
{
	char *v = get_string(x, s);

	if (!v)
		return;
	if (!v[0])
		*out = v;       /* "" keeps its meaning: none */
	else {
		*out = resolve_path(x->file, v);
		free(v);
	}
}

static void read_setting(struct ctx *x, const config_setting_t *s)
{
	const char *n = config_setting_name(s);
	struct psf_config *c = x->c;

	if (!strcmp(n, "sysname"))
		get_zname(x, s, c->sysname, PSF_NAME_LEN);
	else if (!strcmp(n, "tcpname"))
		get_zname(x, s, c->tcpname, PSF_NAME_LEN);
	else if (!strcmp(n, "smfid")) {
		char id[PSF_NAME_LEN + 1] = "";

		get_zname(x, s, id, PSF_NAME_LEN);
		if (strlen(id) > 4)
			err(x, s, "setting '%s': '%s' is longer than 4 characters",
			    "smfid", id);
		else
			strcpy(c->smfid, id);
	} else if (!strcmp(n, "profile")) {
		read_path(x, s, &c->profile);
		c->profile_line = (int)config_setting_source_line(s);
	} else if (!strcmp(n, "racf")) {
		read_path(x, s, &c->racf);
		c->racf_line = (int)config_setting_source_line(s);
	} else if (!strcmp(n, "smf"))
		read_path(x, s, &c->smf);
	else if (!strcmp(n, "messages"))
		read_messages(x, s);
	else if (!strcmp(n, "trace"))
		read_path(x, s, &c->trace);
	else if (!strcmp(n, "on_error"))
		get_choice(x, s, "deny", "allow", &c->on_error_allow);
	else if (!strcmp(n, "emulate"))
		read_emulate(x, s);
	else if (!strcmp(n, "identities"))
		read_identities(x, s);
	else
		err(x, s, "unknown setting '%s'", n);
}

int psf_config_read(struct psf_config *c, const char *path,
		    struct psf_diags *d)
{
	struct ctx x = { c, path, d, 0 };
	config_t cf;
	config_setting_t *root;

	psf_config_defaults(c);
	c->file = strdup(path);
	if (access(path, R_OK) != 0) {
		psf_diag_add(d, PSF_SEV_ERROR, path, 0, "cannot read: %s",
			     strerror(errno));
		return 1;
	}
	config_init(&cf);
	if (config_read_file(&cf, path) != CONFIG_TRUE) {
		const char *f = config_error_file(&cf);

		psf_diag_add(d, PSF_SEV_ERROR, f ? f : path,
			     config_error_line(&cf), "%s",
			     config_error_text(&cf));
		config_destroy(&cf);
		return 1;
	}
	root = config_root_setting(&cf);
	for (int i = 0; i < config_setting_length(root); i++)
		read_setting(&x, config_setting_get_elem(root, (unsigned)i));
	config_destroy(&cf);
	/* smf80.md: SMF80SID defaults to the first 4 characters of sysname */
	if (!c->smfid[0])
		memcpy(c->smfid, c->sysname, 4);
	return x.errors;
}

void psf_config_free(struct psf_config *c)
{
	free(c->file);
	free(c->profile);
	free(c->racf);
	free(c->smf);
	free(c->messages_file);
	free(c->trace);
	for (size_t i = 0; i < c->nidentities; i++) {
		struct psf_identity_rule *r = &c->identities[i];

		free(r->exe);
		free(r->comm);
		free(r->jobname);
		free(r->user);
		free(r->group);
		free(r->program);
	}
	free(c->identities);
	memset(c, 0, sizeof *c);
}
