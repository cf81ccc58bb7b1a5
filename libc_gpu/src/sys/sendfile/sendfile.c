#include <errno.h>
#include <sys/sendfile.h>
#include <unistd.h>

#include <lightkernel/syscall.h>

#include "../../__support/syscall_result.h"

/* Linux's cap on one call's bytes. */
#define MAX_COUNT 0x7ffff000u
/* What one zero-copy reservation asks for. */
#define CHUNK 65536u

static size_t smaller(size_t a, size_t b) {
  return a < b ? a : b;
}

ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count) {
  long saved = 0;
  if (offset) {
    if (*offset < 0) {
      errno = EINVAL;
      return -1;
    }
    saved = lk_lseek(in_fd, 0, SEEK_CUR);
    long moved = saved < 0 ? saved : lk_lseek(in_fd, *offset, SEEK_SET);
    if (moved < 0)
      return __syscall_result(moved);
  }
  count = smaller(count, MAX_COUNT);
  size_t sent = 0, unsent = 0; /* unsent: read from the file, not taken */
  long error = 0;
  int copy = 0;
  /* A TCP socket: the file's bytes are read straight into its send buffer. */
  while (sent < count) {
    void *room;
    long reserved = lk_zc_send_reserve(out_fd, &room, smaller(count - sent, CHUNK), 0);
    if (reserved == -EOPNOTSUPP || reserved == -ENOTSOCK) {
      copy = 1;
      break;
    }
    if (reserved < 0) {
      error = reserved;
      break;
    }
    long got = lk_read(in_fd, room, (size_t)reserved);
    if (got <= 0) {
      lk_zc_send_commit(out_fd, 0);
      error = got;
      break;
    }
    long committed = lk_zc_send_commit(out_fd, (size_t)got);
    if (committed < 0) {
      error = committed;
      unsent = (size_t)got;
      break;
    }
    sent += (size_t)got;
  }
  /* Anything else (a file, the console, UDP): through a buffer. */
  while (copy && sent < count) {
    char buffer[512];
    long got = lk_read(in_fd, buffer, smaller(count - sent, sizeof buffer));
    if (got <= 0) {
      error = got;
      break;
    }
    long wrote = lk_write(out_fd, buffer, (size_t)got);
    if (wrote < 0) {
      error = wrote;
      unsent = (size_t)got;
      break;
    }
    sent += (size_t)wrote;
    if (wrote < got) {
      unsent = (size_t)(got - wrote);
      break;
    }
  }
  if (offset) {
    *offset += (off_t)sent;
    lk_lseek(in_fd, saved, SEEK_SET);
  } else if (unsent) {
    /* The file's position counts only what was sent. */
    lk_lseek(in_fd, -(long)unsent, SEEK_CUR);
  }
  if (sent || !error)
    return (ssize_t)sent;
  return __syscall_result(error);
}
