/*
 * What the readers produce: the TCPIP PROFILE statements and the RACF
 * database as written, before the policy is compiled into tables
 * (policy_build.c).  Readers validate syntax and apply RACF commands in
 * order; semantic conditions that z/OS tolerates (EZZ0146I, EZZ0147I,
 * overlaps) are left to the builder, which knows whether it runs for
 * `check` or for `run`.
 */
#ifndef PSF_MODEL_H
#define PSF_MODEL_H

#include "portsaf.h"

/* ---------------- TCPIP PROFILE (spec 2-4, 6) ---------------- */

enum psf_entry_kind {
	PSF_ENT_RESERVED,       /* num TCP RESERVED */
	PSF_ENT_AUTHPORT,       /* PORTRANGE ... AUTHPORT */
	PSF_ENT_JOB,            /* num TCP jobname ... */
	PSF_ENT_UNRSV,          /* UNRSV TCP jobname|* ... */
};

enum psf_when { PSF_WHEN_DEFAULT, PSF_WHEN_LISTEN, PSF_WHEN_BIND };

/* Options kept for listings; they change nothing (spec 1, 2.2). */
#define PSF_OPT_NOAUTOLOG    0x01
#define PSF_OPT_DELAYACKS    0x02
#define PSF_OPT_NODELAYACKS  0x04
#define PSF_OPT_SHAREPORT    0x08
#define PSF_OPT_SHAREPORTWLM 0x10
#define PSF_OPT_SMC          0x20
#define PSF_OPT_NOSMC        0x40

struct psf_port_entry {
	const char *file;       /* owned by the model's string pool */
	int line;
	unsigned stmt;          /* index of the PORT/PORTRANGE statement */
	bool range;             /* from PORTRANGE */
	uint16_t first;         /* 1-65535; 0 for UNRSV */
	uint32_t count;         /* 1 for PORT; cut so first+count-1 <= 65535 */
	enum psf_proto proto;
	enum psf_entry_kind kind;
	char job[PSF_NAME_LEN + 1];     /* upper case pattern (JOB, UNRSV) */
	char saf[PSF_NAME_LEN + 1];     /* "" when no SAF */
	bool deny;                      /* UNRSV ... DENY */
	enum psf_when when;             /* UNRSV only */
	bool has_bind;
	struct psf_ipaddr bind;         /* BIND ipaddr */
	unsigned opts;                  /* PSF_OPT_* */
};

struct psf_proto_cfg {
	bool restrictlow;               /* default off */
	uint16_t eph_low, eph_high;     /* default 1024 65535 */
	int line;                       /* last statement that set it, 0 none */
};

struct psf_net_entry {
	const char *file;
	int line;
	bool is_default;                /* DEFAULT [0]: every address */
	struct psf_ipaddr addr;         /* network, host bits cleared */
	uint8_t prefix;                 /* bits */
	char zone[PSF_NAME_LEN + 1];
};

struct psf_tcpip_model {
	struct psf_port_entry *ports;
	size_t nports, capports;
	unsigned nstmts;
	struct psf_proto_cfg cfg[PSF_NPROTO];
	bool has_netaccess;
	bool inbound, outbound;         /* defaults when coded: out on, in off */
	int netaccess_line;
	struct psf_net_entry *net;
	size_t nnet, capnet;
	char **strings;                 /* file names, freed with the model */
	size_t nstrings;
};

/* Parse PROFILE text; appends to m (several files may be read in turn).
 * Returns the number of errors added to d. */
int psf_tcpip_parse(struct psf_tcpip_model *m, const char *text, size_t len,
		    const char *file, struct psf_diags *d);
/* Read and parse a file; an unreadable file is an error naming it. */
int psf_tcpip_parse_file(struct psf_tcpip_model *m, const char *path,
			 struct psf_diags *d);
void psf_tcpip_model_init(struct psf_tcpip_model *m);
void psf_tcpip_model_free(struct psf_tcpip_model *m);

/* ---------------- RACF (spec 5) ---------------- */

enum psf_class { PSF_CLS_SERVAUTH, PSF_CLS_FACILITY };

/* AUDIT(...) / GLOBALAUDIT(...): the lowest requested access level that is
 * logged for successes and for failures; PSF_AUDIT_OFF = not logged. */
#define PSF_AUDIT_OFF 0xff
struct psf_audit_opt {
	uint8_t success;                /* enum psf_access or PSF_AUDIT_OFF */
	uint8_t failure;
};

struct psf_acl_entry {
	char id[PSF_NAME_LEN + 1];      /* user, group or "*" */
	enum psf_access level;
	char program[PSF_NAME_LEN + 1]; /* WHEN(PROGRAM(x)); "" in the standard list */
};

struct psf_profile {
	const char *file;
	int line;                       /* RDEFINE */
	enum psf_class cls;
	char *name;                     /* upper case */
	bool generic;                   /* contains % or * */
	enum psf_access uacc;           /* default NONE */
	bool warning;
	struct psf_audit_opt audit;     /* default FAILURES(READ) */
	struct psf_audit_opt globalaudit;       /* default none */
	char *appldata;                 /* NULL when unset */
	struct psf_acl_entry *acl;      /* standard access list, in PERMIT order */
	size_t nacl, capacl;
	struct psf_acl_entry *cond;     /* conditional (WHEN(PROGRAM)) list */
	size_t ncond, capcond;
};

struct psf_racf_user {
	const char *file;
	int line;
	char id[PSF_NAME_LEN + 1];
	char dfltgrp[PSF_NAME_LEN + 1]; /* "" when not given */
	char name[PSF_UNAME_LEN + 1];   /* NAME('...'), upper case, cut */
	bool has_name;
	char (*groups)[PSF_NAME_LEN + 1];       /* connected groups, DFLTGRP first */
	size_t ngroups, capgroups;
};

struct psf_racf_group {
	const char *file;
	int line;
	char id[PSF_NAME_LEN + 1];
};

/* Every ID(...) a PERMIT grants access to (not "*"), for the lint of
 * spec 10. */
struct psf_permit_ref {
	const char *file;
	int line;
	char id[PSF_NAME_LEN + 1];
	enum psf_class cls;
	char *profile_name;             /* owned by the model; stays valid
					 * after RDELETE */
};

enum psf_logopt { PSF_LOG_DEFAULT, PSF_LOG_ALWAYS, PSF_LOG_NEVER,
		  PSF_LOG_SUCCESSES, PSF_LOG_FAILURES };

struct psf_racf_model {
	struct psf_profile *profiles;   /* RDELETE removes (order kept) */
	size_t nprofiles, capprofiles;
	struct psf_racf_user *users;
	size_t nusers, capusers;
	struct psf_racf_group *groups;
	size_t ngroups, capgroups;
	struct psf_permit_ref *refs;
	size_t nrefs, caprefs;
	bool classact;                  /* SERVAUTH active; default true */
	bool generic;                   /* GENERIC(SERVAUTH); default true */
	bool grplist;                   /* default false */
	bool when_program;              /* SETROPTS WHEN(PROGRAM); default false */
	int when_program_line;
	enum psf_logopt logoptions;     /* for SERVAUTH; default DEFAULT */
	char **strings;
	size_t nstrings;
	struct psf_racf_lookup *lookup; /* name hashes, private to racf_db.c */
};

void psf_racf_model_init(struct psf_racf_model *m);
void psf_racf_model_free(struct psf_racf_model *m);
/* Parse and apply RACF commands in order.  Syntax errors are
 * PSF_SEV_ERROR.  Commands RACF would reject (PERMIT/RALTER/RDELETE of a
 * missing profile, duplicate RDEFINE) are reported with severity
 * `rejected` and skipped: `check` passes ERROR, `run` passes WARNING
 * (interface.md).  Returns the number of ERROR diagnostics added. */
int psf_racf_parse(struct psf_racf_model *m, const char *text, size_t len,
		   const char *file, enum psf_severity rejected,
		   struct psf_diags *d);
int psf_racf_parse_file(struct psf_racf_model *m, const char *path,
			enum psf_severity rejected, struct psf_diags *d);

/* Lookups by exact name (hashed).  The model may be changed between
 * calls; pointers returned stay valid until the next change. */
struct psf_profile *psf_racf_find(struct psf_racf_model *m,
				  enum psf_class cls, const char *name);
struct psf_racf_user *psf_racf_find_user(struct psf_racf_model *m,
					 const char *id);
struct psf_racf_group *psf_racf_find_group(struct psf_racf_model *m,
					   const char *id);

/* Changes to the RACF database, as the commands make them (racf_db.c).
 * Names are valid and upper case; the caller has checked that what it
 * adds does not exist yet.  Functions returning a pointer return NULL,
 * those returning int -ENOMEM, when memory runs out. */
/* The model's copy of a file name, for the `file` fields. */
const char *psf_racf_file_name(struct psf_racf_model *m, const char *file);
/* A new profile with RACF's defaults: UACC(NONE), AUDIT(FAILURES(READ)),
 * no GLOBALAUDIT, no WARNING (spec 5.6). */
struct psf_profile *psf_racf_add_profile(struct psf_racf_model *m,
					 enum psf_class cls, const char *name,
					 const char *file, int line);
/* RDELETE.  While psf_racf_parse runs, a deleted profile stays in
 * m->profiles with name NULL so that indexes into the array stay valid;
 * psf_racf_compact, at the end of each parse, removes it. */
void psf_racf_delete_profile(struct psf_profile *p);
void psf_racf_compact(struct psf_racf_model *m);
int psf_racf_set_appldata(struct psf_profile *p, const char *text);
/* PERMIT: program "" is the standard access list, else the conditional
 * one (WHEN(PROGRAM(program))).  An entry for the same ID (and program)
 * has its level replaced. */
int psf_acl_permit(struct psf_profile *p, const char *id, const char *program,
		   enum psf_access level);
/* PERMIT ... DELETE: false when there was no such entry. */
bool psf_acl_delete(struct psf_profile *p, const char *id, const char *program);
void psf_acl_reset(struct psf_profile *p, bool standard, bool conditional);
struct psf_racf_user *psf_racf_add_user(struct psf_racf_model *m,
					const char *id, const char *file,
					int line);
struct psf_racf_group *psf_racf_add_group(struct psf_racf_model *m,
					  const char *id, const char *file,
					  int line);
/* Connects the user to the group unless it already is. */
int psf_racf_connect(struct psf_racf_user *u, const char *group);
/* Records that a PERMIT named id on profile p. */
int psf_racf_add_ref(struct psf_racf_model *m, const char *file, int line,
		     const char *id, const struct psf_profile *p);

/* Generic profile names (spec 5.2).  match: does the profile name cover the
 * resource?  cmp: < 0 when a is more specific than b. */
bool psf_generic_match(const char *profile, const char *resource);
int psf_generic_cmp(const char *a, const char *b);
bool psf_is_generic_name(const char *name);

/* Read a whole file into a NUL-terminated buffer; NULL + errno on error. */
char *psf_read_file(const char *path, size_t *len);

#endif
