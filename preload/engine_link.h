/*
 * The engine, loaded on first need.  libportsaf.so itself holds only the
 * wrappers and the pure address readers they use before any decision;
 * the policy engine, the audit sinks and libconfig are in
 * libportsaf-engine.so, beside libportsaf.so, which the policy
 * initialisation (init.h) dlopen()s.  A program that never makes a call
 * needing a decision loads neither.
 */
#ifndef PSF_PRELOAD_ENGINE_LINK_H
#define PSF_PRELOAD_ENGINE_LINK_H

#include "engine_table.h"

#define PSF_ENGINE_FILE "libportsaf-engine.so"

/* The engine's functions: set once, by psf_engine_load, before the policy
 * (psf_rt.policy) or the sinks (psf_rt.sinks_open) are published, so a
 * reader that has seen either may call through it.  NULL until then. */
extern const struct psf_engine *psf_eng;

/* Load libportsaf-engine.so from libportsaf.so's own directory and set
 * psf_eng.  Returns it, or NULL after one message on stderr naming the
 * file and the loader's reason.  Called once, from the policy
 * initialisation, with psf_depth raised. */
const struct psf_engine *psf_engine_load(void);

#endif
