/*
 * Several SMF files read as one stream in time order (issue 4: the records
 * of several test hosts merged by time).  A k-way merge keeps one record
 * per file in a binary heap, so memory is one reader per file, whatever
 * the files' sizes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "smf_read.h"

/* Earlier time first; equal times keep the order the files were given. */
static bool before(const struct psf_smf_merge *m, unsigned a, unsigned b)
{
	if (m->heads[a]->time != m->heads[b]->time)
		return m->heads[a]->time < m->heads[b]->time;
	return a < b;
}

static void swap(unsigned *a, unsigned *b)
{
	unsigned t = *a;

	*a = *b;
	*b = t;
}

static void sift_up(struct psf_smf_merge *m, unsigned i)
{
	while (i && before(m, m->heap[i], m->heap[(i - 1) / 2])) {
		swap(&m->heap[i], &m->heap[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
}

static void sift_down(struct psf_smf_merge *m, unsigned i)
{
	for (;;) {
		unsigned l = 2 * i + 1, r = l + 1, least = i;

		if (l < m->nheap && before(m, m->heap[l], m->heap[least]))
			least = l;
		if (r < m->nheap && before(m, m->heap[r], m->heap[least]))
			least = r;
		if (least == i)
			return;
		swap(&m->heap[i], &m->heap[least]);
		i = least;
	}
}

static void push_next(struct psf_smf_merge *m, unsigned i)
{
	if (psf_smf_reader_next(&m->readers[i], m->heads[i])) {
		m->heap[m->nheap] = i;
		sift_up(m, m->nheap++);
	}
}

int psf_smf_merge_open(struct psf_smf_merge *m, char *const *paths, unsigned n,
		       FILE *diag, unsigned *failed)
{
	memset(m, 0, sizeof *m);
	m->readers = calloc(n ? n : 1, sizeof *m->readers);
	m->heads = calloc(n ? n : 1, sizeof *m->heads);
	m->slots = malloc((n + 1) * sizeof *m->slots);
	m->heap = calloc(n ? n : 1, sizeof *m->heap);
	if (!m->readers || !m->heads || !m->slots || !m->heap) {
		psf_smf_merge_close(m);
		*failed = 0;
		return -ENOMEM;
	}
	for (unsigned i = 0; i < n; i++) {
		int rc = psf_smf_reader_open(&m->readers[i], paths[i], diag);

		if (rc < 0) {
			psf_smf_merge_close(m);
			*failed = i;
			return rc;
		}
		m->n++;
	}
	for (unsigned i = 0; i < n; i++)
		m->heads[i] = &m->slots[i];
	m->spare = &m->slots[n];
	for (unsigned i = 0; i < n; i++)
		push_next(m, i);
	return 0;
}

const struct psf_smf80_rec *psf_smf_merge_next(struct psf_smf_merge *m)
{
	struct psf_smf80_rec *rec;
	unsigned i;

	if (!m->nheap)
		return NULL;
	i = m->heap[0];
	rec = m->heads[i];
	m->heads[i] = m->spare;
	m->spare = rec;
	m->heap[0] = m->heap[--m->nheap];
	sift_down(m, 0);
	push_next(m, i);
	return rec;
}

void psf_smf_merge_stats(const struct psf_smf_merge *m, struct psf_smf_stats *st)
{
	memset(st, 0, sizeof *st);
	for (unsigned i = 0; i < m->n; i++) {
		const struct psf_smf_stats *s = &m->readers[i].st;

		st->records += s->records;
		st->damaged += s->damaged;
		st->other_types += s->other_types;
		for (unsigned t = 0; t < 256; t++)
			st->by_type[t] += s->by_type[t];
		st->other_events += s->other_events;
		st->unknown_relocs += s->unknown_relocs;
		st->extended_relocs += s->extended_relocs;
	}
}

void psf_smf_merge_summary(const struct psf_smf_merge *m)
{
	for (unsigned i = 0; i < m->n; i++)
		psf_smf_reader_summary(&m->readers[i]);
}

void psf_smf_merge_close(struct psf_smf_merge *m)
{
	for (unsigned i = 0; i < m->n; i++)
		psf_smf_reader_close(&m->readers[i]);
	free(m->readers);
	free(m->heads);
	free(m->slots);
	free(m->heap);
	memset(m, 0, sizeof *m);
}
