/*
 * The per-descriptor table (see fdstate.h).  One 64-bit word per
 * descriptor carries everything a decision needs, so that a lookup is one
 * atomic load:
 *
 *   bits  0-1   kind: 0 unknown, 1 not a TCP/UDP socket, 2 IPv4, 3 IPv6
 *   bit   2     UDP (else TCP)
 *   bit   3     origin known (created through the socket() wrapper)
 *   bits 16-31  explicitly bound port
 *   bits 32-63  generation: names the socket; dup() copies it
 *
 * Descriptors beyond the table (a limit raised after start-up) are simply
 * asked of the kernel every time.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include "fdstate.h"

#define KIND_UNKNOWN 0u
#define KIND_OTHER 1u
#define KIND_INET4 2u
#define KIND_INET6 3u
#define KIND_MASK 3u
#define BIT_UDP 4u
#define BIT_ORIGIN 8u
#define PORT_SHIFT 16
#define GEN_SHIFT 32

/* Enough for any realistic server without reserving much: the table is
 * mapped without backing, so only the pages of used descriptors cost. */
#define MAX_SLOTS (1u << 20)
#define EPHEMERAL_RANGE "/proc/sys/net/ipv4/ip_local_port_range"

struct slot {
	uint64_t word;
	uint64_t last_dest;
};

static struct slot *table;
static unsigned nslots;
static int high_water = -1;     /* highest descriptor ever recorded */
static uint32_t next_gen;

bool psf_fd_table_init(void)
{
	struct rlimit rl;
	unsigned n = MAX_SLOTS;
	void *p;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_max < n)
		n = rl.rlim_max < 1024 ? 1024 : (unsigned)rl.rlim_max;
	p = mmap(NULL, (size_t)n * sizeof *table, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return false;
	nslots = n;
	__atomic_store_n(&table, (struct slot *)p, __ATOMIC_RELEASE);
	return true;
}

static struct slot *slot_of(int fd)
{
	struct slot *t = __atomic_load_n(&table, __ATOMIC_ACQUIRE);

	if (!t || fd < 0 || (unsigned)fd >= nslots)
		return NULL;
	return &t[fd];
}

static void note_high_water(int fd)
{
	int hw = __atomic_load_n(&high_water, __ATOMIC_RELAXED);

	while (fd > hw && !__atomic_compare_exchange_n(&high_water, &hw, fd,
			true, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

static uint64_t new_gen(void)
{
	uint32_t g = __atomic_add_fetch(&next_gen, 1, __ATOMIC_RELAXED);

	return (uint64_t)(g ? g : __atomic_add_fetch(&next_gen, 1,
						     __ATOMIC_RELAXED));
}

/* Which sockets z/OS port security covers: TCP and UDP over IPv4/IPv6.
 * MPTCP uses TCP's ports; SCTP, UDP-Lite, raw and ICMP sockets have their
 * own and are left alone. */
static uint64_t classify(int domain, int type, int protocol)
{
	uint64_t kind;

	if (domain == AF_INET)
		kind = KIND_INET4;
	else if (domain == AF_INET6)
		kind = KIND_INET6;
	else
		return KIND_OTHER;
	type &= ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (type == SOCK_STREAM && (protocol == 0 || protocol == IPPROTO_TCP ||
				    protocol == IPPROTO_MPTCP))
		return kind;
	if (type == SOCK_DGRAM && (protocol == 0 || protocol == IPPROTO_UDP))
		return kind | BIT_UDP;
	return KIND_OTHER;
}

void psf_fd_created(int fd, int domain, int type, int protocol)
{
	struct slot *s = slot_of(fd);
	uint64_t k = classify(domain, type, protocol);

	if (!s)
		return;
	if ((k & KIND_MASK) != KIND_OTHER)
		k |= BIT_ORIGIN | new_gen() << GEN_SHIFT;
	__atomic_store_n(&s->last_dest, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&s->word, k, __ATOMIC_RELEASE);
	note_high_water(fd);
}

/* Three getsockopt() calls: only for descriptors portsaf did not see
 * created (inherited, received, made before the table existed). */
static bool kernel_word(int fd, uint64_t *word)
{
	int domain, type, protocol, saved = errno;
	socklen_t l = sizeof(int);
	bool ok;

	ok = getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &l) == 0 &&
	     getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &l) == 0 &&
	     getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &protocol, &l) == 0;
	errno = saved;
	if (!ok)
		return false;
	*word = classify(domain, type, protocol);
	if ((*word & KIND_MASK) != KIND_OTHER)
		*word |= new_gen() << GEN_SHIFT;
	return true;
}

static void decode(uint64_t w, struct psf_sock *s)
{
	unsigned kind = (unsigned)(w & KIND_MASK);

	s->family = kind == KIND_INET4 ? AF_INET :
		    kind == KIND_INET6 ? AF_INET6 : 0;
	s->proto = w & BIT_UDP ? PSF_UDP : PSF_TCP;
	s->origin_known = (w & BIT_ORIGIN) != 0;
	s->explicit_port = (uint16_t)(w >> PORT_SHIFT);
	s->gen = (uint32_t)(w >> GEN_SHIFT);
}

bool psf_fd_lookup(int fd, struct psf_sock *s)
{
	struct slot *sl = slot_of(fd);
	uint64_t w = sl ? __atomic_load_n(&sl->word, __ATOMIC_ACQUIRE) : 0;

	if ((w & KIND_MASK) == KIND_UNKNOWN) {
		uint64_t expect = 0;

		if (!kernel_word(fd, &w))
			return false;
		/* A socket() racing with us on this descriptor wins. */
		if (sl && !__atomic_compare_exchange_n(&sl->word, &expect, w,
				false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
			w = expect;
		else if (sl)
			note_high_water(fd);
	}
	decode(w, s);
	return true;
}

bool psf_fd_refresh(int fd, struct psf_sock *s)
{
	struct slot *sl = slot_of(fd);
	uint64_t w, known = sl ? __atomic_load_n(&sl->word, __ATOMIC_ACQUIRE) : 0;

	if (!kernel_word(fd, &w)) {
		psf_fd_forget(fd);
		return false;
	}
	/* Same kind of socket: keep what only portsaf knows about it. */
	if ((known & (KIND_MASK | BIT_UDP)) == (w & (KIND_MASK | BIT_UDP)))
		w = known;
	else if (sl)
		__atomic_store_n(&sl->word, w, __ATOMIC_RELEASE);
	decode(w, s);
	return true;
}

void psf_fd_set_explicit(int fd, uint16_t port)
{
	struct slot *sl = slot_of(fd);
	uint64_t w, nw;

	if (!sl)
		return;
	w = __atomic_load_n(&sl->word, __ATOMIC_ACQUIRE);
	do {
		if ((w & KIND_MASK) < KIND_INET4)
			return;
		nw = (w & ~(0xffffull << PORT_SHIFT)) |
		     (uint64_t)port << PORT_SHIFT;
	} while (!__atomic_compare_exchange_n(&sl->word, &w, nw, true,
					      __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
}

/* dup() made another name for the socket before the bind: any descriptor
 * of the same generation may carry the record. */
static bool sibling_bound(int fd, uint32_t gen, uint16_t port)
{
	int hw = __atomic_load_n(&high_water, __ATOMIC_RELAXED);
	struct psf_sock o;

	for (int i = 0; i <= hw; i++) {
		struct slot *sl = slot_of(i);

		if (i == fd || !sl)
			continue;
		decode(__atomic_load_n(&sl->word, __ATOMIC_ACQUIRE), &o);
		if (o.family && o.gen == gen && o.explicit_port == port)
			return true;
	}
	return false;
}

static unsigned parse_uint(const char **p)
{
	unsigned v = 0;

	while (**p == ' ' || **p == '\t')
		(*p)++;
	for (; **p >= '0' && **p <= '9'; (*p)++)
		v = v * 10 + (unsigned)(**p - '0');
	return v;
}

/* The kernel's pool for ports it assigns. */
static bool in_ephemeral_range(uint16_t port)
{
	char buf[64];
	const char *p = buf;
	int fd = open(EPHEMERAL_RANGE, O_RDONLY | O_CLOEXEC), saved = errno;
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	unsigned lo, hi;

	if (fd >= 0)
		close(fd);
	errno = saved;
	if (n <= 0)
		return false;
	buf[n] = '\0';
	lo = parse_uint(&p);
	hi = parse_uint(&p);
	return port >= lo && port <= hi;
}

bool psf_fd_explicitly_bound(int fd, const struct psf_sock *s, uint16_t port)
{
	if (port == 0)
		return false;
	if (s->explicit_port == port || sibling_bound(fd, s->gen, port))
		return true;
	if (s->origin_known)
		return false;
	/* Bound before portsaf saw the socket (inherited across exec, passed
	 * over a UNIX socket): a port outside the kernel's ephemeral pool was
	 * asked for by someone. */
	return !in_ephemeral_range(port);
}

void psf_fd_copy(int from, int to)
{
	struct slot *f = slot_of(from), *t = slot_of(to);

	if (!t || from == to)
		return;
	__atomic_store_n(&t->last_dest,
			 f ? __atomic_load_n(&f->last_dest, __ATOMIC_RELAXED) : 0,
			 __ATOMIC_RELAXED);
	__atomic_store_n(&t->word,
			 f ? __atomic_load_n(&f->word, __ATOMIC_ACQUIRE) : 0,
			 __ATOMIC_RELEASE);
	note_high_water(to);
}

void psf_fd_forget(int fd)
{
	struct slot *sl = slot_of(fd);

	if (sl) {
		__atomic_store_n(&sl->word, 0, __ATOMIC_RELEASE);
		__atomic_store_n(&sl->last_dest, 0, __ATOMIC_RELAXED);
	}
}

void psf_fd_forget_range(unsigned int first, unsigned int last)
{
	int hw = __atomic_load_n(&high_water, __ATOMIC_RELAXED);

	if (hw < 0 || first > (unsigned)hw)
		return;
	if (last > (unsigned)hw)
		last = (unsigned)hw;
	for (unsigned i = first; i <= last; i++)
		psf_fd_forget((int)i);
}

uint64_t psf_fd_last_dest(int fd)
{
	struct slot *sl = slot_of(fd);

	return sl ? __atomic_load_n(&sl->last_dest, __ATOMIC_ACQUIRE) : 0;
}

void psf_fd_set_last_dest(int fd, uint64_t key)
{
	struct slot *sl = slot_of(fd);

	if (sl)
		__atomic_store_n(&sl->last_dest, key, __ATOMIC_RELEASE);
}
