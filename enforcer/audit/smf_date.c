/* SMF packed dates (smf80.md section 2, SMF80DTE and SMF80RSD). */
#include "audit.h"
#include "smf80_layout.h"

static int days_in_year(int year)
{
	return (int)(psf_days_from_civil(year + 1, 1, 1) -
		     psf_days_from_civil(year, 1, 1));
}

/* 0cyydddF: c counts centuries from 1900 (1 for 20yy), F the sign. */
uint32_t psf_smf_date_pack(int year, int yday)
{
	int c = year / 100 - 19, yy = year % 100;

	return (uint32_t)c << 24 | (uint32_t)(yy / 10) << 20 |
	       (uint32_t)(yy % 10) << 16 | (uint32_t)(yday / 100) << 12 |
	       (uint32_t)(yday / 10 % 10) << 8 | (uint32_t)(yday % 10) << 4 | 0xF;
}

int psf_smf_date_unpack(uint32_t packed, int *year, int *yday)
{
	int nib[8];

	for (int i = 0; i < 8; i++)
		nib[i] = (int)(packed >> (28 - 4 * i) & 0xF);
	if (nib[0] != 0 || nib[7] != 0xF)
		return -1;
	for (int i = 1; i < 7; i++)
		if (nib[i] > 9)
			return -1;
	*year = 1900 + nib[1] * 100 + nib[2] * 10 + nib[3];
	*yday = nib[4] * 100 + nib[5] * 10 + nib[6];
	if (*yday < 1 || *yday > days_in_year(*year))
		return -1;
	return 0;
}
