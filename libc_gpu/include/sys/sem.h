/* System V semaphores, with Linux's layout (x86-64). A VM is one process
 * and keeps no System V IPC: every call fails with ENOSYS, and the VM's
 * console says so once per call. POSIX semaphores (semaphore.h) work. */
#ifndef __LIBC_GPU_SYS_SEM_H
#define __LIBC_GPU_SYS_SEM_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/timespec.h>
#include <__libc_gpu/types.h>
#include <sys/ipc.h>

#define __need_size_t
#include <stddef.h>

#define SEM_UNDO 0x1000
#define GETPID 11
#define GETVAL 12
#define GETALL 13
#define GETNCNT 14
#define GETZCNT 15
#define SETVAL 16
#define SETALL 17
#define SEM_STAT 18
#define SEM_INFO 19
#define SEM_STAT_ANY 20
/* The program defines union semun itself, as with glibc. */
#define _SEM_SEMUN_UNDEFINED 1

struct semid_ds {
  struct ipc_perm sem_perm;
  time_t sem_otime;
  unsigned long __glibc_reserved1;
  time_t sem_ctime;
  unsigned long __glibc_reserved2;
  unsigned long sem_nsems;
  unsigned long __glibc_reserved3;
  unsigned long __glibc_reserved4;
};

struct sembuf {
  unsigned short sem_num;
  short sem_op;
  short sem_flg;
};

struct seminfo {
  int semmap;
  int semmni;
  int semmns;
  int semmnu;
  int semmsl;
  int semopm;
  int semume;
  int semusz;
  int semvmx;
  int semaem;
};

__LIBC_BEGIN_DECLS

int semget(key_t key, int count, int flags) __LIBC_NOEXCEPT;
int semop(int set, struct sembuf *operations, size_t count) __LIBC_NOEXCEPT;
int semtimedop(int set, struct sembuf *operations, size_t count,
               const struct timespec *timeout) __LIBC_NOEXCEPT;
int semctl(int set, int number, int command, ...) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
