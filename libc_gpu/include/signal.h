/* Signals, with Linux's numbers and structures. Nothing outside a VM sends it
 * signals: they come from raise() (and abort()) and from the VM's own timers
 * (alarm, setitimer, timer_create), and go to the handler the VM recorded,
 * or to the default action, which ends only this VM. A timer's signal is
 * delivered when the VM next enters its kernel (any libc call that reaches
 * it), and a call parked at that moment returns EINTR unless the handler
 * has SA_RESTART and Linux restarts the call (read, write, accept, connect,
 * recv, send); a loop that never calls into the kernel is not interrupted. */
#ifndef __LIBC_GPU_SIGNAL_H
#define __LIBC_GPU_SIGNAL_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/pthread_types.h>
#include <__libc_gpu/sigset_t.h>
#include <__libc_gpu/types.h>

typedef int sig_atomic_t;
typedef void (*sighandler_t)(int);
typedef sighandler_t __sighandler_t;

#define SIG_ERR ((sighandler_t)-1)
#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31
/* glibc keeps 32 and 33 for itself. */
#define SIGRTMIN 34
#define SIGRTMAX 64
#define NSIG 65
#define _NSIG NSIG

#define SA_NOCLDSTOP 1
#define SA_NOCLDWAIT 2
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000
#define SA_NOMASK SA_NODEFER
#define SA_ONESHOT SA_RESETHAND

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* si_code: sent by raise (tgkill on Linux), a POSIX timer, or setitimer. */
#define SI_USER 0
#define SI_QUEUE (-1)
#define SI_TIMER (-2)
#define SI_TKILL (-6)
#define SI_KERNEL 0x80

union sigval {
  int sival_int;
  void *sival_ptr;
};

/* Linux's 128 bytes; raise fills si_signo, si_code, si_pid and si_uid, a
 * POSIX timer si_timerid, si_overrun and si_value. */
typedef struct {
  int si_signo;
  int si_errno;
  int si_code;
  int __pad0;
  union {
    int __pad[28];
    struct {
      pid_t si_pid;
      uid_t si_uid;
      union sigval si_value;
    } __kill;
    struct {
      int si_timerid;
      int si_overrun;
    } __timer;
  } __fields;
} siginfo_t;
#define si_pid __fields.__kill.si_pid
#define si_uid __fields.__kill.si_uid
#define si_value __fields.__kill.si_value
#define si_timerid __fields.__timer.si_timerid
#define si_overrun __fields.__timer.si_overrun

/* What a timer's expiry does (timer_create): Linux's 64-byte layout. */
#define SIGEV_SIGNAL 0
#define SIGEV_NONE 1
#define SIGEV_THREAD 2
#define SIGEV_THREAD_ID 4
typedef struct sigevent {
  union sigval sigev_value;
  int sigev_signo;
  int sigev_notify;
  union {
    int __pad[12];
    pid_t __tid;
    struct {
      void (*__notify_function)(union sigval);
      pthread_attr_t *__notify_attributes;
    } __notify;
  } __fields;
} sigevent_t;
#define sigev_notify_function __fields.__notify.__notify_function
#define sigev_notify_attributes __fields.__notify.__notify_attributes
#define sigev_notify_thread_id __fields.__tid

struct sigaction {
  union {
    sighandler_t sa_handler;
    void (*sa_sigaction)(int, siginfo_t *, void *);
  } __sigaction_handler;
  sigset_t sa_mask;
  int sa_flags;
  void (*sa_restorer)(void);
};
#define sa_handler __sigaction_handler.sa_handler
#define sa_sigaction __sigaction_handler.sa_sigaction

__LIBC_BEGIN_DECLS

/* BSD semantics, as glibc's: the handler stays installed (SA_RESTART). */
sighandler_t signal(int sig, sighandler_t handler) __LIBC_NOEXCEPT;
/* The handler runs with sa_mask and the signal itself blocked (unless
 * SA_NODEFER); an SA_SIGINFO handler gets a NULL context. */
int sigaction(int sig, const struct sigaction *__LIBC_RESTRICT action,
              struct sigaction *__LIBC_RESTRICT old) __LIBC_NOEXCEPT;
/* Delivers at once, or later when unblocked if the mask blocks it. */
int raise(int sig) __LIBC_NOEXCEPT;
/* A VM signals itself only (its pid, its group, 0 or -1); any other pid is
 * ESRCH. */
int kill(pid_t pid, int sig) __LIBC_NOEXCEPT;
int killpg(pid_t group, int sig) __LIBC_NOEXCEPT;
/* Records the mask; unblocking a pending signal delivers it before return. */
int sigprocmask(int how, const sigset_t *__LIBC_RESTRICT set,
                sigset_t *__LIBC_RESTRICT old) __LIBC_NOEXCEPT;
int pthread_sigmask(int how, const sigset_t *__LIBC_RESTRICT set,
                    sigset_t *__LIBC_RESTRICT old) __LIBC_NOEXCEPT;
int sigpending(sigset_t *set) __LIBC_NOEXCEPT;
/* Waits with `mask` in force until a signal runs a handler (then -1 with
 * EINTR) or ends the VM. Only the VM's timers can send one while it waits. */
int sigsuspend(const sigset_t *mask) __LIBC_NOEXCEPT;
/* Takes a pending signal of `set` (which should be blocked) without running
 * its handler, waiting for a timer to send one if none is pending. */
int sigwait(const sigset_t *__LIBC_RESTRICT set, int *__LIBC_RESTRICT sig) __LIBC_NOEXCEPT;

int sigemptyset(sigset_t *set) __LIBC_NOEXCEPT;
int sigfillset(sigset_t *set) __LIBC_NOEXCEPT;
int sigaddset(sigset_t *set, int sig) __LIBC_NOEXCEPT;
int sigdelset(sigset_t *set, int sig) __LIBC_NOEXCEPT;
int sigismember(const sigset_t *set, int sig) __LIBC_NOEXCEPT;

/* The VM's own thread (pthread_self) gets the signal as raise gives it;
 * signal 0 only checks; another thread id is ESRCH; glibc's internal
 * signals (32, 33) and numbers past 64 are EINVAL. */
int pthread_kill(pthread_t thread, int sig) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
