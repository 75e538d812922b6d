/*
 * RACF's messages for a port-access check (spec 5.5, 5.6, 8).
 *
 * ICH408I, as spec section 8 lays it out: USER and GROUP padded to 8, NAME
 * to 20, intent and allowed to 7, two blanks before ACCESS ALLOWED,
 * continuation lines indented two blanks, the FROM line only when the
 * deciding profile is generic.
 */
#include "audit.h"

/* Spec 8: IBM's exact wording of the warning form could not be confirmed;
 * this is the one place that says it. */
static const char ich408i_warning_text[] =
	"WARNING: INSUFFICIENT AUTHORITY - TEMPORARY ACCESS ALLOWED";
static const char ich408i_failure_text[] = "INSUFFICIENT ACCESS AUTHORITY";
static const char continuation[] = "  ";

static void paren(struct psf_buf *b, const char *key, const char *v, size_t width)
{
	psf_buf_str(b, key);
	psf_buf_char(b, '(');
	psf_buf_pad(b, v, width);
	psf_buf_char(b, ')');
}

size_t psf_ich408i_format(char *buf, size_t cap, const struct psf_audit_in *in)
{
	const struct psf_saf_event *ev = in->ev;
	struct psf_buf b;

	psf_buf_init(&b, buf, cap);

	psf_buf_str(&b, "ICH408I ");
	paren(&b, "USER", in->id->user, PSF_NAME_LEN);
	paren(&b, " GROUP", in->id->group, PSF_NAME_LEN);
	paren(&b, " NAME", in->id->name, PSF_UNAME_LEN);
	psf_buf_char(&b, '\n');

	psf_buf_str(&b, continuation);
	psf_buf_str(&b, ev->resource);
	psf_buf_str(&b, " CL(");
	psf_buf_str(&b, ev->cls);
	psf_buf_str(&b, ")\n");

	psf_buf_str(&b, continuation);
	psf_buf_str(&b, ev->qualifier == PSF_QUAL_WARNING ?
			ich408i_warning_text : ich408i_failure_text);
	psf_buf_char(&b, '\n');

	if (ev->generic) {
		psf_buf_str(&b, continuation);
		psf_buf_str(&b, "FROM ");
		psf_buf_str(&b, ev->profile);
		psf_buf_str(&b, " (G)\n");
	}

	psf_buf_str(&b, continuation);
	paren(&b, "ACCESS INTENT", psf_access_name(ev->intent), 7);
	paren(&b, "  ACCESS ALLOWED", psf_access_name(ev->allowed), 7);
	psf_buf_char(&b, '\n');
	return psf_buf_finish(&b);
}

/* Spec 5.5: the class, the resource that was checked (not the profile)
 * and the caller's program. */
size_t psf_ich432i_format(char *buf, size_t cap, const struct psf_audit_in *in)
{
	struct psf_buf b;

	psf_buf_init(&b, buf, cap);

	psf_buf_str(&b, "ICH432I CONDITIONAL ACCESS LIST FOR ");
	psf_buf_str(&b, in->ev->cls);
	psf_buf_char(&b, ' ');
	psf_buf_str(&b, in->ev->resource);
	psf_buf_str(&b, " DID NOT GRANT AUTHORITY TO PROGRAM(S): ");
	psf_buf_str(&b, in->id->program);
	psf_buf_char(&b, '\n');
	return psf_buf_finish(&b);
}
