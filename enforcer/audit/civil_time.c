/*
 * Civil dates and times from Unix time, without localtime(): libc's time
 * zone code takes a lock and may read files, which the formatters must
 * not do.  The caller supplies a fixed UTC offset computed once at init.
 * Algorithms: H. Hinnant, "chrono-compatible low-level date algorithms".
 */
#include "audit.h"

#define DAY_CENTIS 8640000

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static bool is_leap(int year)
{
	return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

static int yday_of(int year, int month, int day)
{
	static const int before[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
	};
	return before[month - 1] + day + (month > 2 && is_leap(year));
}

int64_t psf_days_from_civil(int year, int month, int day)
{
	int64_t y = year - (month <= 2);
	int64_t era = floor_div(y, 400);
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void psf_civil_from_centis(struct psf_civil *c, int64_t centis, int32_t utc_offset)
{
	int64_t local = centis + (int64_t)utc_offset * 100;
	int64_t days = floor_div(local, DAY_CENTIS);
	int64_t rem = local - days * DAY_CENTIS;
	int64_t z = days + 719468;
	int64_t era = floor_div(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;

	c->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	c->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	c->year = (int)(yoe + era * 400 + (c->month <= 2));
	c->yday = yday_of(c->year, c->month, c->day);
	c->hour = (int)(rem / 360000);
	c->min = (int)(rem / 6000 % 60);
	c->sec = (int)(rem / 100 % 60);
	c->centi = (int)(rem % 100);
}

static void put2(struct psf_buf *b, int v)
{
	psf_buf_char(b, (char)('0' + v / 10 % 10));
	psf_buf_char(b, (char)('0' + v % 10));
}

void psf_buf_isotime(struct psf_buf *b, int64_t centis, int32_t utc_offset)
{
	struct psf_civil c;

	psf_civil_from_centis(&c, centis, utc_offset);
	put2(b, c.year / 100);
	put2(b, c.year % 100);
	psf_buf_char(b, '-');
	put2(b, c.month);
	psf_buf_char(b, '-');
	put2(b, c.day);
	psf_buf_char(b, 'T');
	put2(b, c.hour);
	psf_buf_char(b, ':');
	put2(b, c.min);
	psf_buf_char(b, ':');
	put2(b, c.sec);
	psf_buf_char(b, '.');
	put2(b, c.centi);
}
