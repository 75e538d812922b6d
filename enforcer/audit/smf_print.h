/*
 * `portsaf smf print` (interface.md, smf80.md section 4): a decoded record
 * as one line of an IRRADU00-style unload, or as one JSON object.
 *
 * Unload columns (1-based, fixed; a resource or profile name longer than
 * its 44 columns is printed whole and shifts the columns after it):
 *
 *     1   8  event type          ACCESS
 *    10   8  event qualifier     SUCCESS INSAUTH PROFNF WARNING, or the number
 *    19   8  time written        hh:mm:ss (local time of the record)
 *    28  10  date written        yyyy-mm-dd
 *    39   4  SMF system id
 *    44   4  violation           YES or NO
 *    49   4  user not defined    YES or NO
 *    54   4  warning             YES or NO
 *    59   8  user id
 *    68   8  group
 *    77   8  job name
 *    86   8  job start time      hh:mm:ss, blank when the record has none
 *    95  10  job start date      yyyy-mm-dd, blank likewise
 *   106  44  resource name
 *   151   8  access intent       NONE ... ALTER, or X'nn'
 *   160   8  access allowed      likewise
 *   169   4  generic profile     YES or NO
 *   174   8  class
 *   183  44  profile name
 *   228   -  log string, to the end of the line
 */
#ifndef PSF_SMF_PRINT_H
#define PSF_SMF_PRINT_H

#include <stdio.h>
#include "smf_read.h"

void psf_smf_print_text(FILE *out, const struct psf_smf80_rec *rec);
/* Keys of smf80.md section 4, plus the log-string fields (op, protocol,
 * port, addr, program, pid, and ephemeral when set) and jobstart,
 * user_not_defined. */
void psf_smf_print_json(FILE *out, const struct psf_smf80_rec *rec);

#endif
