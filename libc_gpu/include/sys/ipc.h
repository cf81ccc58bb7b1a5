/* System V IPC, with Linux's constants and struct ipc_perm (x86-64). A VM
 * is one process with no System V IPC: msgget, shmget and semget fail with
 * ENOSYS (see sys/msg.h). ftok works, from the file's inode and device. */
#ifndef __LIBC_GPU_SYS_IPC_H
#define __LIBC_GPU_SYS_IPC_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>

#define IPC_CREAT 01000
#define IPC_EXCL 02000
#define IPC_NOWAIT 04000
#define IPC_RMID 0
#define IPC_SET 1
#define IPC_STAT 2
#define IPC_INFO 3
#define IPC_PRIVATE ((key_t)0)

struct ipc_perm {
  key_t __key;
  uid_t uid;
  gid_t gid;
  uid_t cuid;
  gid_t cgid;
  mode_t mode;
  unsigned short __seq;
  unsigned short __pad2;
  unsigned long __glibc_reserved1;
  unsigned long __glibc_reserved2;
};

__LIBC_BEGIN_DECLS

key_t ftok(const char *path, int project) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
