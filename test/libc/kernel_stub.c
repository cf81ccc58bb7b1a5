/* The light kernel's system calls, as the host tests provide them: files are
 * Linux's own, named by host paths. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <gpuvm/mailbox.h>
#include <lightkernel/syscall.h>

/* Linux's answer, as the kernel gives it: the result or -errno. */
static long result(long value) {
  return value < 0 ? -errno : value;
}

/* The host requests these calls would make in a VM, where the light kernel
 * carries at most GPUVM_MAILBOX_PAYLOAD bytes per request (a round trip). */
unsigned long lk_write_requests, lk_read_requests;

static unsigned long requests_for(size_t len) {
  return len == 0 ? 1 : (len + GPUVM_MAILBOX_PAYLOAD - 1) / GPUVM_MAILBOX_PAYLOAD;
}

long lk_write(int fd, const void *buf, size_t len) {
  lk_write_requests += requests_for(len);
  return result(write(fd, buf, len));
}

long lk_open(const char *path, int flags, int mode) {
  return result(open(path, flags, mode));
}

long lk_close(int fd) {
  return result(close(fd));
}

long lk_read(int fd, void *buf, size_t len) {
  lk_read_requests += requests_for(len);
  return result(read(fd, buf, len));
}

long lk_lseek(int fd, long offset, int whence) {
  return result(lseek(fd, offset, whence));
}

long lk_fcntl(int fd, int command, long argument) {
  return result(fcntl(fd, command, argument));
}

static void fill(struct gpuvm_stat *out, const struct stat *in) {
  *out = (struct gpuvm_stat){.dev = in->st_dev,
                             .ino = in->st_ino,
                             .mode = in->st_mode,
                             .nlink = (uint32_t)in->st_nlink,
                             .size = (uint64_t)in->st_size,
                             .atime_sec = in->st_atim.tv_sec,
                             .atime_nsec = in->st_atim.tv_nsec,
                             .mtime_sec = in->st_mtim.tv_sec,
                             .mtime_nsec = in->st_mtim.tv_nsec,
                             .ctime_sec = in->st_ctim.tv_sec,
                             .ctime_nsec = in->st_ctim.tv_nsec};
}

long lk_stat(const char *path, int follow_last_link, struct gpuvm_stat *out) {
  struct stat status;
  if ((follow_last_link ? stat(path, &status) : lstat(path, &status)) != 0)
    return -errno;
  fill(out, &status);
  return 0;
}

long lk_fstat(int fd, struct gpuvm_stat *out) {
  struct stat status;
  if (fstat(fd, &status) != 0)
    return -errno;
  fill(out, &status);
  return 0;
}

/* Only an abort reaches this in the tests (a bad free, for instance). */
_Noreturn void lk_exit(int status, int kind) {
  fprintf(stderr, "libc_gpu ended the VM: status %d, kind %d\n", status, kind);
  exit(2);
}

/* The host's own clocks, in the kernel's nanoseconds. */
static int64_t clock_ns(clockid_t clock) {
  struct timespec now;
  clock_gettime(clock, &now);
  return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

int64_t lk_clock_realtime_ns(void) {
  return clock_ns(CLOCK_REALTIME);
}

int64_t lk_clock_monotonic_ns(void) {
  return clock_ns(CLOCK_MONOTONIC);
}

/* No timer signal is ever due here: nothing parks. */
void lk_signal_alarm(int64_t deadline_ns) {
  (void)deadline_ns;
}

long lk_getrandom(void *buf, size_t len) {
  memset(buf, 0xa5, len);
  return (long)len;
}

/* The allocator test sets its own region with __heap_init before any use. */
void lk_heap_region(char **start, char **end) {
  static char region[1 << 20];
  *start = region;
  *end = region + sizeof region;
}
