// Calls a VM answers exactly as Linux and glibc do, checked by running the
// same program natively and in a VM and diffing the outputs: termios on
// fds that are not terminals (ENOTTY, EBADF, tcsetattr's EINVAL first) and
// the cf* calls on the structure, ttyname, gettext without catalogs,
// mallopt, the pthread extras (names, pthread_kill, scheduling records,
// affinity), setns, posix_fadvise, sync_file_range, splice, tee and
// vmsplice on pipes and files, aio_cancel, and the layouts of the new
// headers' structures.
// RUN: rm -rf %t && mkdir -p %t/root
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/linux -pthread
// RUN: cd %t && %t/linux > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 1 --console raw --root %t/root > %t/out
// RUN: diff %t/expected %t/out
// RUN: FileCheck %s < %t/out
// RUN: %gpuvm run %t/host.img --vms 16 --root %t/root{vm} > %t/many 2> %t/err
// RUN: FileCheck %s --check-prefix=SCALE < %t/err
// SCALE: 16 exited with status 0
// RUN: grep -c 'aio_cancel: closed -1 EBADF; nothing queued 2' %t/many | grep -qx 16
// CHECK: layout: termios 60 c_cc 17 c_ispeed 52; ipc_perm 48 msqid_ds 120 shmid_ds 112 semid_ds 104 sembuf 6; aiocb 168 aio_offset 128; inotify_event 16; mallinfo 40 mallinfo2 80; spwd 72; utmp 384 ut_tv 340
// CHECK: termios: get pipe -1 ENOTTY, get file -1 ENOTTY, get closed -1 EBADF, set bad action -1 EINVAL (closed fd), set -1 ENOTTY
// CHECK: termios: break -1 ENOTTY drain -1 ENOTTY flush -1 ENOTTY flow -1 ENOTTY sid -1 ENOTTY; closed -1 EBADF -1 EBADF -1 EBADF
// CHECK: cf: out 0xf in 0xf; set 115200 0 -> out 0x1002 in 0x1002 cflag 0x10b2; in 0 -> 0 cflag 0x10b2 iflag 0x80000000 ispeed 0
// CHECK: cf: bad 9600 -1 EINVAL, bad 0x1010 -1 EINVAL, B38400 0 cflag 0xbf
// CHECK: raw: iflag 0x6000 oflag 0x4 lflag 0xa30 cflag 0xbf vmin 1 vtime 0
// CHECK: ttyname: pipe null ENOTTY, closed null EBADF; _r pipe ENOTTY closed EBADF
// CHECK: gettext: [hello] [hello] [hello] [one] [many] [many] [one] [other] [x]
// CHECK: textdomain: [messages] -> [server] [server]; "" -> [messages]
// CHECK: bindtextdomain: [/usr/share/locale] -> [/opt/locale] [/opt/locale]; empty (null); codeset (null) -> [UTF-8] [UTF-8]
// CHECK: mallopt: mxfast 160 1, 161 0, -1 0; mmap threshold -1 1; unknown 1
// CHECK: pthread name: set 0 get 0 [worker-1]; long ERANGE, buffer 15 ERANGE, prctl [worker-1]
// CHECK: pthread_kill: 0 0, SIGUSR1 0 handled 1, 65 EINVAL, 32 EINVAL
// CHECK: sched: get 0 policy 0 prio 0; other 5 EINVAL; batch 0 0; idle 0 0; fifo 0 EINVAL; bad policy EINVAL; back to other 0 -> 0 0
// CHECK: sched range: fifo 1..99 other 0..0 bad -1 EINVAL
// CHECK: attr sched: policy 0 prio 0; setpolicy batch EINVAL, fifo 0; param 0 EINVAL, 50 0 -> 50; policy other with 50 EINVAL
// CHECK: affinity: get 0 cpu0 1; set {0} 0
// CHECK: setns: file -1 EINVAL, closed -1 EBADF
// CHECK: fadvise: file Success, bad advice EINVAL, negative length EINVAL, pipe ESPIPE, closed EBADF
// CHECK: sync_file_range: file 0, bad flags -1 EINVAL, negative offset -1 EINVAL, pipe -1 ESPIPE, closed -1 EBADF
// CHECK: splice: zero 0; bad flags -1 EINVAL; closed -1 EBADF; write end in -1 EBADF; pipe offset -1 ESPIPE; file to file -1 EINVAL
// CHECK: tee: bad flags -1 EINVAL; zero 0; closed -1 EBADF; file to file -1 EINVAL
// CHECK: vmsplice: to pipe 5, from pipe 5 [hello]; file -1 EBADF; closed -1 EBADF; bad flags -1 EINVAL; empty on file 0
// CHECK: aio_cancel: closed -1 EBADF; nothing queued 2; other fd -1 EINVAL
#define _GNU_SOURCE
#include <aio.h>
#include <errno.h>
#include <fcntl.h>
#include <libintl.h>
#include <locale.h>
#include <malloc.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <shadow.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>
#include <utmp.h>

static const char *error_name(int error) {
  return error == EINVAL    ? "EINVAL"
         : error == EBADF   ? "EBADF"
         : error == ENOTTY  ? "ENOTTY"
         : error == ERANGE  ? "ERANGE"
         : error == ESPIPE  ? "ESPIPE"
         : error == EPERM   ? "EPERM"
         : error == ESRCH   ? "ESRCH"
         : error == ENOENT  ? "ENOENT"
         : error == ENOTSUP ? "ENOTSUP"
                            : strerror(error);
}

/* The result and errno of one call, as "-1 ENOTTY" or "0". */
static char said[64][32];
static int said_count;
static const char *outcome(long result) {
  char *text = said[said_count++ % 64];
  if (result < 0)
    snprintf(text, 32, "%ld %s", result, error_name(errno));
  else
    snprintf(text, 32, "%ld", result);
  return text;
}

static volatile sig_atomic_t handled;
static void count(int sig) {
  (void)sig;
  ++handled;
}

static void layouts(void) {
  printf("layout: termios %zu c_cc %zu c_ispeed %zu; ipc_perm %zu msqid_ds %zu shmid_ds %zu "
         "semid_ds %zu sembuf %zu; aiocb %zu aio_offset %zu; inotify_event %zu; mallinfo %zu "
         "mallinfo2 %zu; spwd %zu; utmp %zu ut_tv %zu\n",
         sizeof(struct termios), offsetof(struct termios, c_cc), offsetof(struct termios, c_ispeed),
         sizeof(struct ipc_perm), sizeof(struct msqid_ds), sizeof(struct shmid_ds),
         sizeof(struct semid_ds), sizeof(struct sembuf), sizeof(struct aiocb),
         offsetof(struct aiocb, aio_offset), sizeof(struct inotify_event), sizeof(struct mallinfo),
         sizeof(struct mallinfo2), sizeof(struct spwd), sizeof(struct utmp),
         offsetof(struct utmp, ut_tv));
}

static void terminals(int pipe_fd, int file_fd, int closed_fd) {
  struct termios t;
  memset(&t, 0, sizeof t);
  const char *a = outcome(tcgetattr(pipe_fd, &t)), *b = outcome(tcgetattr(file_fd, &t));
  const char *c = outcome(tcgetattr(closed_fd, &t));
  const char *d = outcome(tcsetattr(closed_fd, 99, &t));
  const char *e = outcome(tcsetattr(pipe_fd, TCSANOW, &t));
  printf(
      "termios: get pipe %s, get file %s, get closed %s, set bad action %s (closed fd), set %s\n",
      a, b, c, d, e);
  a = outcome(tcsendbreak(pipe_fd, 0)), b = outcome(tcdrain(pipe_fd));
  c = outcome(tcflush(pipe_fd, TCIOFLUSH)), d = outcome(tcflow(pipe_fd, TCOON));
  e = outcome(tcgetsid(pipe_fd));
  const char *f = outcome(tcdrain(closed_fd)), *g = outcome(tcflush(closed_fd, 99));
  const char *h = outcome(tcgetsid(closed_fd));
  printf("termios: break %s drain %s flush %s flow %s sid %s; closed %s %s %s\n", a, b, c, d, e, f,
         g, h);

  memset(&t, 0, sizeof t);
  t.c_cflag = B38400 | CS8 | CREAD;
  printf("cf: out %#x in %#x; ", cfgetospeed(&t), cfgetispeed(&t));
  int set = cfsetospeed(&t, B115200);
  printf("set 115200 %d -> out %#x in %#x cflag %#x; ", set, cfgetospeed(&t), cfgetispeed(&t),
         t.c_cflag);
  set = cfsetispeed(&t, B0);
  printf("in 0 -> %u cflag %#x iflag %#x ispeed %u\n", cfgetispeed(&t), t.c_cflag, t.c_iflag,
         t.c_ispeed);
  a = outcome(cfsetospeed(&t, 9600)), b = outcome(cfsetispeed(&t, 0x1010));
  c = outcome(cfsetispeed(&t, B38400));
  printf("cf: bad 9600 %s, bad 0x1010 %s, B38400 %s cflag %#x\n", a, b, c, t.c_cflag);

  memset(&t, 0xff, sizeof t);
  t.c_cflag = CS7 | PARENB | CREAD | B38400;
  t.c_iflag = IGNBRK | ICRNL | IXON | IUTF8 | IMAXBEL;
  t.c_oflag = OPOST | ONLCR;
  t.c_lflag = ECHO | ICANON | ISIG | IEXTEN | ECHOE | ECHOK | ECHOCTL | ECHOKE;
  cfmakeraw(&t);
  printf("raw: iflag %#x oflag %#x lflag %#x cflag %#x vmin %d vtime %d\n", t.c_iflag, t.c_oflag,
         t.c_lflag, t.c_cflag, t.c_cc[VMIN], t.c_cc[VTIME]);

  char name[64];
  errno = 0;
  char *p = ttyname(pipe_fd);
  int p_error = errno;
  char *q = ttyname(closed_fd);
  int q_error = errno;
  printf("ttyname: pipe %s %s, closed %s %s; _r pipe %s closed %s\n", p ? p : "null",
         error_name(p_error), q ? q : "null", error_name(q_error),
         error_name(ttyname_r(pipe_fd, name, sizeof name)),
         error_name(ttyname_r(closed_fd, name, sizeof name)));
}

static void messages(void) {
  printf("gettext: [%s] [%s] [%s] [%s] [%s] [%s] [%s] [%s] [%s]\n", gettext("hello"),
         dgettext("server", "hello"), dcgettext("server", "hello", LC_MESSAGES),
         ngettext("one", "many", 1), ngettext("one", "many", 0), dngettext("d", "one", "many", 2),
         dcngettext("d", "one", "other", 1, LC_MESSAGES),
         dcngettext(NULL, "one", "other", 7, LC_MESSAGES), dcgettext(NULL, "x", LC_ALL));
  printf("textdomain: [%s] -> ", textdomain(NULL));
  printf("[%s] ", textdomain("server"));
  printf("[%s]; ", textdomain(NULL));
  printf("\"\" -> [%s]\n", textdomain(""));
  printf("bindtextdomain: [%s] -> ", bindtextdomain("server", NULL));
  printf("[%s] ", bindtextdomain("server", "/opt/locale"));
  printf("[%s]; ", bindtextdomain("server", NULL));
  char *empty = bindtextdomain("", "/x");
  printf("empty %s; ", empty ? empty : "(null)");
  char *codeset = bind_textdomain_codeset("server", NULL);
  printf("codeset %s -> ", codeset ? codeset : "(null)");
  printf("[%s] ", bind_textdomain_codeset("server", "UTF-8"));
  printf("[%s]\n", bind_textdomain_codeset("server", NULL));
  printf("mallopt: mxfast 160 %d, 161 %d, -1 %d; mmap threshold -1 %d; unknown %d\n",
         mallopt(M_MXFAST, 160), mallopt(M_MXFAST, 161), mallopt(M_MXFAST, -1),
         mallopt(M_MMAP_THRESHOLD, -1), mallopt(1234, 5));
  mallopt(M_MXFAST, 128);
}

static void threads(void) {
  pthread_t self = pthread_self();
  char name[16], small[15], via_prctl[16];
  int set = pthread_setname_np(self, "worker-1");
  int get = pthread_getname_np(self, name, sizeof name);
  int too_long = pthread_setname_np(self, "a-name-of-16-chr");
  int too_small = pthread_getname_np(self, small, sizeof small);
  prctl(PR_GET_NAME, via_prctl);
  printf("pthread name: set %d get %d [%s]; long %s, buffer 15 %s, prctl [%s]\n", set, get, name,
         error_name(too_long), error_name(too_small), via_prctl);

  signal(SIGUSR1, count);
  int zero = pthread_kill(self, 0);
  int usr1 = pthread_kill(self, SIGUSR1);
  printf("pthread_kill: 0 %d, SIGUSR1 %d handled %d, 65 %s, 32 %s\n", zero, usr1, (int)handled,
         error_name(pthread_kill(self, 65)), error_name(pthread_kill(self, 32)));

  int policy = -1;
  struct sched_param param = {-1};
  int g = pthread_getschedparam(self, &policy, &param);
  printf("sched: get %d policy %d prio %d; ", g, policy, param.sched_priority);
  param.sched_priority = 5;
  printf("other 5 %s; ", error_name(pthread_setschedparam(self, SCHED_OTHER, &param)));
  param.sched_priority = 0;
  int batch = pthread_setschedparam(self, SCHED_BATCH, &param);
  pthread_getschedparam(self, &policy, &param);
  printf("batch %d %d; ", batch, policy == SCHED_BATCH ? 0 : -1);
  int idle = pthread_setschedparam(self, SCHED_IDLE, &param);
  pthread_getschedparam(self, &policy, &param);
  printf("idle %d %d; ", idle, policy == SCHED_IDLE ? 0 : -1);
  param.sched_priority = 0;
  printf("fifo 0 %s; ", error_name(pthread_setschedparam(self, SCHED_FIFO, &param)));
  printf("bad policy %s; ", error_name(pthread_setschedparam(self, 42, &param)));
  int back = pthread_setschedparam(self, SCHED_OTHER, &param);
  pthread_getschedparam(self, &policy, &param);
  printf("back to other %d -> %d %d\n", back, policy, param.sched_priority);
  int bad_min = sched_get_priority_min(42), bad_error = errno;
  printf("sched range: fifo %d..%d other %d..%d bad %d %s\n", sched_get_priority_min(SCHED_FIFO),
         sched_get_priority_max(SCHED_FIFO), sched_get_priority_min(SCHED_OTHER),
         sched_get_priority_max(SCHED_OTHER), bad_min, error_name(bad_error));

  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_getschedpolicy(&attr, &policy);
  pthread_attr_getschedparam(&attr, &param);
  printf("attr sched: policy %d prio %d; ", policy, param.sched_priority);
  printf("setpolicy batch %s, ", error_name(pthread_attr_setschedpolicy(&attr, SCHED_BATCH)));
  printf("fifo %d; ", pthread_attr_setschedpolicy(&attr, SCHED_FIFO));
  param.sched_priority = 0;
  printf("param 0 %s, ", error_name(pthread_attr_setschedparam(&attr, &param)));
  param.sched_priority = 50;
  int fifty = pthread_attr_setschedparam(&attr, &param);
  param.sched_priority = 0;
  pthread_attr_getschedparam(&attr, &param);
  printf("50 %d -> %d; ", fifty, param.sched_priority);
  pthread_attr_setschedpolicy(&attr, SCHED_OTHER);
  param.sched_priority = 50;
  printf("policy other with 50 %s\n", error_name(pthread_attr_setschedparam(&attr, &param)));
  pthread_attr_destroy(&attr);

  cpu_set_t cpus;
  CPU_ZERO(&cpus);
  int got = pthread_getaffinity_np(self, sizeof cpus, &cpus);
  int cpu0 = CPU_ISSET(0, &cpus);
  CPU_ZERO(&cpus);
  CPU_SET(0, &cpus);
  printf("affinity: get %d cpu0 %d; set {0} %d\n", got, cpu0,
         pthread_setaffinity_np(self, sizeof cpus, &cpus));
}

static void files(int pipe_fds[2], int file_fd, int closed_fd) {
  const char *a = outcome(setns(file_fd, 0)), *b = outcome(setns(closed_fd, CLONE_NEWNET));
  printf("setns: file %s, closed %s\n", a, b);

  printf("fadvise: file %s, bad advice %s, negative length %s, pipe %s, closed %s\n",
         error_name(posix_fadvise(file_fd, 0, 0, POSIX_FADV_SEQUENTIAL)),
         error_name(posix_fadvise(file_fd, 0, 0, 6)),
         error_name(posix_fadvise(file_fd, 0, -1, POSIX_FADV_NORMAL)),
         error_name(posix_fadvise(pipe_fds[0], 0, 0, POSIX_FADV_NORMAL)),
         error_name(posix_fadvise(closed_fd, 0, 0, POSIX_FADV_NORMAL)));

  a = outcome(sync_file_range(file_fd, 0, 0, SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER));
  b = outcome(sync_file_range(file_fd, 0, 0, 8));
  const char *c = outcome(sync_file_range(file_fd, -1, 0, 0));
  const char *d = outcome(sync_file_range(pipe_fds[1], 0, 0, 0));
  const char *e = outcome(sync_file_range(closed_fd, 0, 0, 0));
  printf("sync_file_range: file %s, bad flags %s, negative offset %s, pipe %s, closed %s\n", a, b,
         c, d, e);

  off_t offset = 0;
  a = outcome(splice(file_fd, NULL, pipe_fds[1], NULL, 0, 0));
  b = outcome(splice(file_fd, NULL, pipe_fds[1], NULL, 10, 0x100));
  c = outcome(splice(closed_fd, NULL, pipe_fds[1], NULL, 10, 0));
  d = outcome(splice(pipe_fds[1], NULL, file_fd, NULL, 10, 0));
  e = outcome(splice(file_fd, NULL, pipe_fds[1], &offset, 10, 0));
  int other = open("glibc-answers.other", O_CREAT | O_RDWR | O_TRUNC, 0600);
  const char *f = outcome(splice(file_fd, NULL, other, NULL, 10, 0));
  printf("splice: zero %s; bad flags %s; closed %s; write end in %s; pipe offset %s; file to file "
         "%s\n",
         a, b, c, d, e, f);
  a = outcome(tee(file_fd, other, 10, 0x100)), b = outcome(tee(file_fd, other, 0, 0));
  c = outcome(tee(closed_fd, other, 10, 0)), d = outcome(tee(file_fd, other, 10, 0));
  printf("tee: bad flags %s; zero %s; closed %s; file to file %s\n", a, b, c, d);

  char in[] = "hello", out[8] = "";
  struct iovec to = {in, 5}, from = {out, sizeof out - 1}, none = {in, 0};
  long sent = vmsplice(pipe_fds[1], &to, 1, 0);
  long got = vmsplice(pipe_fds[0], &from, 1, 0);
  a = outcome(vmsplice(file_fd, &to, 1, 0)), b = outcome(vmsplice(closed_fd, &to, 1, 0));
  c = outcome(vmsplice(pipe_fds[1], &to, 1, 0x100)), d = outcome(vmsplice(file_fd, &none, 1, 0));
  printf("vmsplice: to pipe %ld, from pipe %ld [%s]; file %s; closed %s; bad flags %s; empty on "
         "file %s\n",
         sent, got, out, a, b, c, d);

  struct aiocb request;
  memset(&request, 0, sizeof request);
  request.aio_fildes = other;
  a = outcome(aio_cancel(closed_fd, NULL)), b = outcome(aio_cancel(file_fd, NULL));
  c = outcome(aio_cancel(file_fd, &request));
  printf("aio_cancel: closed %s; nothing queued %s; other fd %s\n", a, b, c);
  close(other);
  unlink("glibc-answers.other");
}

int main(void) {
  int pipe_fds[2];
  pipe(pipe_fds);
  int file_fd = open("glibc-answers.tmp", O_CREAT | O_RDWR | O_TRUNC, 0600);
  write(file_fd, "data", 4);
  int closed_fd = 77;
  layouts();
  terminals(pipe_fds[0], file_fd, closed_fd);
  messages();
  threads();
  files(pipe_fds, file_fd, closed_fd);
  close(file_fd);
  unlink("glibc-answers.tmp");
  return 0;
}
