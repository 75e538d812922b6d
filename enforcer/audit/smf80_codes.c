/* The coded values of type 80 records and their names (smf80.md 2-3). */
#include "smf80_layout.h"

/* smf80.md section 3: one table of access bytes (portsaf choice). */
static const uint8_t access_bytes[] = {
	[PSF_ACC_NONE] = 0x01, [PSF_ACC_EXECUTE] = 0x08, [PSF_ACC_READ] = 0x10,
	[PSF_ACC_UPDATE] = 0x20, [PSF_ACC_CONTROL] = 0x40, [PSF_ACC_ALTER] = 0x80,
};

uint8_t psf_smf80_access_byte(enum psf_access a)
{
	return (unsigned)a < sizeof access_bytes ? access_bytes[a] : 0;
}

int psf_smf80_access_level(uint8_t byte)
{
	for (unsigned a = 0; a < sizeof access_bytes; a++)
		if (access_bytes[a] == byte)
			return (int)a;
	return -1;
}

/* SMF80EVQ for event 2, as IRRADU00 names them (RACF Auditor's Guide). */
const char *psf_smf80_qualifier_name(unsigned q)
{
	static const char *const names[] = {
		"SUCCESS", "INSAUTH", "PROFNF", "WARNING"
	};
	return q < sizeof names / sizeof names[0] ? names[q] : NULL;
}
