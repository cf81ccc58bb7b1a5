// Answers a VM gives where Linux's meaning needs what a VM lacks: System V
// IPC, shm_open, named semaphores, asynchronous I/O, inotify and syscall()
// fail with ENOSYS and the console names each call once; openpty finds no
// /dev/ptmx; the heap's figures in mallinfo and malloc_stats; no shadow
// file, netgroups or login records; getloadavg, getauxval, capget/capset,
// extended attributes, backtrace and arc4random.
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: rm -rf %t.root && mkdir -p %t.root
// RUN: %gpuvm run %t.img --vms 2 --root %t.root{vm} > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck %s --check-prefix=NOTES < %t.err
// RUN: grep -c 'gpuvm: msgget:' %t.err | grep -qx 1
// CHECK-DAG: [vm 0] ipc: msgget -1 ENOSYS msgsnd -1 ENOSYS msgrcv -1 ENOSYS msgctl -1 ENOSYS shmget -1 ENOSYS shmat -1 ENOSYS shmdt -1 ENOSYS shmctl -1 ENOSYS semget -1 ENOSYS semop -1 ENOSYS semctl -1 ENOSYS
// CHECK-DAG: [vm 0] posix shm: shm_open -1 ENOSYS shm_unlink -1 ENOSYS; sem_open failed ENOSYS, sem_unlink -1 ENOSYS
// CHECK-DAG: [vm 0] aio: read -1 ENOSYS write -1 ENOSYS fsync -1 ENOSYS listio -1 ENOSYS bad mode -1 EINVAL suspend -1 ENOSYS error -1 EINVAL return -1 EINVAL
// CHECK-DAG: [vm 0] inotify: init -1 ENOSYS init1 -1 ENOSYS add -1 ENOSYS rm -1 ENOSYS; syscall(39) -1 ENOSYS
// CHECK-DAG: [vm 0] openpty: -1 ENOENT
// CHECK-DAG: [vm 0] mallinfo2: arena = uordblks + fordblks 1, 64 KiB more in use 1, free chunks 1, hblks 0; mallinfo the same 1; trim 0
// CHECK-DAG: [vm 0] shadow: getspnam null ENOENT; _r ENOENT null
// CHECK-DAG: [vm 0] netgroups: innetgr 0 setnetgrent 0 getnetgrent 0; logout 0
// CHECK-DAG: [vm 0] loadavg: 3 1.00 1.00 1.00; one 1; negative 0
// CHECK-DAG: [vm 0] auxv: pagesz 4096 hwcap 0 errno 0; clktck 100; random 0 ENOENT
// CHECK-DAG: [vm 0] capget: version probe 0 -> 0x20080522; bad version -1 EINVAL; v3 0 eff 0xffffffff/0x1ff inh 0; other pid -1 ESRCH
// CHECK-DAG: [vm 0] capset: gain -1 EPERM; drop to CAP_NET_BIND_SERVICE 0 -> eff 0x400 perm 0x400; gain back -1 EPERM; other pid -1 EPERM
// CHECK-DAG: [vm 1] capget as nobody: eff 0 perm 0
// CHECK-DAG: [vm 1] sched as nobody: fifo 10 EPERM, other 0 0
// CHECK-DAG: [vm 1] xattr: get -1 ENOTSUP lget -1 ENOTSUP fget -1 ENOTSUP set -1 ENOTSUP list -1 ENOTSUP remove -1 ENOTSUP; missing -1 ENOENT; bad fd -1 EBADF -1 EBADF
// CHECK-DAG: [vm 1] backtrace: 0 frames; symbols [0x1234] [(nil)]
// CHECK-DAG: [vm 1] arc4random: uniform(1) 0, uniform(0) 0, uniform(6) in range 1, all six seen 1, buf differs 1
// CHECK-DAG: [vm 1] getcpuclockid: 0 monotonic 1; other thread ESRCH
// NOTES-DAG: [vm 0] gpuvm: msgget: a VM is one process and has no System V IPC (ENOSYS)
// NOTES-DAG: [vm 0] gpuvm: shm_open: a VM has no shared memory file system (/dev/shm) (ENOSYS)
// NOTES-DAG: [vm 0] gpuvm: aio_read: a VM has one thread and no asynchronous I/O queue (ENOSYS)
// NOTES-DAG: [vm 0] gpuvm: inotify_init1: the host tells a VM nothing of its files' changes (ENOSYS)
// NOTES-DAG: [vm 0] gpuvm: syscall: a VM has no Linux system call table (ENOSYS)
// NOTES-DAG: [vm 0] Arena 0:
// NOTES-DAG: [vm 0] max mmap regions =          0
#define _GNU_SOURCE
#include <aio.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <gpuvm.h>
#include <linux/capability.h>
#include <malloc.h>
#include <netdb.h>
#include <pthread.h>
#include <pty.h>
#include <semaphore.h>
#include <shadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <utmp.h>

static const char *error_name(int error) {
  return error == ENOSYS    ? "ENOSYS"
         : error == EINVAL  ? "EINVAL"
         : error == ENOENT  ? "ENOENT"
         : error == EPERM   ? "EPERM"
         : error == ESRCH   ? "ESRCH"
         : error == EBADF   ? "EBADF"
         : error == ENOTSUP ? "ENOTSUP"
         : error == 0       ? "0"
                            : strerror(error);
}

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

static void missing_facilities(void) {
  struct sembuf op = {0, 1, 0};
  const char *r[11] = {outcome(msgget(IPC_PRIVATE, IPC_CREAT | 0600)),
                       outcome(msgsnd(1, "x", 1, 0)),
                       outcome(msgrcv(1, NULL, 0, 0, 0)),
                       outcome(msgctl(1, IPC_RMID, NULL)),
                       outcome(shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600)),
                       outcome((long)shmat(1, NULL, 0)),
                       outcome(shmdt(NULL)),
                       outcome(shmctl(1, IPC_RMID, NULL)),
                       outcome(semget(IPC_PRIVATE, 1, IPC_CREAT | 0600)),
                       outcome(semop(1, &op, 1)),
                       outcome(semctl(1, 0, IPC_RMID))};
  msgget(IPC_PRIVATE, 0); /* a second refusal: no second note */
  printf("ipc: msgget %s msgsnd %s msgrcv %s msgctl %s shmget %s shmat %s shmdt %s shmctl %s "
         "semget %s semop %s semctl %s\n",
         r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10]);

  const char *a = outcome(shm_open("/x", O_CREAT | O_RDWR, 0600)), *b = outcome(shm_unlink("/x"));
  sem_t *named = sem_open("/s", O_CREAT, 0600, 1);
  int named_error = errno;
  const char *c = outcome(sem_unlink("/s"));
  printf("posix shm: shm_open %s shm_unlink %s; sem_open %s %s, sem_unlink %s\n", a, b,
         named == SEM_FAILED ? "failed" : "succeeded", error_name(named_error), c);

  struct aiocb request, *list[1] = {&request};
  memset(&request, 0, sizeof request);
  request.aio_fildes = 1;
  const char *w[9] = {outcome(aio_read(&request)),
                      outcome(aio_write(&request)),
                      outcome(aio_fsync(O_SYNC, &request)),
                      outcome(lio_listio(LIO_WAIT, list, 1, NULL)),
                      outcome(lio_listio(7, list, 1, NULL)),
                      outcome(aio_suspend((const struct aiocb *const *)list, 1, NULL)),
                      outcome(aio_error(&request)),
                      outcome(aio_return(&request))};
  printf("aio: read %s write %s fsync %s listio %s bad mode %s suspend %s error %s return %s\n",
         w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]);

  a = outcome(inotify_init()), b = outcome(inotify_init1(IN_CLOEXEC));
  c = outcome(inotify_add_watch(3, "/", IN_ALL_EVENTS));
  const char *d = outcome(inotify_rm_watch(3, 1)), *e = outcome(syscall(39));
  printf("inotify: init %s init1 %s add %s rm %s; syscall(39) %s\n", a, b, c, d, e);

  int master = -1, slave = -1;
  printf("openpty: %s\n", outcome(openpty(&master, &slave, NULL, NULL, NULL)));
}

static void heap_and_accounts(void) {
  struct mallinfo2 before = mallinfo2();
  void *block = malloc(64 << 10);
  struct mallinfo2 after = mallinfo2();
  struct mallinfo narrow = mallinfo();
  printf("mallinfo2: arena = uordblks + fordblks %d, 64 KiB more in use %d, free chunks %d, hblks "
         "%zu; mallinfo the same %d; trim %d\n",
         after.arena == after.uordblks + after.fordblks,
         after.uordblks - before.uordblks >= (64 << 10), after.ordblks >= 1, after.hblks,
         narrow.uordblks == (int)after.uordblks && narrow.arena == (int)after.arena,
         malloc_trim(0));
  malloc_stats();
  free(block);

  errno = 0;
  struct spwd *entry = getspnam("root");
  int entry_error = errno;
  struct spwd buffer_entry, *result = &buffer_entry;
  char buffer[256];
  int r = getspnam_r("root", &buffer_entry, buffer, sizeof buffer, &result);
  printf("shadow: getspnam %s %s; _r %s %s\n", entry ? "found" : "null", error_name(entry_error),
         error_name(r), result ? "set" : "null");

  char *host, *user, *domain;
  int in = innetgr("admins", "vm0", "root", NULL), set = setnetgrent("admins");
  int next = getnetgrent(&host, &user, &domain);
  endnetgrent();
  struct utmp record;
  memset(&record, 0, sizeof record);
  login(&record);
  logwtmp("pts/0", "root", "client");
  printf("netgroups: innetgr %d setnetgrent %d getnetgrent %d; logout %d\n", in, set, next,
         logout("pts/0"));

  double load[4] = {-1, -1, -1, -1};
  int n = getloadavg(load, 4);
  printf("loadavg: %d %.2f %.2f %.2f; one %d; negative %d\n", n, load[0], load[1], load[2],
         getloadavg(load, 1), getloadavg(load, -1));

  errno = 0;
  unsigned long page = getauxval(AT_PAGESZ), hwcap = getauxval(AT_HWCAP);
  int hwcap_error = errno;
  unsigned long tick = getauxval(AT_CLKTCK);
  unsigned long random = getauxval(AT_RANDOM);
  printf("auxv: pagesz %lu hwcap %lu errno %d; clktck %lu; random %lu %s\n", page, hwcap,
         hwcap_error, tick, random, error_name(errno));
}

static void capabilities(void) {
  struct __user_cap_header_struct header = {0, 0};
  struct __user_cap_data_struct data[2];
  int probe = capget(&header, NULL);
  printf("capget: version probe %d -> %#x; ", probe, header.version);
  header.version = 0x12345678;
  const char *bad = outcome(capget(&header, data));
  header.version = _LINUX_CAPABILITY_VERSION_3;
  int got = capget(&header, data);
  header.pid = 4242;
  const char *other = outcome(capget(&header, data));
  printf("bad version %s; v3 %d eff %#x/%#x inh %#x; other pid %s\n", bad, got, data[0].effective,
         data[1].effective, data[0].inheritable, other);

  header.pid = 0;
  struct __user_cap_data_struct more[2] = {{0xffffffff, 0xffffffff, 0},
                                           {0xffffffff, 0xffffffff, 0}};
  const char *gain = outcome(capset(&header, more));
  struct __user_cap_data_struct fewer[2] = {
      {CAP_TO_MASK(CAP_NET_BIND_SERVICE), CAP_TO_MASK(CAP_NET_BIND_SERVICE), 0}, {0, 0, 0}};
  int drop = capset(&header, fewer);
  capget(&header, data);
  struct __user_cap_data_struct back[2] = {{CAP_TO_MASK(CAP_SETUID), CAP_TO_MASK(CAP_SETUID), 0},
                                           {0, 0, 0}};
  const char *gain_back = outcome(capset(&header, back));
  header.pid = 4242;
  const char *other_set = outcome(capset(&header, fewer));
  printf("capset: gain %s; drop to CAP_NET_BIND_SERVICE %d -> eff %#x perm %#x; gain back %s; "
         "other pid %s\n",
         gain, drop, data[0].effective, data[0].permitted, gain_back, other_set);
}

static void as_nobody_and_the_rest(void) {
  setuid(65534);
  struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2];
  capget(&header, data);
  printf("capget as nobody: eff %#x perm %#x\n", data[0].effective, data[0].permitted);
  struct sched_param param = {10};
  int fifo = pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
  param.sched_priority = 0;
  printf("sched as nobody: fifo 10 %s, other 0 %d\n", error_name(fifo),
         pthread_setschedparam(pthread_self(), SCHED_OTHER, &param));

  int fd = open("/attrs.txt", O_CREAT | O_RDWR, 0600);
  char value[16];
  const char *r[10] = {outcome(getxattr("/attrs.txt", "user.a", value, sizeof value)),
                       outcome(lgetxattr("/attrs.txt", "user.a", value, sizeof value)),
                       outcome(fgetxattr(fd, "user.a", value, sizeof value)),
                       outcome(setxattr("/attrs.txt", "user.a", "v", 1, 0)),
                       outcome(listxattr("/attrs.txt", value, sizeof value)),
                       outcome(removexattr("/attrs.txt", "user.a")),
                       outcome(getxattr("/missing", "user.a", value, sizeof value)),
                       outcome(fsetxattr(77, "user.a", "v", 1, 0)),
                       outcome(flistxattr(77, value, sizeof value))};
  printf("xattr: get %s lget %s fget %s set %s list %s remove %s; missing %s; bad fd %s %s\n", r[0],
         r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]);
  close(fd);

  void *frames[8];
  void *addresses[2] = {(void *)0x1234, NULL};
  char **names = backtrace_symbols(addresses, 2);
  printf("backtrace: %d frames; symbols %s %s\n", backtrace(frames, 8), names[0], names[1]);
  free(names);

  int seen[6] = {0}, in_range = 1;
  for (int i = 0; i < 600; ++i) {
    unsigned v = arc4random_uniform(6);
    in_range &= v < 6;
    if (v < 6)
      seen[v] = 1;
  }
  unsigned char one[32], two[32];
  arc4random_buf(one, sizeof one);
  arc4random_buf(two, sizeof two);
  printf("arc4random: uniform(1) %u, uniform(0) %u, uniform(6) in range %d, all six seen %d, buf "
         "differs %d\n",
         arc4random_uniform(1), arc4random_uniform(0), in_range,
         seen[0] & seen[1] & seen[2] & seen[3] & seen[4] & seen[5], memcmp(one, two, 32) != 0);

  clockid_t clock = -1;
  int got = pthread_getcpuclockid(pthread_self(), &clock);
  struct timespec now;
  printf("getcpuclockid: %d monotonic %d; other thread %s\n", got,
         clock == CLOCK_MONOTONIC && clock_gettime(clock, &now) == 0,
         error_name(pthread_getcpuclockid((pthread_t)2, &clock)));
}

int main(void) {
  if (gpuvm_vm_id() == 0) {
    missing_facilities();
    heap_and_accounts();
    capabilities();
  } else {
    as_nobody_and_the_rest();
  }
  return 0;
}
