/*
 * Reading portsaf's log string back (spec 8): KEY(VALUE) fields separated
 * by blanks, in any order.  LOGSTR is free text in real type 80 records,
 * so anything not in portsaf's form is left absent rather than an error.
 */
#include <string.h>
#include "ipaddr.h"
#include "smf_read.h"

static bool parse_uint(const char *v, size_t n, unsigned long max,
		       unsigned long *out)
{
	unsigned long x = 0;

	if (n == 0 || n > 10)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			return false;
		x = x * 10 + (unsigned long)(v[i] - '0');
	}
	if (x > max)
		return false;
	*out = x;
	return true;
}

static bool is(const char *v, size_t n, const char *word)
{
	return strlen(word) == n && memcmp(v, word, n) == 0;
}

static void take_op(struct psf_logstr_fields *f, const char *v, size_t n)
{
	static const enum psf_op ops[] = {
		PSF_OP_BIND, PSF_OP_LISTEN, PSF_OP_CONNECT, PSF_OP_SEND
	};
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		if (is(v, n, psf_op_name(ops[i]))) {
			f->op = ops[i];
			f->has_op = true;
		}
	}
}

static void take_addr(struct psf_logstr_fields *f, const char *v, size_t n)
{
	char text[64];

	if (n >= sizeof text)
		return;
	memcpy(text, v, n);
	text[n] = '\0';
	f->has_addr = psf_ipaddr_parse(text, &f->addr) == 0;
}

static void take(struct psf_logstr_fields *f, const char *k, size_t kn,
		 const char *v, size_t n)
{
	unsigned long x;

	if (is(k, kn, "OP")) {
		take_op(f, v, n);
	} else if (is(k, kn, "PROTO")) {
		f->has_proto = is(v, n, "TCP") || is(v, n, "UDP");
		f->proto = is(v, n, "UDP") ? PSF_UDP : PSF_TCP;
	} else if (is(k, kn, "PORT") && parse_uint(v, n, 65535, &x)) {
		f->port = (uint16_t)x;
		f->has_port = true;
	} else if (is(k, kn, "ADDR")) {
		take_addr(f, v, n);
	} else if (is(k, kn, "PGM") && n < sizeof f->program) {
		memcpy(f->program, v, n);
		f->program[n] = '\0';
	} else if (is(k, kn, "PID") && parse_uint(v, n, INT32_MAX, &x)) {
		f->pid = (int32_t)x;
		f->has_pid = true;
	} else if (is(k, kn, "EPH")) {
		f->ephemeral = is(v, n, "YES");
	}
}

void psf_logstr_parse(const char *s, struct psf_logstr_fields *out)
{
	memset(out, 0, sizeof *out);
	while (*s) {
		const char *k = s + strspn(s, " ");
		const char *open = strchr(k, '(');
		const char *close = open ? strchr(open, ')') : NULL;

		if (!close)
			return;
		take(out, k, (size_t)(open - k), open + 1,
		     (size_t)(close - open - 1));
		s = close + 1;
	}
}
