// Pipes inside a VM behave as Linux's: the same program runs natively and in
// VMs, and every VM's output must equal Linux's line for line: data, EOF,
// EPIPE, the wrong end, non-blocking limits, poll and epoll readiness (the
// self-pipe pattern), dup'ed ends, F_GETPIPE_SZ/F_SETPIPE_SZ, FIONREAD,
// fstat, and 400 pipes open at once. 500 VMs run it at the same time, each
// with 1 MiB, which also shows that idle pipes cost the VM little memory.
// RUN: rm -rf %t && mkdir -p %t/logs
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/linux && %t/linux > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 1 --console raw > %t/out
// RUN: diff %t/expected %t/out
// RUN: FileCheck %s < %t/out
// RUN: %gpuvm run %t/host.img --vms 500 --mem-per-vm 1M --log-dir %t/logs 2> %t/err
// RUN: FileCheck %s --check-prefix=SCALE < %t/err
// SCALE: 500 exited with status 0
// RUN: md5sum < %t/expected | cut -d' ' -f1 > %t/expected.md5
// RUN: find %t/logs -name 'vm-*.out' -exec md5sum {} + | cut -d' ' -f1 | sort | uniq -c \
// RUN:   | FileCheck %s --check-prefix=LOGS -DSUM=$(cat %t/expected.md5)
// LOGS: {{^ *}}500 [[SUM]]{{$}}
// LOGS-NOT: {{.}}
// CHECK: data: wrote 5 read 5 "hello" unread 0
// CHECK: ends: read-end flags 0 write-end flags 1 fifo 1; wrong way: read EBADF write EBADF
// CHECK: eof: read 3 then 0
// CHECK: epipe: write -1 EPIPE, poll write end 0xc
// CHECK: nonblocking: empty EAGAIN, filled 65536, then EAGAIN, after a 4096 read 4096 more
// CHECK: poll: empty 0, data 0x1, eof with data 0x11, eof drained 0x10
// CHECK: epoll: idle 0, after a byte 1 in 1
// CHECK: dup: after closing one writer, not eof (EAGAIN); after both, eof 0
// CHECK: size: 65536, set 5000 -> 8192, get 8192, 3 GiB EINVAL, zero -> 4096
// CHECK: big: 60000 bytes through, same 1
// CHECK: many: 400 pipes, 400 bytes back
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *error_name(int error) {
  switch (error) {
  case EAGAIN:
    return "EAGAIN";
  case EBADF:
    return "EBADF";
  case EPIPE:
    return "EPIPE";
  case EINVAL:
    return "EINVAL";
  case EPERM:
    return "EPERM";
  default:
    return "other";
  }
}

static int poll_events(int fd, short events) {
  struct pollfd p = {fd, events, 0};
  poll(&p, 1, 0);
  return p.revents;
}

static void data(void) {
  int fds[2];
  pipe(fds);
  ssize_t wrote = write(fds[1], "hello", 5);
  char buf[16] = {0};
  ssize_t got = read(fds[0], buf, sizeof buf);
  int unread = -1;
  ioctl(fds[0], FIONREAD, &unread);
  printf("data: wrote %zd read %zd \"%s\" unread %d\n", wrote, got, buf, unread);
  struct stat st;
  fstat(fds[0], &st);
  int read_flags = fcntl(fds[0], F_GETFL) & O_ACCMODE;
  int write_flags = fcntl(fds[1], F_GETFL) & O_ACCMODE;
  errno = 0;
  read(fds[1], buf, 1);
  const char *read_wrong = error_name(errno);
  errno = 0;
  write(fds[0], "x", 1);
  printf("ends: read-end flags %d write-end flags %d fifo %d; wrong way: read %s write %s\n",
         read_flags, write_flags, S_ISFIFO(st.st_mode), read_wrong, error_name(errno));
  close(fds[0]);
  close(fds[1]);
}

static void eof_and_epipe(void) {
  int fds[2];
  pipe(fds);
  write(fds[1], "abc", 3);
  close(fds[1]);
  char buf[8];
  ssize_t first = read(fds[0], buf, sizeof buf);
  ssize_t second = read(fds[0], buf, sizeof buf);
  printf("eof: read %zd then %zd\n", first, second);
  close(fds[0]);

  pipe(fds);
  close(fds[0]);
  errno = 0;
  ssize_t wrote = write(fds[1], "x", 1);
  printf("epipe: write %zd %s, poll write end %#x\n", wrote, error_name(errno),
         poll_events(fds[1], POLLOUT));
  close(fds[1]);
}

static void nonblocking(void) {
  int fds[2];
  pipe2(fds, O_NONBLOCK);
  char buf[4096];
  memset(buf, 'x', sizeof buf);
  errno = 0;
  read(fds[0], buf, 1);
  const char *empty = error_name(errno);
  long filled = 0;
  ssize_t n;
  while ((n = write(fds[1], buf, sizeof buf)) > 0)
    filled += n;
  const char *full = error_name(errno);
  read(fds[0], buf, sizeof buf);
  ssize_t more = write(fds[1], buf, sizeof buf);
  printf("nonblocking: empty %s, filled %ld, then %s, after a 4096 read %zd more\n", empty, filled,
         full, more);
  close(fds[0]);
  close(fds[1]);
}

static void readiness(void) {
  int fds[2];
  pipe(fds);
  int empty = poll_events(fds[0], POLLIN);
  write(fds[1], "z", 1);
  int with_data = poll_events(fds[0], POLLIN);
  close(fds[1]);
  int eof_with_data = poll_events(fds[0], POLLIN);
  char c;
  read(fds[0], &c, 1);
  int drained = poll_events(fds[0], POLLIN);
  printf("poll: empty %#x, data %#x, eof with data %#x, eof drained %#x\n", empty, with_data,
         eof_with_data, drained);
  close(fds[0]);

  /* The self-pipe pattern: an event loop wakes when a byte arrives. */
  pipe2(fds, O_NONBLOCK);
  int ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = fds[0]};
  epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev);
  struct epoll_event out[4];
  int idle = epoll_wait(ep, out, 4, 0);
  write(fds[1], "!", 1);
  int woke = epoll_wait(ep, out, 4, 1000);
  printf("epoll: idle %d, after a byte %d in %d\n", idle, woke,
         woke == 1 && out[0].data.fd == fds[0] && (out[0].events & EPOLLIN));
  close(ep);
  close(fds[0]);
  close(fds[1]);
}

static void duplicated(void) {
  int fds[2];
  pipe2(fds, O_NONBLOCK);
  int other = dup(fds[1]);
  close(fds[1]);
  char c;
  errno = 0;
  ssize_t open_writer = read(fds[0], &c, 1);
  const char *why = error_name(errno);
  close(other);
  ssize_t none = read(fds[0], &c, 1);
  printf("dup: after closing one writer, not eof (%s); after both, eof %zd\n",
         open_writer < 0 ? why : "data?", none);
  close(fds[0]);
}

static void sizes(void) {
  int fds[2];
  pipe(fds);
  int initial = fcntl(fds[0], F_GETPIPE_SZ);
  int set = fcntl(fds[1], F_SETPIPE_SZ, 5000);
  int got = fcntl(fds[0], F_GETPIPE_SZ);
  errno = 0;
  fcntl(fds[0], F_SETPIPE_SZ, 3u << 30);
  const char *too_big = error_name(errno);
  int zero = fcntl(fds[0], F_SETPIPE_SZ, 0);
  printf("size: %d, set 5000 -> %d, get %d, 3 GiB %s, zero -> %d\n", initial, set, got, too_big,
         zero);
  close(fds[0]);
  close(fds[1]);
}

static void big(void) {
  static char out[60000], in[60000];
  for (size_t i = 0; i < sizeof out; ++i)
    out[i] = (char)(i * 7 + i / 251);
  int fds[2];
  pipe(fds);
  ssize_t wrote = write(fds[1], out, sizeof out);
  size_t got = 0;
  while (got < sizeof in) {
    ssize_t n = read(fds[0], in + got, sizeof in - got);
    if (n <= 0)
      break;
    got += (size_t)n;
  }
  printf("big: %zd bytes through, same %d\n", wrote == (ssize_t)got ? wrote : -1,
         memcmp(in, out, sizeof in) == 0);
  close(fds[0]);
  close(fds[1]);
}

static void many(void) {
  enum { COUNT = 400 };
  static int fds[COUNT][2];
  int opened = 0;
  while (opened < COUNT && pipe(fds[opened]) == 0)
    ++opened;
  for (int i = 0; i < opened; ++i)
    write(fds[i][1], &"0123456789"[i % 10], 1);
  int back = 0;
  for (int i = 0; i < opened; ++i) {
    char c;
    back += read(fds[i][0], &c, 1) == 1 && c == "0123456789"[i % 10];
    close(fds[i][0]);
    close(fds[i][1]);
  }
  printf("many: %d pipes, %d bytes back\n", opened, back);
}

int main(void) {
  signal(SIGPIPE, SIG_IGN); /* Linux raises it; a VM never does */
  data();
  eof_and_epipe();
  nonblocking();
  readiness();
  duplicated();
  sizes();
  big();
  many();
  return 0;
}
