/* System V message queues, with Linux's layout (x86-64). A VM is one
 * process and keeps no System V IPC: every call fails with ENOSYS, as on a
 * Linux built without CONFIG_SYSVIPC, and the VM's console says so once per
 * call. */
#ifndef __LIBC_GPU_SYS_MSG_H
#define __LIBC_GPU_SYS_MSG_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>
#include <sys/ipc.h>

#define __need_size_t
#include <stddef.h>

#define MSG_NOERROR 010000
#define MSG_EXCEPT 020000
#define MSG_COPY 040000
#define MSG_STAT 11
#define MSG_INFO 12
#define MSG_STAT_ANY 13

typedef unsigned long msgqnum_t;
typedef unsigned long msglen_t;

struct msqid_ds {
  struct ipc_perm msg_perm;
  time_t msg_stime;
  time_t msg_rtime;
  time_t msg_ctime;
  unsigned long __msg_cbytes;
  msgqnum_t msg_qnum;
  msglen_t msg_qbytes;
  pid_t msg_lspid;
  pid_t msg_lrpid;
  unsigned long __glibc_reserved4;
  unsigned long __glibc_reserved5;
};
#define msg_cbytes __msg_cbytes

struct msgbuf {
  long mtype;
  char mtext[1];
};

struct msginfo {
  int msgpool;
  int msgmap;
  int msgmax;
  int msgmnb;
  int msgmni;
  int msgssz;
  int msgtql;
  unsigned short msgseg;
};

__LIBC_BEGIN_DECLS

int msgget(key_t key, int flags) __LIBC_NOEXCEPT;
int msgsnd(int queue, const void *message, size_t size, int flags);
ssize_t msgrcv(int queue, void *message, size_t size, long type, int flags);
int msgctl(int queue, int command, struct msqid_ds *status) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
