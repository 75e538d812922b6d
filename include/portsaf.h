/*
 * portsaf: z/OS port access semantics (TCPIP PROFILE + RACF SERVAUTH) for
 * Linux.  This is the engine's public interface: load a policy once, bind an
 * identity to it once per process, then decide requests without I/O,
 * allocation or locks.
 *
 * Semantics: shared/spec/zos-port-security.md.  Errors inside are negative
 * errno values, as in libseccomp.
 */
#ifndef PORTSAF_H
#define PORTSAF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PSF_NAME_LEN 8          /* z/OS job, user, group, program names */
#define PSF_UNAME_LEN 20        /* ICH408I NAME(...) */

enum psf_op { PSF_OP_BIND, PSF_OP_LISTEN, PSF_OP_CONNECT, PSF_OP_SEND };
enum psf_proto { PSF_TCP = 0, PSF_UDP = 1 };
#define PSF_NPROTO 2

/* RACF access levels, ordered (spec 5.4). */
enum psf_access {
	PSF_ACC_NONE, PSF_ACC_EXECUTE, PSF_ACC_READ,
	PSF_ACC_UPDATE, PSF_ACC_CONTROL, PSF_ACC_ALTER
};

/* An IP address; IPv4-mapped IPv6 is always stored as IPv4 (spec 6). */
struct psf_ipaddr {
	uint8_t family;         /* 4 or 6; 0 = none */
	uint8_t b[16];          /* IPv4 in b[0..3] */
};

/* Who is calling (spec 7).  Names are folded z/OS names, NUL-terminated. */
struct psf_identity {
	char jobname[PSF_NAME_LEN + 1];
	char user[PSF_NAME_LEN + 1];
	char group[PSF_NAME_LEN + 1];
	char program[PSF_NAME_LEN + 1];
	char name[PSF_UNAME_LEN + 1];   /* ICH408I NAME, "" = blanks */
	bool apf;
	bool superuser;
	bool ftp_server;
	int32_t pid;
	int64_t start_centis;           /* process start, Unix time in 1/100 s */
};

struct psf_request {
	enum psf_op op;
	enum psf_proto proto;
	/* bind: requested local port (0 = stack assigns); listen: the bound
	 * port; connect/send: destination port. */
	uint16_t port;
	/* bind/listen: local address; connect/send: destination. */
	struct psf_ipaddr addr;
	/* listen only: the port was assigned by the stack (bound to port 0 or
	 * not bound at all), so WHENLISTEN rules do not apply (spec 2.3). */
	bool stack_assigned;
};

enum psf_verdict { PSF_ALLOW, PSF_ALLOW_WARNING, PSF_DENY };

/* SMF80EVQ values. */
enum psf_qualifier {
	PSF_QUAL_SUCCESS = 0, PSF_QUAL_INSAUTH = 1, PSF_QUAL_WARNING = 3
};

/* SMF80REA bits (smf80.md section 2). */
#define PSF_REA_CLASS   0x80    /* LOGOPTIONS */
#define PSF_REA_AUDIT   0x10    /* the profile's AUDIT */
#define PSF_REA_GLOBAL  0x01    /* GLOBALAUDIT */

/* One RACF check and what RACF would write for it (spec 5.5, 5.6). */
struct psf_saf_event {
	const char *cls;                /* "SERVAUTH" */
	const char *resource;           /* name checked */
	const char *profile;            /* covering profile */
	bool generic;
	enum psf_qualifier qualifier;
	enum psf_access intent;         /* always READ here */
	enum psf_access allowed;
	uint8_t reasons;                /* SMF80REA; 0 = not logged */
	bool smf;                       /* write an SMF type 80 record */
	bool ich408i;                   /* write ICH408I */
	bool ich432i;                   /* write ICH432I (ENHANCED-WARNING) */
};

/* Which rule decided: for the trace and for tests. */
enum psf_rule {
	PSF_RULE_UNCHECKED,             /* no rule applies (allowed) */
	PSF_RULE_RESERVED,              /* every entry RESERVED: EADDRINUSE */
	PSF_RULE_AUTHPORT,              /* AUTHPORT, not the FTP server */
	PSF_RULE_JOBNAME,               /* reserved, no entry matches the job */
	PSF_RULE_RESERVED_OWNER,        /* reserved, job matches, no SAF */
	PSF_RULE_RESERVED_SAF,          /* reserved, job matches, SAF decided */
	PSF_RULE_LOWPORT,               /* RESTRICTLOWPORTS */
	PSF_RULE_UNRSV_NOMATCH,         /* UNRSV exists, none matches */
	PSF_RULE_UNRSV_DENY,
	PSF_RULE_UNRSV_OPEN,            /* matching UNRSV without SAF/DENY */
	PSF_RULE_UNRSV_SAF,
	PSF_RULE_NET_NOZONE,            /* address in no zone */
	PSF_RULE_NET_SAF,
	PSF_RULE_NET_NOPROFILE,         /* zone without profile: denied */
	PSF_RULE_NOT_PROTECTED,         /* SAF name without profile */
	PSF_RULE_NOT_PROTECTED_DENY,    /* ... with emulate.no_profile=deny */
};

#define PSF_MAX_EVENTS 2

struct psf_decision {
	enum psf_verdict verdict;
	int err;                        /* EACCES or EADDRINUSE when DENY */
	enum psf_rule rule;             /* the rule that decided */
	bool rewrite;                   /* BIND ipaddr applies to this bind */
	struct psf_ipaddr bind_addr;
	unsigned nevents;
	struct psf_saf_event events[PSF_MAX_EVENTS];
	/* Set by the caller after an allowed bind to port 0: the kernel
	 * assigned a port the profile reserves, which z/OS never hands out
	 * (spec 4); the trace notes it. */
	bool assigned_reserved;
};

/* Optional text for `portsaf explain`; decide() appends one line per step.
 * Never used on the hot path. */
struct psf_explain {
	char *buf;
	size_t cap, len;
};

/* Diagnostics: FILE:LINE: error|warning: text */
enum psf_severity { PSF_SEV_ERROR, PSF_SEV_WARNING };
struct psf_diag {
	enum psf_severity sev;
	char *file;
	int line;
	char *text;
};
struct psf_diags {
	struct psf_diag *v;
	size_t n, cap;
};

/* Identity rules of the configuration (interface.md, spec 7).  NULL / -1
 * mean "not set". */
struct psf_identity_rule {
	int line;
	char *exe, *comm;               /* globs */
	long uid;                       /* -1 = any */
	char *jobname, *user, *group, *program;
	int superuser, apf, ftp_server; /* -1 unset, 0, 1 */
};

enum psf_messages_kind { PSF_MSG_STDERR, PSF_MSG_SYSLOG, PSF_MSG_NONE, PSF_MSG_FILE };

struct psf_config {
	char *file;                     /* NULL for the built-in discovery policy */
	char sysname[PSF_NAME_LEN + 1];
	char tcpname[PSF_NAME_LEN + 1];
	char smfid[5];
	char *profile;                  /* resolved path or NULL */
	char *racf;                     /* resolved path or NULL */
	int profile_line, racf_line;    /* where the configuration names them */
	char *smf;                      /* NULL = default, "" = none */
	enum psf_messages_kind messages;
	char *messages_file;            /* for PSF_MSG_FILE */
	char *trace;                    /* NULL/"" = none */
	bool on_error_allow;
	bool no_profile_deny;
	bool udp_ephemeral_saf;
	bool tcp_ephemeral_saf;
	struct psf_identity_rule *identities;
	size_t nidentities;
};

struct psf_policy;

struct psf_load_opts {
	/* `portsaf check`: conditions z/OS tolerates are errors, not warnings */
	bool check;
	/* `portsaf run --no-warning`: every profile as NOWARNING */
	bool no_warning;
};

/* Load a configuration file, or the built-in discovery policy when path is
 * NULL.  Returns 0 and *out, or a negative errno with diags saying why;
 * warnings may be added on success too. */
int psf_policy_load(const char *path, const struct psf_load_opts *opts,
		    struct psf_policy **out, struct psf_diags *diags);
void psf_policy_free(struct psf_policy *p);
const struct psf_config *psf_policy_config(const struct psf_policy *p);
/* RACF's ADDUSER data for identity defaults (spec 7): false when the user
 * is not defined; dfltgrp/name are "" when not given. */
bool psf_policy_racf_user(const struct psf_policy *p, const char *user,
			  char dfltgrp[PSF_NAME_LEN + 1],
			  char name[PSF_UNAME_LEN + 1]);

/* Can psf_decide() ever check a listen under this policy?  (Only UNRSV
 * TCP in WHENLISTEN mode checks at listen, spec 2.3.)  Lets a wrapper skip
 * the system calls that gather a listen request. */
bool psf_policy_checks_listen(const struct psf_policy *p);

/* Does the profile reserve this port (PORT or PORTRANGE)? */
bool psf_policy_port_reserved(const struct psf_policy *p, enum psf_proto proto,
			      uint16_t port);

/* An identity bound to a policy: the per-process lookups done once. */
struct psf_subject {
	struct psf_identity id;
	const struct psf_policy *policy;
	int32_t user_idx;               /* RACF user, -1 if not defined */
	int32_t unrsv[PSF_NPROTO];      /* deciding UNRSV entry, -1 none */
	uint16_t ngroups;
	uint64_t groups[64];            /* packed names: current group first */
	uint64_t user_key, program_key;
};

void psf_subject_init(struct psf_subject *s, const struct psf_policy *p,
		      const struct psf_identity *id);

/* The decision (spec 2-6).  Pure: no I/O, no allocation, no globals.
 * ex may be NULL. */
void psf_decide(const struct psf_policy *p, const struct psf_subject *s,
		const struct psf_request *r, struct psf_decision *d,
		struct psf_explain *ex);

/* Names and small helpers */
const char *psf_access_name(enum psf_access a);       /* "READ" */
const char *psf_op_name(enum psf_op op);              /* "BIND" */
const char *psf_proto_name(enum psf_proto p);         /* "TCP" */
const char *psf_rule_name(enum psf_rule r);
/* Fold to a z/OS name: upper case, keep A-Z 0-9 $ @ #, cut to 8. */
void psf_fold_name(char out[PSF_NAME_LEN + 1], const char *in);

void psf_diag_add(struct psf_diags *d, enum psf_severity sev,
		  const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
size_t psf_diags_count(const struct psf_diags *d, enum psf_severity sev);
void psf_diags_print(const struct psf_diags *d, int fd);
void psf_diags_free(struct psf_diags *d);

#ifdef __cplusplus
}
#endif
#endif
