/*
 * The engine as one table of functions: what libportsaf.so calls once a
 * decision is needed.  libportsaf-engine.so (all of libpsf.a and libconfig)
 * exports this table and nothing else; the preload dlopen()s it on its
 * first decision, so programs that never make one load neither the engine
 * nor libconfig.  A new entry goes at the end, and `version` says which
 * table the caller got.
 */
#ifndef PSF_ENGINE_TABLE_H
#define PSF_ENGINE_TABLE_H

#include "portsaf.h"
#include "runtime.h"

#define PSF_ENGINE_SYMBOL "psf_engine_v1"
#define PSF_ENGINE_VERSION 1

struct psf_engine {
	unsigned version;               /* PSF_ENGINE_VERSION */
	unsigned size;                  /* sizeof (struct psf_engine) */

	/* configuration and policy */
	int (*config_find)(const char *cli_path, char **path,
			   struct psf_diags *d);
	bool (*config_on_error_allow)(const char *path);
	int (*policy_load)(const char *path, const struct psf_load_opts *opts,
			   struct psf_policy **out, struct psf_diags *diags);
	const struct psf_config *(*policy_config)(const struct psf_policy *p);
	bool (*policy_checks_listen)(const struct psf_policy *p);
	bool (*policy_port_reserved)(const struct psf_policy *p,
				     enum psf_proto proto, uint16_t port);
	void (*diags_free)(struct psf_diags *d);

	/* identity and decision */
	void (*identity_resolve)(struct psf_identity *id,
				 const struct psf_policy *p, pid_t pid,
				 const char *environ_buf, size_t environ_len);
	int64_t (*process_start_centis)(pid_t pid);
	void (*subject_init)(struct psf_subject *s, const struct psf_policy *p,
			     const struct psf_identity *id);
	void (*decide)(const struct psf_policy *p, const struct psf_subject *s,
		       const struct psf_request *r, struct psf_decision *d,
		       struct psf_explain *ex);

	/* audit sinks */
	int (*sinks_open)(struct psf_sinks *s, const struct psf_config *cfg,
			  struct psf_diags *d);
	bool (*sinks_wanted)(const struct psf_sinks *s,
			     const struct psf_decision *d);
	void (*sinks_emit)(const struct psf_sinks *s,
			   const struct psf_identity *id,
			   const struct psf_request *r,
			   const struct psf_decision *d, uint16_t port);
	bool (*sinks_owns_fd)(const struct psf_sinks *s, int fd);
	int (*sinks_move_fd)(struct psf_sinks *s, int fd);
};

/* The one symbol libportsaf-engine.so exports. */
extern const struct psf_engine psf_engine_v1
	__attribute__((visibility("default")));

#endif
