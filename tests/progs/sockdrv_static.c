/*
 * sockdrv linked statically: the same program, which LD_PRELOAD cannot
 * see, so that a test can show the supervisor deciding exactly what the
 * preload decides for the dynamic build (issue 5, "done when").
 */
#include "sockdrv.c"
