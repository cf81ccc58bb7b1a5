/* The VM's descriptors, kept by its kernel: every fd names an open file
 * object (the console, a host file, a socket, an epoll set, an eventfd, a
 * timerfd, an end of a pipe, a file of the shared data set). Objects are
 * reference-counted (dup shares one) and carry their kind's operations. */
#ifndef LIGHTKERNEL_FD_FD_H
#define LIGHTKERNEL_FD_FD_H

#include <stddef.h>
#include <stdint.h>

/* Linux's open flags that F_GETFL reports and F_SETFL may change. */
#define LK_O_ACCMODE 03
#define LK_O_RDWR 02
#define LK_O_APPEND 02000
#define LK_O_NONBLOCK 04000
#define LK_O_DIRECTORY 0200000
#define LK_O_CLOEXEC 02000000

enum lk_file_kind {
  LK_FILE_CONSOLE = 1,
  LK_FILE_HOST,
  LK_FILE_SOCKET,
  LK_FILE_EPOLL,
  LK_FILE_EVENTFD,
  LK_FILE_TIMERFD,
  LK_FILE_PIPE,
  LK_FILE_DATA_SET,
};

struct lk_file;

struct lk_file_ops {
  enum lk_file_kind kind;
  /* NULL where the kind has no such operation (EINVAL, or as noted). */
  long (*read)(struct lk_file *file, void *buf, size_t len);
  long (*write)(struct lk_file *file, const void *buf, size_t len);
  /* NET_POLL* bits ready now; NULL: always readable and writable. */
  unsigned (*poll)(struct lk_file *file);
  /* The last reference went away. */
  void (*release)(struct lk_file *file);
};

struct lk_file {
  const struct lk_file_ops *ops;
  int references;
  int status;  /* LK_O_* kept for F_GETFL */
  int host_fd; /* LK_FILE_HOST and LK_FILE_CONSOLE: the host's number */
  /* Bumped each time a call on this file answered EAGAIN: the program has
   * drained it, so edge-triggered epoll entries may report it again. */
  uint32_t drained;
};

/* Returns result, noting an EAGAIN (see lk_file.drained). */
static inline long lk_file_result(struct lk_file *file, long result) {
  if (result == -11 /* EAGAIN */)
    ++file->drained;
  return result;
}

/* Installs a new reference to `file` at the lowest free fd; -EMFILE, -ENOMEM. */
int lk_fd_install(struct lk_file *file, int close_on_exec);
/* The object behind fd (no new reference), or NULL. */
struct lk_file *lk_fd_get(int fd);
/* A new object of `size` bytes (its struct lk_file first), one reference. */
struct lk_file *lk_file_new(size_t size, const struct lk_file_ops *ops, int status);
void lk_file_put(struct lk_file *file);
/* The VM is leaving: closes every descriptor but the console's. */
void lk_fd_close_all(void);
/* A pipe's F_GETPIPE_SZ/F_SETPIPE_SZ and its FIONREAD. */
long lk_pipe_size(struct lk_file *file, int command, long argument);
long lk_pipe_unread(struct lk_file *file);
/* An open file going away gives up its flock. */
void lk_flock_release(struct lk_file *file);
/* Every object released must leave epoll sets that watched it. */
void lk_epoll_forget(struct lk_file *file);

/* Whether a call on this file may park the VM. */
static inline int lk_file_blocking(const struct lk_file *file, int flags_dontwait) {
  return !(file->status & LK_O_NONBLOCK) && !flags_dontwait;
}

#endif
