/* The descriptor table and the calls that work on every kind of fd. */
#include "fd.h"

#include "data_set.h"

#include <gpuvm/mailbox.h>
#include <lightkernel/arch.h>
#include <lightkernel/confine.h>
#include <lightkernel/syscall.h>

#include "../mem/memory.h"
#include "../net/net.h"
#include "../rpc/control.h"
#include "../rpc/host.h"

#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC 1
/* O_RDONLY with what changes nothing for a read-only regular file and the
 * host accepts too: O_NONBLOCK, O_NOFOLLOW (the set's names are no
 * symlinks), O_CLOEXEC. */
#define LK_O_PLAIN_READ (04000 | 0400000 | 02000000)
#define FIONREAD 0x541B
#define FIONBIO 0x5421
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
#define S_IFCHR 0020000
#define S_IFIFO 0010000
/* As many as a server holding tens of thousands of connections needs. */
#define MAX_FDS 65536

struct slot {
  struct lk_file *file;
  int close_on_exec;
};

static struct slot *table;
static int table_size;
static int fd_limit; /* the VM's own RLIMIT_NOFILE (setrlimit); 0: the hard limit */

/* The runtime's --max-files, or the table's size. */
static int hard_fd_limit(void) {
  const uint32_t max = __gpuvm_launch.limits.max_files;
  return max && max < MAX_FDS ? (int)max : MAX_FDS;
}
static int fd_limit_in_force(void) {
  return fd_limit ? fd_limit : hard_fd_limit();
}

/* --console-rate: the console is paced like a slow terminal, a second's
 * worth at once; the writer waits, so nothing is lost. */
static int64_t console_paced_until;
static void console_pace(size_t len) {
  const uint64_t rate = __gpuvm_launch.limits.console_bytes_per_s;
  if (!rate)
    return;
  const int64_t second = 1000000000;
  const int64_t now = net_now();
  if (console_paced_until < now - second)
    console_paced_until = now - second;
  const uint64_t whole_seconds = len / rate;
  console_paced_until +=
      whole_seconds > (uint64_t)second
          ? second * second
          : (int64_t)whole_seconds * second + (int64_t)((len % rate) * (uint64_t)second / rate);
  if (console_paced_until <= now)
    return;
  lk_limit_counters()->console_wait_ns += (uint64_t)(console_paced_until - now);
  while (net_now() < console_paced_until)
    lk_sleep_until(console_paced_until); /* a signal does not cut the wait short */
}

static long console_read(struct lk_file *file, void *buf, size_t len) {
  (void)file, (void)buf, (void)len;
  return 0; /* a VM's stdin is empty */
}
static long console_write(struct lk_file *file, const void *buf, size_t len) {
  if (!file->host_fd)
    return -NET_EBADF;
  console_pace(len);
  return host_write(file->host_fd, buf, len, -1);
}
static const struct lk_file_ops console_ops = {LK_FILE_CONSOLE, console_read, console_write, 0, 0};

static long host_file_read(struct lk_file *file, void *buf, size_t len) {
  return host_read(file->host_fd, buf, len, -1);
}
static long host_file_write(struct lk_file *file, const void *buf, size_t len) {
  return host_write(file->host_fd, buf, len, -1);
}
static void host_file_release(struct lk_file *file) {
  host_close(file->host_fd);
}
static const struct lk_file_ops host_file_ops = {LK_FILE_HOST, host_file_read, host_file_write, 0,
                                                 host_file_release};

/* The console's three fds exist from the start, as the table's first use. */
static struct lk_file console_files[3] = {
    {&console_ops, 1, 0, 0, 0}, {&console_ops, 1, 1, 1, 0}, {&console_ops, 1, 1, 2, 0}};

static int grow(int needed) {
  if (needed <= table_size)
    return 0;
  if (needed > MAX_FDS)
    return -NET_EMFILE;
  int size = table_size ? table_size : 16;
  while (size < needed)
    size *= 2;
  struct slot *bigger = (struct slot *)lk_kalloc((size_t)size * sizeof *bigger);
  if (!bigger)
    return -NET_ENOMEM;
  for (int i = 0; i < size; ++i)
    bigger[i] = i < table_size ? table[i] : (struct slot){0, 0};
  if (!table_size)
    for (int i = 0; i < 3; ++i)
      bigger[i].file = &console_files[i];
  lk_kfree(table);
  table = bigger;
  table_size = size;
  return 0;
}

static int install_from(struct lk_file *file, int lowest, int close_on_exec) {
  int status = grow(lowest + 1 > 16 ? lowest + 1 : 16);
  if (status)
    return status;
  int fd = lowest;
  while (fd < table_size && table[fd].file)
    ++fd;
  if (fd >= fd_limit_in_force()) {
    if (fd >= hard_fd_limit() && __gpuvm_launch.limits.max_files)
      ++lk_limit_counters()->files_refused;
    return -NET_EMFILE;
  }
  if (fd == table_size && (status = grow(table_size + 1)))
    return status;
  table[fd].file = file;
  table[fd].close_on_exec = close_on_exec;
  ++file->references;
  return fd;
}

int lk_fd_install(struct lk_file *file, int close_on_exec) {
  return install_from(file, 0, close_on_exec);
}

struct lk_file *lk_fd_get(int fd) {
  /* The table's first use gives it the console's three fds; with the heap
   * full, the console still works. */
  if (!table_size && grow(16))
    return fd >= 0 && fd < 3 ? &console_files[fd] : 0;
  if (fd < 0 || fd >= table_size)
    return 0;
  return table[fd].file;
}

struct lk_file *lk_file_new(size_t size, const struct lk_file_ops *ops, int status) {
  struct lk_file *file = (struct lk_file *)lk_kalloc(size);
  if (!file)
    return 0;
  net_zero(file, size);
  file->ops = ops;
  file->references = 0;
  file->status = status;
  return file;
}

void lk_file_put(struct lk_file *file) {
  if (--file->references > 0 || file->ops->kind == LK_FILE_CONSOLE)
    return;
  lk_epoll_forget(file);
  lk_flock_release(file);
  if (file->ops->release)
    file->ops->release(file);
  lk_kfree(file);
}

long lk_open(const char *path, int flags, int mode) {
  if (!lk_may_read_string(path, GPUVM_MAILBOX_PAYLOAD))
    return -NET_EFAULT;
  int status = flags & (LK_O_ACCMODE | LK_O_APPEND | LK_O_NONBLOCK | LK_O_DIRECTORY);
  int in_data_set = 0;
  /* A plain read-only open of a data-set file or directory needs no round
   * trip while the VM's own root cannot shadow the set; anything else is
   * the host's. */
  long opened = (flags & ~(LK_O_PLAIN_READ | LK_O_DIRECTORY)) == 0 && host_data_set_in_place()
                    ? lk_data_set_find(path)
                    : -1;
  if (opened >= 0) {
    if ((flags & LK_O_DIRECTORY) && !lk_data_set_is_directory(opened))
      return -20; /* ENOTDIR */
    in_data_set = 1;
  } else {
    opened = host_open(path, flags, mode, &in_data_set);
  }
  if (opened < 0)
    return opened;
  struct lk_file *file = 0;
  if (in_data_set) {
    file = lk_data_set_open(opened, status);
  } else {
    file = lk_file_new(sizeof *file, &host_file_ops, status);
    if (!file)
      host_close((int)opened);
    else
      file->host_fd = (int)opened;
  }
  if (!file)
    return -NET_ENOMEM;
  int fd = lk_fd_install(file, (flags & LK_O_CLOEXEC) != 0);
  if (fd < 0) {
    if (file->ops->release)
      file->ops->release(file);
    lk_kfree(file);
  }
  return fd;
}

long lk_close(int fd) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  if (fd < table_size)
    table[fd].file = 0;
  lk_file_put(file);
  return 0;
}

void lk_fd_close_all(void) {
  for (int fd = 3; fd < table_size; ++fd)
    if (table[fd].file)
      lk_close(fd);
}

long lk_read(int fd, void *buf, size_t len) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  if (!lk_may_write(buf, len))
    return -NET_EFAULT;
  return file->ops->read ? file->ops->read(file, buf, len) : -NET_EINVAL;
}

long lk_write(int fd, const void *buf, size_t len) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  if (!lk_may_read(buf, len))
    return -NET_EFAULT;
  return file->ops->write ? file->ops->write(file, buf, len) : -NET_EINVAL;
}

/* The file behind fd for a pread or pwrite at `offset`: 0 for a host file
 * or one of the data set's, else -errno (ESPIPE where there is no offset). */
static long positioned_file(int fd, long offset, struct lk_file **file) {
  *file = lk_fd_get(fd);
  if (!*file)
    return -NET_EBADF;
  if (offset < 0)
    return -NET_EINVAL;
  enum lk_file_kind kind = (*file)->ops->kind;
  return kind == LK_FILE_HOST || kind == LK_FILE_DATA_SET ? 0 : -29 /* ESPIPE */;
}

/* One call to the host for a host file: a server's pread costs one round
 * trip, not three seeks around a read. */
long lk_pread(int fd, void *buf, size_t len, long offset) {
  struct lk_file *file;
  long status = positioned_file(fd, offset, &file);
  if (status)
    return status;
  if (!lk_may_write(buf, len))
    return -NET_EFAULT;
  return file->ops->kind == LK_FILE_HOST ? host_read(file->host_fd, buf, len, offset)
                                         : lk_data_set_pread(file, buf, len, (uint64_t)offset);
}

long lk_pwrite(int fd, const void *buf, size_t len, long offset) {
  struct lk_file *file;
  long status = positioned_file(fd, offset, &file);
  if (status)
    return status;
  if (!lk_may_read(buf, len))
    return -NET_EFAULT;
  /* The data set's files are opened read-only. */
  return file->ops->kind == LK_FILE_HOST ? host_write(file->host_fd, buf, len, offset) : -NET_EBADF;
}

long lk_lseek(int fd, long offset, int whence) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  if (file->ops->kind == LK_FILE_DATA_SET)
    return lk_data_set_seek(file, offset, whence);
  if (file->ops->kind != LK_FILE_HOST)
    return -29; /* ESPIPE */
  return host_lseek(file->host_fd, offset, whence);
}

/* On the host's files; sockets, pipes of the VM's own and the console have
 * no length to cut (EINVAL, as Linux), nothing to flush to a disk (EINVAL)
 * and an inode mode nobody reads (fchmod succeeds, as Linux's on sockfs).
 * The data set's files are opened read-only on a read-only file system:
 * ftruncate EINVAL, fsync 0, fchmod EROFS, as Linux answers for those. */
static long file_op(int fd, unsigned op, long arg) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  if (file->ops->kind == LK_FILE_HOST)
    return host_file_op(op, file->host_fd, arg);
  if (file->ops->kind == LK_FILE_DATA_SET)
    return op == GPUVM_RPC_FTRUNCATE ? -22 : op == GPUVM_RPC_FCHMOD ? -30 /* EROFS */ : 0;
  return op == GPUVM_RPC_FCHMOD ? 0 : -22; /* EINVAL */
}

long lk_ftruncate(int fd, long length) {
  return file_op(fd, GPUVM_RPC_FTRUNCATE, length);
}
long lk_fsync(int fd, int data_only) {
  return file_op(fd, GPUVM_RPC_FSYNC, data_only);
}
long lk_fchmod(int fd, int mode) {
  return file_op(fd, GPUVM_RPC_FCHMOD, mode);
}

long lk_futimens(int fd, int64_t atime_ns, int64_t mtime_ns) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  if (file->ops->kind == LK_FILE_DATA_SET)
    return -30; /* EROFS */
  return file->ops->kind == LK_FILE_HOST ? host_futimens(file->host_fd, atime_ns, mtime_ns) : 0;
}

const void *lk_file_in_place(int fd, uint64_t *size) {
  struct lk_file *file = lk_fd_get(fd);
  return file && file->ops->kind == LK_FILE_DATA_SET && lk_may_write(size, sizeof *size)
             ? lk_data_set_bytes(file, size)
             : 0;
}

long lk_fstatvfs(int fd, struct gpuvm_statvfs *out) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  if (!lk_may_write(out, sizeof *out))
    return -NET_EFAULT;
  if (file->ops->kind == LK_FILE_HOST)
    return host_fstatvfs(file->host_fd, out);
  net_zero(out, sizeof *out);
  out->name_max = 255;
  return 0;
}

long lk_fd_path(int fd, char *buf, size_t size) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  if (file->ops->kind == LK_FILE_DATA_SET)
    return lk_data_set_path(file, buf, size);
  if (file->ops->kind != LK_FILE_HOST)
    return -20; /* ENOTDIR */
  return host_fd_path(file->host_fd, buf, size);
}

long lk_fstat(int fd, struct gpuvm_stat *out) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  if (!lk_may_write(out, sizeof *out))
    return -NET_EFAULT;
  if (file->ops->kind == LK_FILE_HOST)
    return host_fstat(file->host_fd, out);
  if (file->ops->kind == LK_FILE_DATA_SET) {
    lk_data_set_stat(file, out);
    return 0;
  }
  net_zero(out, sizeof *out);
  out->nlink = 1;
  /* Sockets show as sockets, pipes as FIFOs; epoll sets, eventfds and
   * timerfds as Linux's anonymous inodes (mode 0600, no type bits); the
   * console as a tty-less character device. */
  out->mode = file->ops->kind == LK_FILE_SOCKET    ? 0140777u
              : file->ops->kind == LK_FILE_PIPE    ? (S_IFIFO | 0600u)
              : file->ops->kind == LK_FILE_CONSOLE ? (S_IFCHR | 0620u)
                                                   : 0600u;
  return 0;
}

long lk_readdir(int fd, void *buf, size_t len) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  if (file->ops->kind == LK_FILE_DATA_SET)
    return lk_data_set_readdir(file, buf, len);
  if (file->ops->kind != LK_FILE_HOST)
    return -20; /* ENOTDIR */
  return host_readdir(file->host_fd, buf, len);
}

long lk_dup(int fd) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  return lk_fd_install(file, 0);
}

long lk_fd_limit(long limit) {
  if (limit > hard_fd_limit())
    return -NET_EPERM;
  if (limit > 0)
    fd_limit = (int)limit;
  return fd_limit_in_force();
}

long lk_fcntl(int fd, int command, long argument) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  switch (command) {
  case F_DUPFD:
  case F_DUPFD_CLOEXEC:
    if (argument < 0 || argument >= fd_limit_in_force())
      return -NET_EINVAL;
    return install_from(file, (int)argument, command == F_DUPFD_CLOEXEC);
  case F_GETFD:
    return fd < table_size && table[fd].close_on_exec ? FD_CLOEXEC : 0;
  case F_SETFD:
    if (fd < table_size)
      table[fd].close_on_exec = (argument & FD_CLOEXEC) != 0;
    return 0;
  case F_GETFL:
    return file->status;
  case F_SETFL:
    file->status = (file->status & ~(LK_O_APPEND | LK_O_NONBLOCK)) |
                   ((int)argument & (LK_O_APPEND | LK_O_NONBLOCK));
    return 0;
  case F_SETPIPE_SZ:
  case F_GETPIPE_SZ:
    if (file->ops->kind == LK_FILE_PIPE)
      return lk_pipe_size(file, command, argument);
    return -NET_EBADF;
  default:
    return -NET_EINVAL;
  }
}

long lk_socket_ioctl(struct lk_file *file, unsigned long request, void *argument);

long lk_ioctl(int fd, unsigned long request, void *argument) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  /* The two requests it knows take an int: FIONBIO reads it, FIONREAD
   * writes it. */
  if ((request == FIONBIO || request == FIONREAD) &&
      (!argument || !(request == FIONBIO ? lk_may_read(argument, sizeof(int))
                                         : lk_may_write(argument, sizeof(int)))))
    return -NET_EFAULT;
  if (request == FIONBIO) {
    if (*(const int *)argument)
      file->status |= LK_O_NONBLOCK;
    else
      file->status &= ~LK_O_NONBLOCK;
    return 0;
  }
  if (file->ops->kind == LK_FILE_SOCKET)
    return lk_socket_ioctl(file, request, argument);
  if (file->ops->kind == LK_FILE_PIPE && request == FIONREAD) {
    *(int *)argument = (int)lk_pipe_unread(file);
    return 0;
  }
  return -NET_ENOTTY;
}
