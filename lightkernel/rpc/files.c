/* File system calls: each is one request to the host, which resolves paths
 * inside this VM's root. Data moves through the mailbox's payload, in
 * chunks, or straight between the host and a buffer in the VM's slice
 * where the backend allows (host_bulk_chunk). */
#include <lightkernel/arch.h>
#include <lightkernel/confine.h>
#include <lightkernel/syscall.h>

#include "../fd/data_set.h"
#include "../net/net.h"
#include "host.h"

#define ENAMETOOLONG 36
#define EINVAL 22
#define EFAULT 14

static struct gpuvm_mailbox *my_mailbox(void) {
  return (struct gpuvm_mailbox *)(uintptr_t)__gpuvm_launch.mailboxes + arch_vm_id();
}

static long call(struct gpuvm_mailbox *box, uint32_t op) {
  box->op = op;
  lk_wait_begin();
  arch_rpc(box);
  lk_wait_end();
  return box->error ? -box->error : box->result;
}

/* Copies NUL-terminated strings into the payload back to back: 0,
 * -ENAMETOOLONG, or -EFAULT where a string runs outside what the VM may read. */
static long put_paths(struct gpuvm_mailbox *box, const char *first, const char *second) {
  size_t at = 0;
  const char *paths[2] = {first, second};
  for (int i = 0; i < 2 && paths[i]; ++i) {
    const char *s = paths[i];
    do {
      if (at >= GPUVM_MAILBOX_PAYLOAD)
        return -ENAMETOOLONG;
      if (!lk_may_read(s, 1))
        return -EFAULT;
      box->payload[at++] = (uint8_t)*s;
    } while (*s++);
  }
  return 0;
}

int host_data_set_in_place(void) {
  return *(volatile int64_t *)&my_mailbox()->data_set_in_place != 0;
}

long host_open(const char *path, int flags, int mode, int *in_data_set) {
  struct gpuvm_mailbox *box = my_mailbox();
  long refused = put_paths(box, path, 0);
  if (refused)
    return refused;
  box->arg[0] = flags;
  box->arg[1] = mode;
  long result = call(box, GPUVM_RPC_OPEN);
  *in_data_set = result >= 0 && box->arg[2] == GPUVM_OPEN_IN_DATA_SET;
  return result;
}

long host_close(int fd) {
  struct gpuvm_mailbox *box = my_mailbox();
  box->arg[0] = fd;
  return call(box, GPUVM_RPC_CLOSE);
}

long host_read(int fd, void *buf, size_t len, int64_t at) {
  struct gpuvm_mailbox *box = my_mailbox();
  const size_t bulk = host_bulk_chunk(buf, len);
  const size_t most = bulk ? bulk : GPUVM_MAILBOX_PAYLOAD;
  size_t done = 0;
  while (done < len) {
    size_t chunk = len - done < most ? len - done : most;
    box->arg[0] = fd;
    box->arg[1] = (int64_t)chunk;
    box->arg[2] = bulk ? (int64_t)(uintptr_t)((uint8_t *)buf + done) : 0;
    box->arg[3] = at < 0 ? -1 : at + (int64_t)done;
    long got = call(box, GPUVM_RPC_READ);
    if (got < 0)
      return done ? (long)done : got;
    if (!bulk)
      net_copy((uint8_t *)buf + done, box->payload, (size_t)got);
    done += (size_t)got;
    if ((size_t)got < chunk)
      break; /* end of file, or what a pipe had */
  }
  return (long)done;
}

long host_lseek(int fd, long offset, int whence) {
  struct gpuvm_mailbox *box = my_mailbox();
  box->arg[0] = fd;
  box->arg[1] = offset;
  box->arg[2] = whence;
  return call(box, GPUVM_RPC_LSEEK);
}

long host_file_op(unsigned op, int fd, long arg) {
  struct gpuvm_mailbox *box = my_mailbox();
  box->arg[0] = fd;
  box->arg[1] = arg;
  return call(box, op);
}

long lk_stat(const char *path, int follow_last_link, struct gpuvm_stat *out) {
  if (!lk_may_read_string(path, GPUVM_MAILBOX_PAYLOAD) || !lk_may_write(out, sizeof *out))
    return -EFAULT;
  long index = host_data_set_in_place() ? lk_data_set_find(path) : -1;
  if (index >= 0) {
    lk_data_set_stat_index(index, out);
    return 0;
  }
  struct gpuvm_mailbox *box = my_mailbox();
  long refused = put_paths(box, path, 0);
  if (refused)
    return refused;
  box->arg[0] = follow_last_link ? 1 : 0;
  long rc = call(box, GPUVM_RPC_STAT);
  if (rc == 0)
    net_copy(out, box->payload, sizeof *out);
  return rc;
}

long host_fstat(int fd, struct gpuvm_stat *out) {
  struct gpuvm_mailbox *box = my_mailbox();
  box->arg[0] = 2;
  box->arg[1] = fd;
  long rc = call(box, GPUVM_RPC_STAT);
  if (rc == 0)
    net_copy(out, box->payload, sizeof *out);
  return rc;
}

static long path_call(uint32_t op, const char *path, int64_t arg0, int64_t arg1) {
  struct gpuvm_mailbox *box = my_mailbox();
  long refused = put_paths(box, path, 0);
  if (refused)
    return refused;
  box->arg[0] = arg0;
  box->arg[1] = arg1;
  return call(box, op);
}

long lk_mkdir(const char *path, int mode) {
  return path_call(GPUVM_RPC_MKDIR, path, mode, 0);
}
long lk_rmdir(const char *path) {
  return path_call(GPUVM_RPC_RMDIR, path, 0, 0);
}
long lk_unlink(const char *path) {
  return path_call(GPUVM_RPC_UNLINK, path, 0, 0);
}

long lk_truncate(const char *path, long length) {
  return path_call(GPUVM_RPC_TRUNCATE, path, length, 0);
}
long lk_chmod(const char *path, int mode) {
  return path_call(GPUVM_RPC_CHMOD, path, mode, 0);
}

static long set_times(struct gpuvm_mailbox *box, int64_t atime_ns, int64_t mtime_ns) {
  box->arg[2] = atime_ns;
  box->arg[3] = mtime_ns;
  return call(box, GPUVM_RPC_UTIME);
}

long lk_utimens(const char *path, int follow_last_link, int64_t atime_ns, int64_t mtime_ns) {
  struct gpuvm_mailbox *box = my_mailbox();
  long refused = put_paths(box, path, 0);
  if (refused)
    return refused;
  box->arg[0] = follow_last_link ? 1 : 0;
  return set_times(box, atime_ns, mtime_ns);
}

long host_futimens(int host_fd, int64_t atime_ns, int64_t mtime_ns) {
  struct gpuvm_mailbox *box = my_mailbox();
  box->arg[0] = 2;
  box->arg[1] = host_fd;
  return set_times(box, atime_ns, mtime_ns);
}

long lk_symlink(const char *target, const char *path) {
  struct gpuvm_mailbox *box = my_mailbox();
  long refused = put_paths(box, target, path);
  if (refused)
    return refused;
  return call(box, GPUVM_RPC_SYMLINK);
}

long lk_chroot(const char *path) {
  return path_call(GPUVM_RPC_CHROOT, path, 0, 0);
}

long lk_link(const char *from, const char *to) {
  struct gpuvm_mailbox *box = my_mailbox();
  long refused = put_paths(box, from, to);
  if (refused)
    return refused;
  return call(box, GPUVM_RPC_LINK);
}

/* As readlink(2): at most `size` bytes of the text, no NUL added. */
long lk_readlink(const char *path, char *buf, size_t size) {
  struct gpuvm_mailbox *box = my_mailbox();
  long refused = put_paths(box, path, 0);
  if (refused)
    return refused;
  long length = call(box, GPUVM_RPC_READLINK);
  if (length < 0)
    return length;
  size_t n = (size_t)length < size ? (size_t)length : size;
  if (!lk_may_write(buf, n))
    return -EFAULT;
  net_copy(buf, box->payload, n);
  return (long)n;
}

static long statvfs_call(struct gpuvm_mailbox *box, struct gpuvm_statvfs *out) {
  if (!lk_may_write(out, sizeof *out))
    return -EFAULT;
  long rc = call(box, GPUVM_RPC_STATVFS);
  if (rc == 0)
    net_copy(out, box->payload, sizeof *out);
  return rc;
}

long lk_statvfs(const char *path, struct gpuvm_statvfs *out) {
  struct gpuvm_mailbox *box = my_mailbox();
  long refused = put_paths(box, path, 0);
  if (refused)
    return refused;
  box->arg[0] = 0;
  return statvfs_call(box, out);
}

long host_fstatvfs(int host_fd, struct gpuvm_statvfs *out) {
  struct gpuvm_mailbox *box = my_mailbox();
  box->arg[0] = 2;
  box->arg[1] = host_fd;
  return statvfs_call(box, out);
}

long host_fd_path(int host_fd, char *buf, size_t size) {
  struct gpuvm_mailbox *box = my_mailbox();
  box->arg[0] = host_fd;
  long length = call(box, GPUVM_RPC_FD_PATH);
  if (length < 0)
    return length;
  if ((size_t)length + 1 > size)
    return -ENAMETOOLONG;
  if (!lk_may_write(buf, (size_t)length + 1))
    return -EFAULT;
  net_copy(buf, box->payload, (size_t)length + 1);
  return length;
}

long lk_rename(const char *from, const char *to) {
  struct gpuvm_mailbox *box = my_mailbox();
  long refused = put_paths(box, from, to);
  if (refused)
    return refused;
  return call(box, GPUVM_RPC_RENAME);
}

long host_readdir(int fd, void *buf, size_t len) {
  struct gpuvm_mailbox *box = my_mailbox();
  if (len < GPUVM_MAILBOX_PAYLOAD)
    return -EINVAL; /* a record batch is only as small as the payload guarantees */
  box->arg[0] = fd;
  if (!lk_may_write(buf, GPUVM_MAILBOX_PAYLOAD))
    return -EFAULT;
  long got = call(box, GPUVM_RPC_READDIR);
  if (got > 0)
    net_copy(buf, box->payload, (size_t)got);
  return got;
}

long lk_getrandom(void *buf, size_t len) {
  if (!lk_may_write(buf, len))
    return -NET_EFAULT;
  struct gpuvm_mailbox *box = my_mailbox();
  size_t done = 0;
  while (done < len) {
    size_t chunk = len - done < GPUVM_MAILBOX_PAYLOAD ? len - done : GPUVM_MAILBOX_PAYLOAD;
    box->arg[0] = (int64_t)chunk;
    long got = call(box, GPUVM_RPC_RANDOM);
    if (got < 0)
      return done ? (long)done : got;
    net_copy((uint8_t *)buf + done, box->payload, (size_t)got);
    done += (size_t)got;
  }
  return (long)done;
}
