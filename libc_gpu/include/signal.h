/* Signals, with Linux's numbers and structures. Nothing outside a VM sends it
 * signals: they come from raise() (and abort()), and go to the handler the
 * VM recorded, or to the default action, which ends only this VM. */
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

/* si_code of a signal sent by raise (tgkill on Linux). */
#define SI_USER 0
#define SI_TKILL (-6)

union sigval {
  int sival_int;
  void *sival_ptr;
};

/* Linux's 128 bytes; raise fills si_signo, si_code, si_pid and si_uid. */
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
  } __fields;
} siginfo_t;
#define si_pid __fields.__kill.si_pid
#define si_uid __fields.__kill.si_uid
#define si_value __fields.__kill.si_value

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
/* Records the mask; unblocking a pending signal delivers it before return. */
int sigprocmask(int how, const sigset_t *__LIBC_RESTRICT set,
                sigset_t *__LIBC_RESTRICT old) __LIBC_NOEXCEPT;
int pthread_sigmask(int how, const sigset_t *__LIBC_RESTRICT set,
                    sigset_t *__LIBC_RESTRICT old) __LIBC_NOEXCEPT;
int sigpending(sigset_t *set) __LIBC_NOEXCEPT;

int sigemptyset(sigset_t *set) __LIBC_NOEXCEPT;
int sigfillset(sigset_t *set) __LIBC_NOEXCEPT;
int sigaddset(sigset_t *set, int sig) __LIBC_NOEXCEPT;
int sigdelset(sigset_t *set, int sig) __LIBC_NOEXCEPT;
int sigismember(const sigset_t *set, int sig) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
