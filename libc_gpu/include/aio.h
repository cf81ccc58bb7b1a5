/* POSIX asynchronous I/O, with Linux's struct aiocb (x86-64). A VM has one
 * thread and no queue to run requests on: aio_read, aio_write, aio_fsync,
 * lio_listio and aio_suspend fail with ENOSYS (the VM's console says so
 * once), so a request never exists and aio_error and aio_return answer
 * EINVAL.
 * aio_cancel answers as glibc does when nothing is queued: AIO_ALLDONE
 * (EBADF for a bad fd). */
#ifndef __LIBC_GPU_AIO_H
#define __LIBC_GPU_AIO_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/timespec.h>
#include <__libc_gpu/types.h>
#include <signal.h>

#define __need_size_t
#include <stddef.h>

struct aiocb {
  int aio_fildes;
  int aio_lio_opcode;
  int aio_reqprio;
  volatile void *aio_buf;
  size_t aio_nbytes;
  struct sigevent aio_sigevent;
  struct aiocb *__next_prio;
  int __abs_prio;
  int __policy;
  int __error_code;
  ssize_t __return_value;
  off_t aio_offset;
  char __glibc_reserved[32];
};

#define AIO_CANCELED 0
#define AIO_NOTCANCELED 1
#define AIO_ALLDONE 2
#define LIO_READ 0
#define LIO_WRITE 1
#define LIO_NOP 2
#define LIO_WAIT 0
#define LIO_NOWAIT 1

__LIBC_BEGIN_DECLS

int aio_read(struct aiocb *request) __LIBC_NOEXCEPT;
int aio_write(struct aiocb *request) __LIBC_NOEXCEPT;
int aio_fsync(int operation, struct aiocb *request) __LIBC_NOEXCEPT;
int lio_listio(int mode, struct aiocb *const list[], int count,
               struct sigevent *__LIBC_RESTRICT event) __LIBC_NOEXCEPT;
int aio_error(const struct aiocb *request) __LIBC_NOEXCEPT;
ssize_t aio_return(struct aiocb *request) __LIBC_NOEXCEPT;
int aio_suspend(const struct aiocb *const list[], int count, const struct timespec *timeout);
int aio_cancel(int fd, struct aiocb *request) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
