// signal.h in 50 VMs: signal sets, signal() and sigaction() recording handlers
// per VM (and returning the old ones), raise() running them with the signal
// blocked, SA_RESETHAND, SA_SIGINFO, SIG_IGN, default actions that ignore,
// a blocked signal left pending until sigprocmask unblocks it, and abort()
// running a SIGABRT handler first. Then each VM ends by a signal's default
// action, reported as aborted with status 128 + signal: 10 by SIGTERM, 10 by
// SIGSEGV, 10 by SIGUSR1, 10 by abort() after its handler, 10 by SIGKILL.
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: not %gpuvm run %t.img --vms 50 --console raw 2>%t.err | sort | uniq -c | FileCheck %s --implicit-check-not=FAIL
// CHECK: 10 abort handler ran
// CHECK-NEXT: 50 ok
// RUN: FileCheck %s --check-prefix=SUMMARY < %t.err
// SUMMARY-DAG: 10 aborted (status 143)
// SUMMARY-DAG: 10 aborted (status 139)
// SUMMARY-DAG: 10 aborted (status 138)
// SUMMARY-DAG: 10 aborted (status 134)
// SUMMARY-DAG: 10 aborted (status 137)
#include <errno.h>
#include <gpuvm.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "Inputs/expect.h"

static volatile sig_atomic_t usr1_count, usr2_count, last_code;
static int usr1_was_blocked, nested_delivered_inside;

static int blocked(int sig) {
  sigset_t now;
  sigprocmask(SIG_BLOCK, NULL, &now);
  return sigismember(&now, sig);
}

static void on_usr1(int sig) {
  if (++usr1_count != 1)
    return;
  usr1_was_blocked = blocked(sig);
  /* Blocked while its handler runs: this one waits until we return. */
  raise(SIGUSR1);
  nested_delivered_inside = usr1_count > 1;
}

static void on_usr2_info(int sig, siginfo_t *info, void *context) {
  ++usr2_count;
  last_code = info->si_signo == sig && context == NULL ? info->si_code : 999;
}

static void on_abort(int sig) {
  (void)sig;
  printf("abort handler ran\n");
  fflush(stdout);
}

static void sets(void) {
  sigset_t set;
  EXPECT(sigemptyset(&set) == 0 && sigismember(&set, SIGINT) == 0);
  EXPECT(sigaddset(&set, SIGINT) == 0 && sigismember(&set, SIGINT) == 1);
  EXPECT(sigaddset(&set, SIGRTMAX) == 0 && sigismember(&set, SIGRTMAX) == 1);
  EXPECT(sigdelset(&set, SIGINT) == 0 && sigismember(&set, SIGINT) == 0);
  EXPECT(sigfillset(&set) == 0 && sigismember(&set, SIGKILL) == 1 && sigismember(&set, 1) == 1);
  errno = 0;
  EXPECT(sigaddset(&set, 0) == -1 && errno == EINVAL);
  EXPECT(sigismember(&set, NSIG) == -1);
}

static void handlers(void) {
  /* signal() returns the previous disposition. */
  EXPECT(signal(SIGUSR1, on_usr1) == SIG_DFL);
  EXPECT(signal(SIGUSR1, on_usr1) == on_usr1);
  EXPECT(signal(SIGKILL, SIG_IGN) == SIG_ERR && errno == EINVAL);
  EXPECT(raise(SIGUSR1) == 0);
  EXPECT(usr1_count == 2 && usr1_was_blocked && !nested_delivered_inside);
  EXPECT(!blocked(SIGUSR1));

  struct sigaction action, old;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_usr2_info;
  action.sa_flags = SA_SIGINFO | SA_RESETHAND;
  sigemptyset(&action.sa_mask);
  sigaddset(&action.sa_mask, SIGHUP);
  EXPECT(sigaction(SIGUSR2, &action, &old) == 0 && old.sa_handler == SIG_DFL);
  EXPECT(sigaction(SIGUSR2, NULL, &old) == 0 && old.sa_sigaction == on_usr2_info &&
         (old.sa_flags & SA_SIGINFO) && sigismember(&old.sa_mask, SIGHUP));
  EXPECT(raise(SIGUSR2) == 0 && usr2_count == 1 && last_code == SI_TKILL);
  /* SA_RESETHAND: back to the default. */
  EXPECT(sigaction(SIGUSR2, NULL, &old) == 0 && old.sa_handler == SIG_DFL);

  EXPECT(signal(SIGINT, SIG_IGN) == SIG_DFL);
  EXPECT(raise(SIGINT) == 0);
  EXPECT(raise(SIGCHLD) == 0 && raise(SIGWINCH) == 0 && raise(SIGURG) == 0); /* ignored */
  EXPECT(raise(0) == -1 && errno == EINVAL);
  EXPECT(sigaction(SIGSTOP, &action, NULL) == -1 && errno == EINVAL);
}

static void masks(void) {
  sigset_t set, old, pending;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGKILL); /* silently not blocked */
  EXPECT(sigprocmask(SIG_BLOCK, &set, &old) == 0 && !sigismember(&old, SIGUSR1));
  EXPECT(blocked(SIGUSR1) && !blocked(SIGKILL));
  usr1_count = 5;
  EXPECT(raise(SIGUSR1) == 0 && usr1_count == 5);
  EXPECT(sigpending(&pending) == 0 && sigismember(&pending, SIGUSR1));
  /* Unblocking delivers it before sigprocmask returns. */
  EXPECT(sigprocmask(SIG_UNBLOCK, &set, NULL) == 0 && usr1_count == 6);
  EXPECT(sigpending(&pending) == 0 && !sigismember(&pending, SIGUSR1));
  EXPECT(sigprocmask(42, &set, NULL) == -1 && errno == EINVAL);
  EXPECT(pthread_sigmask(SIG_SETMASK, &old, NULL) == 0);
}

int main(void) {
  sets();
  handlers();
  masks();
  printf(failures ? "failed\n" : "ok\n");
  fflush(stdout);
  switch (gpuvm_vm_id() % 5) {
  case 0:
    raise(SIGTERM);
    break;
  case 1:
    raise(SIGSEGV);
    break;
  case 2:
    signal(SIGUSR1, SIG_DFL);
    raise(SIGUSR1);
    break;
  case 3:
    signal(SIGABRT, on_abort);
    abort();
  default:
    raise(SIGKILL);
  }
  printf("FAIL still running\n");
  return 1;
}
