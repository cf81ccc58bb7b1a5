// The limits gpuvm run sets on every VM, enforced by the VM's own kernel and
// reported once: --max-files is each VM's RLIMIT_NOFILE hard limit,
// --max-sockets counts sockets, --console-rate paces stdout and stderr like
// a slow terminal (the writer waits, no line is lost or cut).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gpucxx --target=host -O1 %s -o %t.img
//
// RUN: %gpuvm run %t.img --vms 100 --max-files 10 --console raw \
// RUN:   --status-file %t/files.status -- files > %t/files.out 2> %t/files.err
// RUN: sort %t/files.out | uniq -c | FileCheck %s --check-prefix=FILES
// FILES: 100 nofile 10/10; dup up to fd 9, then EMFILE; raise EPERM; F_DUPFD 10 EINVAL; lowered to 5: EMFILE
// RUN: FileCheck %s --check-prefix=FILES-NOTE < %t/files.err
// FILES-NOTE: gpuvm: --max-files 10 refused 100 descriptors (EMFILE) to 100 VMs (vm 0, 1, 2, 3, 4, ...)
// RUN: FileCheck %s --check-prefix=FILES-STATUS < %t/files.status
// FILES-STATUS: 0 exit 0 files_refused=1 packets_in=
// FILES-STATUS: 99 exit 0 files_refused=1 packets_in=
// FILES-STATUS: # --max-files 10 refused 100 descriptors
//
// RUN: %gpuvm run %t.img --vms 100 --max-sockets 2 --console raw \
// RUN:   --status-file %t/sockets.status -- sockets > %t/sockets.out 2> %t/sockets.err
// RUN: sort %t/sockets.out | uniq -c | FileCheck %s --check-prefix=SOCKETS
// SOCKETS: 100 sockets: 2, then EMFILE; one closed, one more; pipes still open
// RUN: FileCheck %s --check-prefix=SOCKETS-NOTE < %t/sockets.err
// SOCKETS-NOTE: gpuvm: --max-sockets 2 refused 100 sockets or connections (EMFILE, connections reset) to 100 VMs
// RUN: FileCheck %s --check-prefix=SOCKETS-STATUS < %t/sockets.status
// SOCKETS-STATUS: 42 exit 0 sockets_refused=1 packets_in=
//
// Two VMs write 3 KiB each in 100-byte lines at 1 KiB/s: each waits about
// two seconds (one second's worth goes at once); every line arrives whole.
// RUN: %gpuvm run %t.img --vms 2 --console-rate 1K --console raw \
// RUN:   --status-file %t/console.status -- console > %t/console.out 2> %t/console.err
// RUN: grep -c '^line [0-9]* of vm [01] x*$' %t/console.out | FileCheck %s --check-prefix=LINES
// LINES: 60
// RUN: sort %t/console.out | uniq -c | FileCheck %s --check-prefix=CONSOLE
// CONSOLE: 2 console paced: at least 1.8 s for 3000 bytes
// RUN: FileCheck %s --check-prefix=CONSOLE-NOTE < %t/console.err
// CONSOLE-NOTE: gpuvm: --console-rate 1024 held back the output of 2 VMs for {{[0-9.]+}} s in all (vm 0, 1)
// RUN: FileCheck %s --check-prefix=CONSOLE-STATUS < %t/console.status
// CONSOLE-STATUS: 0 exit 0 console_wait_ms={{[0-9]+}} packets_in=
//
// Without limits nothing is counted or said.
// RUN: %gpuvm run %t.img --vms 2 --console raw --status-file %t/none.status -- files \
// RUN:   > /dev/null 2> %t/none.err
// RUN: not grep -e refused -e 'held back' %t/none.err %t/none.status
//
// Bad values are refused before anything runs (exit 2).
// RUN: not %gpuvm run %t.img --max-files 65537 2>&1 | FileCheck %s --check-prefix=BAD-FILES
// BAD-FILES: gpuvm: error: --max-files must be between 0 (the kernel's 65536) and 65536, not 65537
// RUN: not %gpuvm run %t.img --max-sockets -1 2>&1 | FileCheck %s --check-prefix=BAD-SOCKETS
// BAD-SOCKETS: gpuvm: error: --max-sockets must be between 0 (no limit) and 65536, not -1
// RUN: not %gpuvm run %t.img --console-rate 2G 2>&1 | FileCheck %s --check-prefix=BAD-RATE
// BAD-RATE: gpuvm: error: --console-rate: '2G' is not a size from 0 (no limit) to 1G bytes per second
// RUN: not %gpuvm run %t.img --console-rate fast 2>&1 | FileCheck %s --check-prefix=BAD-RATE2
// BAD-RATE2: gpuvm: error: --console-rate: 'fast' is not a size
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static const char *error_name(int error) {
  return error == EMFILE ? "EMFILE" : error == EPERM ? "EPERM" : error == EINVAL ? "EINVAL" : "?";
}

static int files(void) {
  struct rlimit limit;
  getrlimit(RLIMIT_NOFILE, &limit);
  printf("nofile %llu/%llu; ", (unsigned long long)limit.rlim_cur,
         (unsigned long long)limit.rlim_max);
  int last = -1, fd;
  while ((fd = dup(1)) >= 0)
    last = fd;
  printf("dup up to fd %d, then %s; ", last, error_name(errno));
  struct rlimit higher = {limit.rlim_max + 1, limit.rlim_max + 1};
  setrlimit(RLIMIT_NOFILE, &higher);
  printf("raise %s; ", error_name(errno));
  fcntl(1, F_DUPFD, (int)limit.rlim_max);
  printf("F_DUPFD %d %s; ", (int)limit.rlim_max, error_name(errno));
  // Under the VM's own lower limit a refusal is its choice: not counted.
  for (int i = 3; i <= last; ++i)
    close(i);
  struct rlimit lower = {5, limit.rlim_max};
  setrlimit(RLIMIT_NOFILE, &lower);
  while (dup(1) >= 0)
    ;
  printf("lowered to 5: %s\n", error_name(errno));
  return 0;
}

static int sockets(void) {
  int a = socket(AF_INET6, SOCK_STREAM, 0), b = socket(AF_INET6, SOCK_DGRAM, 0);
  int c = socket(AF_INET6, SOCK_STREAM, 0);
  if (a < 0 || b < 0 || c >= 0) {
    printf("FAIL sockets %d %d %d\n", a, b, c);
    return 1;
  }
  int refused = errno;
  close(a);
  int d = socket(AF_INET6, SOCK_STREAM, 0);
  int pipes[2];
  int piped = pipe(pipes) == 0;
  printf("sockets: 2, then %s; one closed, %s; %s\n", error_name(refused),
         d >= 0 ? "one more" : "FAIL none", piped ? "pipes still open" : "FAIL no pipe");
  return 0;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int console(void) {
  int vm = 0;
  char name[64];
  if (gethostname(name, sizeof name) == 0)
    sscanf(name, "vm%d", &vm);
  double began = now();
  for (int i = 0; i < 30; ++i) {
    char line[101];
    int n = snprintf(line, sizeof line, "line %d of vm %d ", i, vm);
    memset(line + n, 'x', (size_t)(99 - n));
    line[99] = '\n';
    write(1, line, 100);
  }
  double took = now() - began;
  printf("console %s: at least 1.8 s for 3000 bytes\n", took >= 1.8 ? "paced" : "FAIL not paced");
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "files"))
    return files();
  if (argc > 1 && !strcmp(argv[1], "sockets"))
    return sockets();
  if (argc > 1 && !strcmp(argv[1], "console"))
    return console();
  printf("FAIL usage: %s files|sockets|console\n", argv[0]);
  return 2;
}
