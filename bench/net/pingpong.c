/* Round trips of 64-byte messages over one TCP connection per pair: of N
 * VMs, VM k < N/2 serves, VM k + N/2 is its client. A client sends a message,
 * waits for the echo, and repeats for argv[2] seconds (after a warm-up of
 * 0.5 s), then prints "rtt N round trips". argv[1] is the prefix.
 *
 * Built natively (-DPINGPONG_THREADS), main runs every pair as two threads
 * over Linux loopback instead (2,000 pairs per process, for the descriptor
 * limit): the baseline, on the kernel's TCP. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MESSAGE 64
#define PORT 5000

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int exact(int fd, char *buf, int send_it) {
  size_t done = 0;
  while (done < MESSAGE) {
    ssize_t n = send_it ? send(fd, buf + done, MESSAGE - done, MSG_NOSIGNAL)
                        : recv(fd, buf + done, MESSAGE - done, 0);
    if (n <= 0)
      return -1;
    done += (size_t)n;
  }
  return 0;
}

static void fail(const char *what) {
  printf("FAIL %s (errno %d)\n", what, errno);
  exit(1);
}

static struct sockaddr_in6 address_of(const char *prefix, unsigned vm, unsigned port) {
  struct sockaddr_in6 sa;
  memset(&sa, 0, sizeof sa);
  sa.sin6_family = AF_INET6;
  sa.sin6_port = htons((uint16_t)port);
  inet_pton(AF_INET6, prefix, &sa.sin6_addr);
  if (vm != ~0u) {
    uint32_t low = 0x100u + vm;
    sa.sin6_addr.s6_addr[12] = (uint8_t)(low >> 24);
    sa.sin6_addr.s6_addr[13] = (uint8_t)(low >> 16);
    sa.sin6_addr.s6_addr[14] = (uint8_t)(low >> 8);
    sa.sin6_addr.s6_addr[15] = (uint8_t)low;
  }
  return sa;
}

static void serve(unsigned port) {
  struct sockaddr_in6 any = address_of("::", ~0u, port);
  int one = 1;
  int listener = socket(AF_INET6, SOCK_STREAM, 0);
  if (listener < 0 || setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
      bind(listener, (struct sockaddr *)&any, sizeof any) || listen(listener, 4))
    fail("listen");
  int fd = accept(listener, NULL, NULL);
  if (fd < 0)
    fail("accept");
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  char buf[MESSAGE];
  while (exact(fd, buf, 0) == 0 && exact(fd, buf, 1) == 0)
    ;
  close(fd);
  close(listener);
}

static long long client(struct sockaddr_in6 server, double seconds) {
  int fd = -1;
  /* The server may not listen yet: retry for a while. */
  for (int attempt = 0; attempt < 2000; ++attempt) {
    fd = socket(AF_INET6, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&server, sizeof server) == 0)
      break;
    close(fd);
    fd = -1;
    usleep(5000);
  }
  if (fd < 0)
    fail("connect");
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  char buf[MESSAGE];
  memset(buf, 'x', sizeof buf);
  double start = now(), warm = start + 0.5, end = warm + seconds;
  long long count = 0;
  for (;;) {
    if (exact(fd, buf, 1) || exact(fd, buf, 0))
      fail("exchange");
    double t = now();
    if (t >= end)
      break;
    if (t >= warm)
      ++count;
  }
  close(fd);
  return count;
}

#ifdef PINGPONG_THREADS
#include <pthread.h>
#include <sys/resource.h>
#include <sys/wait.h>

/* Pairs per process: each pair holds three descriptors, and a process may
 * have only so many (20,000 on the GPU machine). */
#define PAIRS_PER_PROCESS 2000

struct pair {
  unsigned index;
  double seconds;
  long long count;
};

static void *server_thread(void *arg) {
  serve(PORT + ((struct pair *)arg)->index);
  return NULL;
}

static void *client_thread(void *arg) {
  struct pair *p = arg;
  p->count = client(address_of("::1", ~0u, PORT + p->index), p->seconds);
  return NULL;
}

/* Pairs [first, first + count) as threads; returns their round trips. */
static long long run_pairs(unsigned first, unsigned count, double seconds) {
  struct rlimit files;
  if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  struct pair *all = calloc(count, sizeof *all);
  pthread_t *threads = calloc(2 * (size_t)count, sizeof *threads);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 64 << 10);
  for (unsigned i = 0; i < count; ++i) {
    all[i].index = first + i;
    all[i].seconds = seconds;
    if (pthread_create(&threads[2 * i], &attr, server_thread, &all[i]))
      fail("pthread_create");
  }
  for (unsigned i = 0; i < count; ++i)
    if (pthread_create(&threads[2 * i + 1], &attr, client_thread, &all[i]))
      fail("pthread_create");
  long long total = 0;
  for (unsigned i = 0; i < 2 * count; ++i)
    pthread_join(threads[i], NULL);
  for (unsigned i = 0; i < count; ++i)
    total += all[i].count;
  return total;
}

int main(int argc, char **argv) {
  unsigned pairs = argc > 1 ? (unsigned)atoi(argv[1]) : 1;
  double seconds = argc > 2 ? atof(argv[2]) : 2;
  /* One port per pair, below the clients' ephemeral ports (32768 up). */
  if (pairs > 27000)
    fail("at most 27,000 pairs natively (a loopback port each, below the ephemeral range)");
  unsigned processes = (pairs + PAIRS_PER_PROCESS - 1) / PAIRS_PER_PROCESS;
  int results[2];
  if (pipe(results))
    fail("pipe");
  for (unsigned p = 0; p < processes; ++p) {
    unsigned first = p * PAIRS_PER_PROCESS;
    unsigned count = pairs - first < PAIRS_PER_PROCESS ? pairs - first : PAIRS_PER_PROCESS;
    if (fork() == 0) {
      long long total = run_pairs(first, count, seconds);
      if (write(results[1], &total, sizeof total) != sizeof total)
        _exit(1);
      _exit(0);
    }
  }
  close(results[1]); /* a process that dies unannounced then reads as 0 bytes */
  long long total = 0, part;
  for (unsigned p = 0; p < processes; ++p) {
    if (read(results[0], &part, sizeof part) != sizeof part)
      fail("a process failed");
    total += part;
  }
  while (wait(NULL) > 0)
    ;
  printf("rtt %lld round trips in %.1f s over %u pairs: %.0f per second\n", total, seconds, pairs,
         total / seconds);
  return 0;
}
#else
#include <gpuvm.h>

int main(int argc, char **argv) {
  const char *prefix = argc > 1 ? argv[1] : "fd00:6770:766d::";
  double seconds = argc > 2 ? atof(argv[2]) : 2;
  unsigned half = gpuvm_vm_count() / 2, vm = gpuvm_vm_id();
  if (vm < half) {
    serve(PORT);
    return 0;
  }
  printf("rtt %lld round trips\n", client(address_of(prefix, vm - half, PORT), seconds));
  return 0;
}
#endif
