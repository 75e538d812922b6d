/*
 * preload_bench: the figures of issue 3, item 8, in one run, each the
 * median of interleaved rounds and shown as a ratio against the same work
 * without portsaf.
 *
 *   preload_bench DIR LOOP PORTSAF LIB EMPTYLIB ROUNDS N STARTS
 *
 * (a)-(c): LOOP run natively, with libportsaf.so and auditing off (a
 * policy with no rules), and with an SMF record per call (the discovery
 * policy); also the system calls each audited call adds, counted with
 * ptrace.  (d): STARTS starts of /bin/true under `portsaf run` against
 * `env LD_PRELOAD=EMPTYLIB /bin/true` (both two execs), and of /bin/true
 * with LD_PRELOAD=LIB against LD_PRELOAD=EMPTYLIB (the library alone).
 * Exit 1 when a target is missed.
 */
#include <signal.h>
#include <stdbool.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAXR 64

extern char **environ;

struct setup {
	const char *dir, *loop, *portsaf, *lib, *empty;
	int rounds;
	long n, starts;
};

enum variant { NATIVE, AUDIT_OFF, AUDIT_SMF };

/* The environment of one variant, on top of ours. */
static void set_variant(const struct setup *s, enum variant v)
{
	char path[4096];

	unsetenv("LD_PRELOAD");
	setenv("PORTSAF_MESSAGES", "none", 1);
	if (v == NATIVE)
		return;
	setenv("LD_PRELOAD", s->lib, 1);
	if (v == AUDIT_OFF) {
		snprintf(path, sizeof path, "%s/off.conf", s->dir);
		setenv("PORTSAF_CONFIG", path, 1);
		setenv("PORTSAF_SMF", "", 1);
	} else {
		setenv("PORTSAF_CONFIG", "", 1);   /* discovery policy */
		snprintf(path, sizeof path, "%s/bench-smf80.bin", s->dir);
		setenv("PORTSAF_SMF", path, 1);
	}
}

/* Run LOOP MODE N and read the ns per iteration it prints. */
static double loop_ns(const struct setup *s, enum variant v, const char *mode)
{
	char n[32], cmd[8192];
	FILE *p;
	double ns = -1;

	set_variant(s, v);
	snprintf(n, sizeof n, "%ld", s->n);
	snprintf(cmd, sizeof cmd, "'%s' %s %s", s->loop, mode, n);
	p = popen(cmd, "r");
	if (!p || fscanf(p, "%lf", &ns) != 1)
		ns = -1;
	if (p && pclose(p) != 0)
		ns = -1;
	return ns;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* System calls made by LOOP MODE n under variant v (ptrace). */
static long count_syscalls(const struct setup *s, enum variant v,
			   const char *mode, long n)
{
	char ns[32];
	long count = 0;
	int st;
	pid_t pid;

	set_variant(s, v);
	snprintf(ns, sizeof ns, "%ld", n);
	pid = fork();
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		if (!freopen("/dev/null", "w", stdout))
			_exit(127);
		execl(s->loop, s->loop, mode, ns, (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return -1;
	ptrace(PTRACE_SETOPTIONS, pid, NULL,
	       (void *)(long)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL));
	for (bool entry = true;; entry = !entry) {
		if (ptrace(PTRACE_SYSCALL, pid, NULL, NULL) < 0 ||
		    waitpid(pid, &st, 0) < 0 || WIFEXITED(st) || WIFSIGNALED(st))
			break;
		if (WIFSTOPPED(st) && WSTOPSIG(st) == (SIGTRAP | 0x80))
			count += entry;
		else
			entry = !entry; /* a signal stop is no syscall edge */
	}
	return count;
}

/* Extra system calls per call: the difference per iteration between two
 * run lengths, so start-up and initialisation cancel out. */
static double syscalls_per_call(const struct setup *s, enum variant v,
				const char *mode)
{
	long n1 = 2000, n2 = 4000;
	long c1 = count_syscalls(s, v, mode, n1), c2 = count_syscalls(s, v, mode, n2);

	/* the loop runs n/10 warm-up iterations before the n timed ones */
	return (double)(c2 - c1) / ((double)(n2 - n1) * 1.1);
}

static double spawn_batch(long starts, char *const argv[])
{
	struct timespec a, b;
	pid_t pid;
	int st;

	clock_gettime(CLOCK_MONOTONIC, &a);
	for (long i = 0; i < starts; i++) {
		if (posix_spawn(&pid, argv[0], NULL, NULL, argv, environ) != 0 ||
		    waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st))
			return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	return ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / starts;
}

static bool report(const char *what, double base, double with, double target)
{
	double ratio = with / base;
	bool ok = target <= 0 || ratio <= target;

	printf("%-44s %9.0f %9.0f %7.3f  %s\n", what, base, with, ratio,
	       target <= 0 ? "" : ok ? "target met" : "TARGET MISSED");
	return ok;
}

static bool bench_loops(const struct setup *s)
{
	static const char *const modes[] = { "a", "b", "c" };
	static const char *const names[] = {
		"(a) socket+bind(0)+close", "(b) socket+bind(P)+listen+close",
		"(c) loopback connect",
	};
	bool ok = true;

	for (int m = 0; m < 3; m++) {
		double v[3][MAXR], med[3];

		for (int r = 0; r < s->rounds; r++)
			for (int k = 0; k < 3; k++)
				if ((v[k][r] = loop_ns(s, (enum variant)k, modes[m])) < 0) {
					fprintf(stderr, "preload_bench: %s failed\n", names[m]);
					return false;
				}
		for (int k = 0; k < 3; k++)
			med[k] = median(v[k], s->rounds);
		char label[96];
		snprintf(label, sizeof label, "%s, auditing off", names[m]);
		ok &= report(label, med[0], med[1], m == 1 ? 0 : 1.05);
		snprintf(label, sizeof label, "%s, SMF record per call", names[m]);
		report(label, med[0], med[2], 0);
		printf("%-44s %9s %9s %7.2f  extra system calls per record\n", "",
		       "", "", syscalls_per_call(s, AUDIT_SMF, modes[m]) -
		       syscalls_per_call(s, NATIVE, modes[m]));
	}
	return ok;
}

static bool bench_starts(const struct setup *s)
{
	char *run[] = { (char *)s->portsaf, "run", "--", "/bin/true", NULL };
	char *env_true[] = { "/usr/bin/env", NULL, "/bin/true", NULL };
	char *plain[] = { "/bin/true", NULL };
	char ld_empty[4096], ld_lib[4096];
	double v[4][MAXR];
	bool ok;

	snprintf(ld_empty, sizeof ld_empty, "LD_PRELOAD=%s", s->empty);
	snprintf(ld_lib, sizeof ld_lib, "LD_PRELOAD=%s", s->lib);
	env_true[1] = ld_empty;
	set_variant(s, NATIVE);
	unsetenv("PORTSAF_CONFIG");
	unsetenv("PORTSAF_SMF");
	for (int r = 0; r < s->rounds; r++) {
		v[0][r] = spawn_batch(s->starts, env_true);
		v[1][r] = spawn_batch(s->starts, run);
		setenv("LD_PRELOAD", s->empty, 1);
		v[2][r] = spawn_batch(s->starts, plain);
		setenv("LD_PRELOAD", s->lib, 1);
		v[3][r] = spawn_batch(s->starts, plain);
		unsetenv("LD_PRELOAD");
		for (int k = 0; k < 4; k++)
			if (v[k][r] < 0) {
				fprintf(stderr, "preload_bench: a start failed\n");
				return false;
			}
	}
	ok = report("(d) portsaf run -- /bin/true vs env LD_PRELOAD=empty",
		    median(v[0], s->rounds), median(v[1], s->rounds), 1.05);
	ok &= report("(d) LD_PRELOAD=libportsaf.so vs empty library",
		     median(v[2], s->rounds), median(v[3], s->rounds), 1.05);
	return ok;
}

int main(int argc, char **argv)
{
	struct setup s;
	bool ok;

	if (argc != 9) {
		fprintf(stderr, "usage: preload_bench DIR LOOP PORTSAF LIB EMPTYLIB "
			"ROUNDS N STARTS\n");
		return 2;
	}
	/* Children are forked while results are pending: no stdio buffer may
	 * be copied into them. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	s = (struct setup){ argv[1], argv[2], argv[3], argv[4], argv[5],
			    atoi(argv[6]), atol(argv[7]), atol(argv[8]) };
	if (s.rounds < 1 || s.rounds > MAXR)
		return 2;
	printf("%-44s %9s %9s %7s\n", "median of rounds, ns per operation",
	       "native", "portsaf", "ratio");
	ok = bench_loops(&s);
	ok &= bench_starts(&s);
	return ok ? 0 : 1;
}
