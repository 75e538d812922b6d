/*
 * ELF headers read by hand: only the identification, the machine and the
 * program header table matter.  A "#!" script is judged by its
 * interpreter, which the kernel follows up to 4 levels deep
 * (BINPRM_MAX_RECURSION).
 */
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include "exe_inspect.h"
#include "supervisor.h"

#define SCRIPT_DEPTH_MAX 4
/* The kernel reads at most this much of a "#!" line (BINPRM_BUF_SIZE). */
#define SHEBANG_MAX 256

/* The interpreter named by a "#!" line, into out. */
static bool shebang_interp(const char *head, size_t n, char *out, size_t cap)
{
	size_t i = 2, k = 0;

	if (n < 2 || head[0] != '#' || head[1] != '!')
		return false;
	while (i < n && (head[i] == ' ' || head[i] == '\t'))
		i++;
	while (i < n && k + 1 < cap && head[i] != ' ' && head[i] != '\t' &&
	       head[i] != '\n' && head[i] != '\0')
		out[k++] = head[i++];
	out[k] = '\0';
	return k > 0;
}

/* Open the ELF file that exec(path) would load, following "#!" lines, and
 * read its header: the descriptor, or -1 when it is no ELF file. */
static int open_elf(const char *path, ElfW(Ehdr) *eh)
{
	char head[SHEBANG_MAX], interp[SHEBANG_MAX];
	char cur[SHEBANG_MAX];

	if (strlen(path) >= sizeof cur)
		return -1;
	strcpy(cur, path);
	for (int depth = 0; depth <= SCRIPT_DEPTH_MAX; depth++) {
		int fd = open(cur, O_RDONLY | O_CLOEXEC);
		ssize_t n = fd < 0 ? -1 : pread(fd, head, sizeof head, 0);

		if (n >= (ssize_t)sizeof *eh && !memcmp(head, ELFMAG, SELFMAG)) {
			memcpy(eh, head, sizeof *eh);
			return fd;
		}
		if (fd >= 0)
			close(fd);
		if (n <= 0 || !shebang_interp(head, (size_t)n, interp, sizeof interp))
			return -1;
		strcpy(cur, interp);
	}
	return -1;
}

/* Class, byte order and machine sit at the same offsets in 32- and 64-bit
 * headers, so a foreign header can be compared through ElfW(Ehdr). */
static bool same_abi(const ElfW(Ehdr) *a, const ElfW(Ehdr) *b)
{
	return a->e_ident[EI_CLASS] == b->e_ident[EI_CLASS] &&
	       a->e_ident[EI_DATA] == b->e_ident[EI_DATA] &&
	       a->e_machine == b->e_machine;
}

static bool native_abi(const ElfW(Ehdr) *eh)
{
	ElfW(Ehdr) self;
	int fd = open_elf("/proc/self/exe", &self);

	if (fd < 0)
		return true;
	close(fd);
	return same_abi(eh, &self);
}

bool psf_sup_exe_foreign(const char *path)
{
	ElfW(Ehdr) eh;
	int fd = open_elf(path, &eh);

	if (fd < 0)
		return false;
	close(fd);
	return !native_abi(&eh);
}

/* PT_INTERP in the program headers of a 32- or 64-bit ELF file of this
 * machine's byte order. */
#define HAS_INTERP(Ehdr, Phdr)						\
	static bool has_interp_##Ehdr(int fd)				\
	{								\
		Ehdr eh;						\
		Phdr ph;						\
									\
		if (pread(fd, &eh, sizeof eh, 0) != (ssize_t)sizeof eh || \
		    eh.e_phentsize != sizeof ph)			\
			return false;					\
		for (unsigned i = 0; i < eh.e_phnum; i++) {		\
			off_t at = (off_t)(eh.e_phoff + (uint64_t)i * sizeof ph); \
									\
			if (pread(fd, &ph, sizeof ph, at) != (ssize_t)sizeof ph) \
				return false;				\
			if (ph.p_type == PT_INTERP)			\
				return true;				\
		}							\
		return false;						\
	}
HAS_INTERP(Elf32_Ehdr, Elf32_Phdr)
HAS_INTERP(Elf64_Ehdr, Elf64_Phdr)

/* A 32-bit static program counts as static too: the preload cannot see
 * it either, and the supervisor then says why it cannot run it. */
bool psf_exe_is_static(const char *path)
{
	ElfW(Ehdr) eh;
	int fd = open_elf(path, &eh);
	bool is_static = false;

	if (fd < 0)
		return false;
	if (eh.e_ident[EI_CLASS] == ELFCLASS32)
		is_static = !has_interp_Elf32_Ehdr(fd);
	else if (eh.e_ident[EI_CLASS] == ELFCLASS64)
		is_static = !has_interp_Elf64_Ehdr(fd);
	close(fd);
	return is_static;
}
