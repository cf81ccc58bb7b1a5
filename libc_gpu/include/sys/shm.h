/* System V shared memory, with Linux's layout (x86-64). A VM is one
 * process and keeps no System V IPC: every call fails with ENOSYS (shmat
 * returns (void *)-1), and the VM's console says so once per call. */
#ifndef __LIBC_GPU_SYS_SHM_H
#define __LIBC_GPU_SYS_SHM_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>
#include <sys/ipc.h>

#define __need_size_t
#include <stddef.h>

#define SHM_R 0400
#define SHM_W 0200
#define SHM_RDONLY 010000
#define SHM_RND 020000
#define SHM_REMAP 040000
#define SHM_EXEC 0100000
#define SHM_LOCK 11
#define SHM_UNLOCK 12
#define SHM_STAT 13
#define SHM_INFO 14
#define SHM_STAT_ANY 15
#define SHM_DEST 01000
#define SHM_LOCKED 02000
#define SHM_HUGETLB 04000
#define SHM_NORESERVE 010000
/* The page size, as everywhere in a VM. */
#define SHMLBA 4096

typedef unsigned long shmatt_t;

struct shmid_ds {
  struct ipc_perm shm_perm;
  size_t shm_segsz;
  time_t shm_atime;
  time_t shm_dtime;
  time_t shm_ctime;
  pid_t shm_cpid;
  pid_t shm_lpid;
  shmatt_t shm_nattch;
  unsigned long __glibc_reserved5;
  unsigned long __glibc_reserved6;
};

struct shminfo {
  unsigned long shmmax;
  unsigned long shmmin;
  unsigned long shmmni;
  unsigned long shmseg;
  unsigned long shmall;
  unsigned long __glibc_reserved1;
  unsigned long __glibc_reserved2;
  unsigned long __glibc_reserved3;
  unsigned long __glibc_reserved4;
};

struct shm_info {
  int used_ids;
  unsigned long shm_tot;
  unsigned long shm_rss;
  unsigned long shm_swp;
  unsigned long swap_attempts;
  unsigned long swap_successes;
};

__LIBC_BEGIN_DECLS

int shmget(key_t key, size_t size, int flags) __LIBC_NOEXCEPT;
void *shmat(int segment, const void *address, int flags) __LIBC_NOEXCEPT;
int shmdt(const void *address) __LIBC_NOEXCEPT;
int shmctl(int segment, int command, struct shmid_ds *status) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
