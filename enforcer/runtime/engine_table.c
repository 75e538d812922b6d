/* The engine's table of functions (see engine_table.h). */
#include "engine_table.h"

const struct psf_engine psf_engine_v1 = {
	.version = PSF_ENGINE_VERSION,
	.size = sizeof (struct psf_engine),
	.config_find = psf_config_find,
	.config_on_error_allow = psf_config_on_error_allow,
	.policy_load = psf_policy_load,
	.policy_config = psf_policy_config,
	.policy_checks_listen = psf_policy_checks_listen,
	.policy_port_reserved = psf_policy_port_reserved,
	.diags_free = psf_diags_free,
	.identity_resolve = psf_identity_resolve,
	.process_start_centis = psf_process_start_centis,
	.subject_init = psf_subject_init,
	.decide = psf_decide,
	.sinks_open = psf_sinks_open,
	.sinks_wanted = psf_sinks_wanted,
	.sinks_emit = psf_sinks_emit,
	.sinks_owns_fd = psf_sinks_owns_fd,
	.sinks_move_fd = psf_sinks_move_fd,
};
