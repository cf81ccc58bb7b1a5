// A VM is one process that starts as root: its ids, groups and umask are its
// own (VM 1 drops to uid 1000 and is refused the way back, while VM 0 stays
// root), it can signal only itself, and fork, exec and wait fail as
// documented, the console naming each refused call once.
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 2 --root %t.root{vm} > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck %s --check-prefix=NOTES < %t.err
// CHECK-DAG: [vm 0] start uid=0 euid=0 gid=0 egid=0 groups=0 ppid=1 sid=1 pgid=1 pgrp=1
// CHECK-DAG: [vm 1] start uid=0 euid=0 gid=0 egid=0 groups=0 ppid=1 sid=2 pgid=2 pgrp=2
// CHECK-DAG: [vm 0] stays root: uid=0 euid=0
// CHECK-DAG: [vm 1] groups 2: 20 30
// CHECK-DAG: [vm 1] dropped: uid=1000 euid=1000 saved=1000 gid=100 egid=100
// CHECK-DAG: [vm 1] back to root: -1 EPERM, setgroups: -1 EPERM, setgid(0): -1 EPERM
// CHECK-DAG: [vm 1] own id again: 0
// CHECK-DAG: [vm {{[01]}}] kill self 0: 0, kill other: -1 ESRCH, kill self SIGUSR1: 0 caught 1
// CHECK-DAG: [vm {{[01]}}] fork: -1 ENOSYS, execv: -1 ENOSYS, fork again: -1 ENOSYS, waitpid: -1 ECHILD, wait: -1 ECHILD
// CHECK-DAG: [vm {{[01]}}] umask 022 -> 077, file mode 600, directory mode 700
// CHECK-NOT: FAIL
// Each refused call is named once per VM, not once per call.
// NOTES-COUNT-2: gpuvm: fork: a VM is one process, it cannot fork or exec (ENOSYS)
// NOTES-NOT: gpuvm: fork:
#include <errno.h>
#include <fcntl.h>
#include <gpuvm.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *error_name(int error) {
  return error == EPERM    ? "EPERM"
         : error == ESRCH  ? "ESRCH"
         : error == ENOSYS ? "ENOSYS"
         : error == ECHILD ? "ECHILD"
                           : strerror(error);
}

static volatile int caught;
static void on_usr1(int sig) {
  caught += sig == SIGUSR1;
}

int main(void) {
  unsigned vm = gpuvm_vm_id();
  printf("start uid=%u euid=%u gid=%u egid=%u groups=%d ppid=%d sid=%d pgid=%d pgrp=%d\n", getuid(),
         geteuid(), getgid(), getegid(), getgroups(0, NULL), getppid(), getsid(0), getpgid(0),
         getpgrp());
  if (vm == 1) {
    gid_t groups[] = {20, 30}, got[4];
    if (setgroups(2, groups))
      printf("FAIL setgroups\n");
    int n = getgroups(4, got);
    printf("groups %d: %u %u\n", n, got[0], got[1]);
    if (setgid(100) || setuid(1000))
      printf("FAIL dropping privileges (errno %d)\n", errno);
    uid_t real, effective, saved;
    getresuid(&real, &effective, &saved);
    printf("dropped: uid=%u euid=%u saved=%u gid=%u egid=%u\n", real, effective, saved, getgid(),
           getegid());
    int back = setuid(0), back_error = errno;
    int regroup = setgroups(0, NULL), regroup_error = errno;
    int regid = setgid(0), regid_error = errno;
    printf("back to root: %d %s, setgroups: %d %s, setgid(0): %d %s\n", back,
           error_name(back_error), regroup, error_name(regroup_error), regid,
           error_name(regid_error));
    printf("own id again: %d\n", setuid(1000));
  } else {
    printf("stays root: uid=%u euid=%u\n", getuid(), geteuid());
  }

  signal(SIGUSR1, on_usr1);
  int self0 = kill(getpid(), 0);
  int other = kill(getpid() + 7, SIGUSR1), other_error = errno;
  int self = kill(getpid(), SIGUSR1);
  printf("kill self 0: %d, kill other: %d %s, kill self SIGUSR1: %d caught %d\n", self0, other,
         error_name(other_error), self, caught);

  int forked = fork(), fork_error = errno;
  char *args[] = {"x", NULL};
  int execed = execv("/bin/true", args), exec_error = errno;
  int again = fork(), again_error = errno;
  int status;
  int waited = waitpid(-1, &status, 0), wait_error = errno;
  int waited_any = wait(&status), wait_any_error = errno;
  printf("fork: %d %s, execv: %d %s, fork again: %d %s, waitpid: %d %s, wait: %d %s\n", forked,
         error_name(fork_error), execed, error_name(exec_error), again, error_name(again_error),
         waited, error_name(wait_error), waited_any, error_name(wait_any_error));

  mode_t old = umask(077);
  int fd = open("/made.txt", O_CREAT | O_WRONLY | O_TRUNC, 0666);
  mkdir("/made.d", 0777);
  struct stat file, dir;
  if (fd < 0 || stat("/made.txt", &file) || stat("/made.d", &dir))
    printf("FAIL creating files (errno %d)\n", errno);
  printf("umask %03o -> %03o, file mode %03o, directory mode %03o\n", old, umask(077),
         file.st_mode & 0777, dir.st_mode & 0777);
  return 0;
}
