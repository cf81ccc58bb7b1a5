/* A load generator for the example servers: HTTP/1.1 keep-alive GETs or
 * RESP (Redis protocol) GET/SET over N connections, with a pipelining depth,
 * closed-loop (each connection keeps DEPTH requests in flight) or open-loop
 * (each connection sends at a fixed rate, latency counted from when each
 * request was due, so a stalled server cannot hide its queueing). Every
 * response is checked: RESP values are a pattern derived from the key, so a
 * GET returns exactly what this connection SET; HTTP bodies must be the
 * pattern the benchmark writes (byte j is 'a' + j % 26) when --bytes is given.
 *
 * Ordinary POSIX: it builds with gpu-c++ (a client per VM) and with gcc (one
 * process of many connections on Linux), unchanged. Prints one summary line
 * and one histogram line (bucket:count pairs, the buckets log-linear in
 * nanoseconds, 16 per octave: see bucket_of) that bench/serve merges over
 * every client; exit status 0 only when every response was right. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define USAGE                                                                                      \
  "usage: loadgen --proto resp|http --host ADDR [--hosts N] [--port N] [--connections N]\n"        \
  "               [--pipeline DEPTH] [--rate R] [--duration S] [--warmup S] [--id N]\n"            \
  "               [--keys K] [--value-size B] [--set-ratio F] [--path P] [--bytes N]\n"            \
  "               [--connect-timeout S]\n"                                                         \
  "  --rate R: requests per second per connection (open loop); 0, the default,\n"                  \
  "            is closed loop, DEPTH requests in flight per connection\n"                          \
  "  --hosts N: spread the connections over N servers at ADDR, ADDR+1, ...\n"                      \
  "  --id N:   this client's number, part of its RESP keys (distinct clients\n"                    \
  "            of one server must have distinct ids)\n"

#define BUCKETS 640
#define MAX_RESPONSE_HEAD 8192

static struct {
  int http;
  /* the first server; connection i goes to the (i % hosts)th after it */
  struct sockaddr_in6 server;
  unsigned connections, depth, keys, id, hosts;
  size_t value_size;
  double rate, duration, warmup, set_ratio, connect_timeout;
  const char *path;
  long long body_bytes; /* -1: any */
} opt = {.connections = 1,
         .hosts = 1,
         .depth = 1,
         .keys = 100,
         .value_size = 32,
         .duration = 2,
         .warmup = 0.5,
         .set_ratio = 0.1,
         .connect_timeout = 10,
         .path = "/",
         .body_bytes = -1};

static struct {
  unsigned long long requests, bytes, errors, reconnects;
  unsigned long long histogram[BUCKETS];
} result;

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Below 32 ns one bucket per nanosecond; above, 16 per power of two, so a
 * bucket is at most 1/16 (6 %) wide. */
static unsigned bucket_of(long long ns) {
  unsigned long long v = ns < 0 ? 0 : (unsigned long long)ns;
  if (v < 32)
    return (unsigned)v;
  unsigned octave = 63u - (unsigned)__builtin_clzll(v);
  unsigned b = 32 + (octave - 5) * 16 + (unsigned)((v >> (octave - 4)) & 15);
  return b < BUCKETS ? b : BUCKETS - 1;
}

static long long bucket_floor(unsigned b) {
  if (b < 32)
    return b;
  unsigned octave = 5 + (b - 32) / 16;
  return (long long)(16 + (b - 32) % 16) << (octave - 4);
}

static void report_error(const char *fmt, const char *detail, size_t n) {
  if (result.errors++ < 5) {
    printf("loadgen: error: ");
    printf(fmt, (int)(n < 80 ? n : 80), detail);
    printf("\n");
  }
}

/* ---- connections ---- */

struct request {
  long long due_ns; /* sent (closed loop) or due (open loop) */
  unsigned key;
  int is_set;
  int key_was_set; /* when it was sent: a GET must find the value (else it may,
                      set by an earlier client of the same id) */
};

struct connection {
  int fd;
  struct sockaddr_in6 server;
  unsigned number;
  char *in;
  size_t in_len, in_cap;
  char *out;
  size_t out_start, out_len, out_cap;
  struct request *flight; /* a ring of the requests awaiting answers */
  unsigned head, count, ring;
  long long next_due_ns;
  unsigned char *key_set; /* which RESP keys this connection has set */
  int watching_out;
};

static int ep;

static int set_nonblocking(int fd) {
  return fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

/* Connects, retrying while the server is not up yet. */
static int connect_to_server(const struct sockaddr_in6 *server) {
  long long give_up = now_ns() + (long long)(opt.connect_timeout * 1e9);
  for (;;) {
    int fd = socket(AF_INET6, SOCK_STREAM, 0);
    if (fd < 0)
      return -1;
    if (connect(fd, (const struct sockaddr *)server, sizeof *server) == 0) {
      int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      if (set_nonblocking(fd) == 0)
        return fd;
    }
    close(fd);
    if (now_ns() > give_up)
      return -1;
    usleep(20000);
  }
}

static int open_connection(struct connection *c) {
  c->fd = connect_to_server(&c->server);
  if (c->fd < 0)
    return -1;
  c->in_len = c->out_start = c->out_len = 0;
  c->head = c->count = 0;
  c->watching_out = 0;
  struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
  return epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev);
}

/* After an error the connection starts again: what was in flight is lost
 * (counted as errors already). */
static int reopen(struct connection *c) {
  close(c->fd);
  result.reconnects++;
  return open_connection(c);
}

static int out_room(struct connection *c, size_t n) {
  if (c->out_start == c->out_len)
    c->out_start = c->out_len = 0;
  if (c->out_cap - c->out_len >= n)
    return 0;
  size_t cap = c->out_cap ? c->out_cap * 2 : 4096;
  while (cap - c->out_len < n)
    cap *= 2;
  char *out = realloc(c->out, cap);
  if (!out)
    return -1;
  c->out = out;
  c->out_cap = cap;
  return 0;
}

/* The value stored under a key: a pattern that differs per key. */
static char value_byte(unsigned key, size_t j) {
  return (char)('a' + (key * 7 + j) % 26);
}

static int key_text(char *text, size_t size, unsigned conn, unsigned key) {
  /* the size too: a key always holds one value, whichever run set it */
  return snprintf(text, size, "k:%u:%u:%u:%zu", opt.id, conn, key, opt.value_size);
}

static unsigned long long rng_state = 88172645463325252ull;
static unsigned long long next_random(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

static int queue_request(struct connection *c, long long due_ns) {
  struct request *r = &c->flight[(c->head + c->count) % c->ring];
  r->due_ns = due_ns;
  r->key = (unsigned)(next_random() % opt.keys);
  r->is_set = 0;
  r->key_was_set = c->key_set[r->key];
  char head[160];
  int n;
  if (opt.http) {
    n = snprintf(head, sizeof head, "GET %s HTTP/1.1\r\nHost: bench\r\n\r\n", opt.path);
  } else {
    char key[48];
    int k = key_text(key, sizeof key, c->number, r->key);
    r->is_set = (double)(next_random() % 1000000) < opt.set_ratio * 1e6;
    if (r->is_set)
      n = snprintf(head, sizeof head, "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%zu\r\n", k, key,
                   opt.value_size);
    else
      n = snprintf(head, sizeof head, "*2\r\n$3\r\nGET\r\n$%d\r\n%s\r\n", k, key);
  }
  size_t body = r->is_set ? opt.value_size + 2 : 0;
  if (out_room(c, (size_t)n + body))
    return -1;
  memcpy(c->out + c->out_len, head, (size_t)n);
  c->out_len += (size_t)n;
  if (r->is_set) {
    for (size_t j = 0; j < opt.value_size; ++j)
      c->out[c->out_len++] = value_byte(r->key, j);
    c->out[c->out_len++] = '\r';
    c->out[c->out_len++] = '\n';
    c->key_set[r->key] = 1; /* answered in order: a later GET sees it */
  }
  c->count++;
  return 0;
}

static int flush_output(struct connection *c) {
  while (c->out_start < c->out_len) {
    ssize_t n = send(c->fd, c->out + c->out_start, c->out_len - c->out_start, MSG_NOSIGNAL);
    if (n > 0)
      c->out_start += (size_t)n;
    else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      break;
    else
      return -1;
  }
  int pending = c->out_start < c->out_len;
  if (pending != c->watching_out) {
    struct epoll_event ev = {.events = EPOLLIN | (pending ? EPOLLOUT : 0u), .data.ptr = c};
    if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev))
      return -1;
    c->watching_out = pending;
  }
  return 0;
}

/* ---- responses ---- */

enum parsed { INCOMPLETE = 0, WRONG = -1 }; /* else: the response's length */

static const char *find_crlf(const char *p, const char *end) {
  for (; p + 1 < end; ++p)
    if (p[0] == '\r' && p[1] == '\n')
      return p;
  return NULL;
}

/* The response to R at the start of [p, end). */
static long parse_resp(const char *p, const char *end, const struct request *r) {
  const char *e = find_crlf(p, end);
  if (!e)
    return end - p > MAX_RESPONSE_HEAD ? WRONG : INCOMPLETE;
  size_t line = (size_t)(e - p) + 2;
  if (r->is_set) {
    if (line == 5 && memcmp(p, "+OK", 3) == 0)
      return (long)line;
    report_error("SET answered %.*s", p, (size_t)(e - p));
    return WRONG;
  }
  if (line == 5 && memcmp(p, "$-1", 3) == 0) {
    if (!r->key_was_set)
      return (long)line;
    report_error("GET of a key set before answered %.*s", p, 3);
    return WRONG;
  }
  if (*p != '$' || strtol(p + 1, NULL, 10) != (long)opt.value_size) {
    report_error("GET answered %.*s", p, (size_t)(e - p));
    return WRONG;
  }
  size_t total = line + opt.value_size + 2;
  if ((size_t)(end - p) < total)
    return INCOMPLETE;
  for (size_t j = 0; j < opt.value_size; ++j)
    if (p[line + j] != value_byte(r->key, j)) {
      report_error("GET returned another value: %.*s", p + line, opt.value_size);
      return WRONG;
    }
  return (long)total;
}

static long parse_http(const char *p, const char *end) {
  const char *head_end = NULL;
  for (const char *q = p; q + 3 < end; ++q)
    if (memcmp(q, "\r\n\r\n", 4) == 0) {
      head_end = q + 4;
      break;
    }
  if (!head_end)
    return end - p > MAX_RESPONSE_HEAD ? WRONG : INCOMPLETE;
  if (end - p < 12 || memcmp(p, "HTTP/1.1 200", 12) != 0) {
    report_error("HTTP answered %.*s", p, (size_t)(find_crlf(p, end) - p));
    return WRONG;
  }
  long long length = -1;
  for (const char *line = find_crlf(p, end) + 2; line < head_end - 2;
       line = find_crlf(line, end) + 2)
    if (strncasecmp(line, "Content-Length:", 15) == 0)
      length = strtoll(line + 15, NULL, 10);
  if (length < 0 || (opt.body_bytes >= 0 && length != opt.body_bytes)) {
    report_error("HTTP body length wrong: %.*s", p, (size_t)(head_end - p));
    return WRONG;
  }
  size_t total = (size_t)(head_end - p) + (size_t)length;
  if ((size_t)(end - p) < total)
    return INCOMPLETE;
  if (opt.body_bytes >= 0)
    for (long long j = 0; j < length; ++j)
      if (head_end[j] != (char)('a' + j % 26)) {
        report_error("HTTP body differs from the pattern: %.*s", head_end, (size_t)length);
        return WRONG;
      }
  return (long)total;
}

static long long measure_from, measure_until;

/* Takes every whole response from the input; -1 on a wrong one. */
static int take_responses(struct connection *c, long long now) {
  size_t used = 0;
  while (c->count) {
    struct request *r = &c->flight[c->head];
    const char *at = c->in + used, *end = c->in + c->in_len;
    long n = opt.http ? parse_http(at, end) : parse_resp(at, end, r);
    if (n == WRONG)
      return -1;
    if (n == INCOMPLETE)
      break;
    used += (size_t)n;
    if (now >= measure_from && now < measure_until) {
      result.requests++;
      result.bytes += (unsigned long long)n;
      result.histogram[bucket_of(now - r->due_ns)]++;
    }
    c->head = (c->head + 1) % c->ring;
    c->count--;
  }
  if (used == 0 && c->count == 0 && c->in_len)
    return -1; /* bytes nobody asked for */
  memmove(c->in, c->in + used, c->in_len - used);
  c->in_len -= used;
  return 0;
}

static int on_readable(struct connection *c, long long now) {
  for (;;) {
    if (c->in_cap - c->in_len < 4096) {
      size_t cap = c->in_cap * 2;
      char *in = realloc(c->in, cap);
      if (!in)
        return -1;
      c->in = in;
      c->in_cap = cap;
    }
    ssize_t n = recv(c->fd, c->in + c->in_len, c->in_cap - c->in_len, 0);
    if (n == 0)
      return -1;
    if (n < 0)
      return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
    c->in_len += (size_t)n;
    if (take_responses(c, now))
      return -1;
  }
}

/* Tops the connection up: DEPTH in flight (closed loop), or every request
 * now due (open loop; at most the ring's worth in flight, the rest late). */
static int top_up(struct connection *c, long long now) {
  if (now >= measure_until)
    return 0;
  if (opt.rate > 0) {
    long long step = (long long)(1e9 / opt.rate);
    while (c->next_due_ns <= now && c->count < c->ring) {
      if (queue_request(c, c->next_due_ns))
        return -1;
      c->next_due_ns += step;
    }
  } else {
    while (c->count < opt.depth)
      if (queue_request(c, now))
        return -1;
  }
  return flush_output(c);
}

static int parse_options(int argc, char **argv) {
  const char *host = NULL;
  unsigned port = 0;
  for (int i = 1; i < argc; i += 2) {
    const char *name = argv[i], *value = i + 1 < argc ? argv[i + 1] : NULL;
    if (!value || strncmp(name, "--", 2) != 0) {
      printf("loadgen: %s needs a value\n" USAGE, name);
      return -1;
    }
    name += 2;
    if (!strcmp(name, "proto") && (!strcmp(value, "http") || !strcmp(value, "resp")))
      opt.http = !strcmp(value, "http");
    else if (!strcmp(name, "host"))
      host = value;
    else if (!strcmp(name, "hosts"))
      opt.hosts = (unsigned)atoi(value);
    else if (!strcmp(name, "port"))
      port = (unsigned)atoi(value);
    else if (!strcmp(name, "connections"))
      opt.connections = (unsigned)atoi(value);
    else if (!strcmp(name, "pipeline"))
      opt.depth = (unsigned)atoi(value);
    else if (!strcmp(name, "rate"))
      opt.rate = atof(value);
    else if (!strcmp(name, "duration"))
      opt.duration = atof(value);
    else if (!strcmp(name, "warmup"))
      opt.warmup = atof(value);
    else if (!strcmp(name, "id"))
      opt.id = (unsigned)atoi(value);
    else if (!strcmp(name, "keys"))
      opt.keys = (unsigned)atoi(value);
    else if (!strcmp(name, "value-size"))
      opt.value_size = (size_t)atol(value);
    else if (!strcmp(name, "set-ratio"))
      opt.set_ratio = atof(value);
    else if (!strcmp(name, "path"))
      opt.path = value;
    else if (!strcmp(name, "bytes"))
      opt.body_bytes = atoll(value);
    else if (!strcmp(name, "connect-timeout"))
      opt.connect_timeout = atof(value);
    else {
      printf("loadgen: unknown option or value: --%s %s\n" USAGE, name, value);
      return -1;
    }
  }
  opt.server.sin6_family = AF_INET6;
  opt.server.sin6_port = htons((uint16_t)(port ? port : opt.http ? 80 : 6379));
  if (!host || inet_pton(AF_INET6, host, &opt.server.sin6_addr) != 1) {
    printf("loadgen: --host needs an IPv6 address\n" USAGE);
    return -1;
  }
  if (!opt.connections || !opt.hosts || !opt.depth || !opt.keys || opt.duration <= 0 ||
      opt.rate < 0 || opt.value_size > (1 << 20)) {
    printf("loadgen: --connections, --hosts, --pipeline, --keys and --duration must be above 0, "
           "--value-size at most 1 MiB\n");
    return -1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (parse_options(argc, argv))
    return 2;
  rng_state ^= (unsigned long long)opt.id * 0x9E3779B97F4A7C15ull;
  ep = epoll_create1(0);
  struct connection *all = calloc(opt.connections, sizeof *all);
  if (ep < 0 || !all) {
    printf("loadgen: out of memory or descriptors\n");
    return 1;
  }
  unsigned ring = opt.rate > 0 ? 256 : opt.depth;
  for (unsigned i = 0; i < opt.connections; ++i) {
    struct connection *c = &all[i];
    c->number = i;
    c->server = opt.server;
    uint32_t low =
        ((uint32_t)c->server.sin6_addr.s6_addr[12] << 24 |
         (uint32_t)c->server.sin6_addr.s6_addr[13] << 16 |
         (uint32_t)c->server.sin6_addr.s6_addr[14] << 8 | c->server.sin6_addr.s6_addr[15]) +
        i % opt.hosts;
    for (int byte = 15; byte >= 12; --byte, low >>= 8)
      c->server.sin6_addr.s6_addr[byte] = (uint8_t)low;
    c->ring = ring;
    c->in_cap = 8192;
    c->in = malloc(c->in_cap);
    c->flight = calloc(ring, sizeof *c->flight);
    c->key_set = calloc(opt.keys, 1);
    if (!c->in || !c->flight || !c->key_set || open_connection(c)) {
      printf("loadgen: connection %u to the server failed (errno %d %s)\n", i, errno,
             strerror(errno));
      return 1;
    }
  }
  long long start = now_ns();
  measure_from = start + (long long)(opt.warmup * 1e9);
  measure_until = measure_from + (long long)(opt.duration * 1e9);
  long long spread = opt.rate > 0 ? (long long)(1e9 / opt.rate) : 0;
  for (unsigned i = 0; i < opt.connections; ++i) {
    all[i].next_due_ns = start + spread * i / opt.connections; /* not all at once */
    if (top_up(&all[i], start)) {
      printf("loadgen: sending failed (errno %d %s)\n", errno, strerror(errno));
      return 1;
    }
  }
  struct epoll_event events[64];
  for (long long now = start; now < measure_until; now = now_ns()) {
    int timeout_ms = 100;
    if (opt.rate > 0) {
      /* epoll waits in whole milliseconds: below one it polls, so that a
       * request goes when it is due and its latency is the server's */
      long long next = measure_until;
      for (unsigned i = 0; i < opt.connections; ++i)
        if (all[i].next_due_ns < next)
          next = all[i].next_due_ns;
      timeout_ms = next > now ? (int)((next - now) / 1000000) : 0;
    }
    int ready = epoll_wait(ep, events, 64, timeout_ms);
    if (ready < 0 && errno != EINTR) {
      printf("loadgen: epoll_wait failed (errno %d)\n", errno);
      return 1;
    }
    now = now_ns();
    for (int i = 0; i < ready; ++i) {
      struct connection *c = events[i].data.ptr;
      int bad = (events[i].events & EPOLLOUT) && flush_output(c);
      if (!bad && events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP))
        bad = on_readable(c, now);
      if (bad) {
        result.errors += c->count ? c->count : 1;
        if (result.errors <= 5)
          printf("loadgen: connection %u broke with %u requests in flight (errno %d)\n", c->number,
                 c->count, errno);
        if (reopen(c)) {
          printf("loadgen: cannot reconnect (errno %d %s)\n", errno, strerror(errno));
          return 1;
        }
      }
    }
    for (unsigned i = 0; i < opt.connections; ++i)
      if (top_up(&all[i], now)) {
        printf("loadgen: sending failed (errno %d %s)\n", errno, strerror(errno));
        return 1;
      }
  }
  for (unsigned i = 0; i < opt.connections; ++i)
    close(all[i].fd);

  unsigned long long seen = 0, p50 = 0, p99 = 0, p999 = 0;
  for (unsigned b = 0; b < BUCKETS; ++b) {
    unsigned long long before = seen;
    seen += result.histogram[b];
    if (!result.histogram[b])
      continue;
    if (before < result.requests / 2 && seen >= result.requests / 2)
      p50 = (unsigned long long)bucket_floor(b);
    if (before < result.requests * 99 / 100 && seen >= result.requests * 99 / 100)
      p99 = (unsigned long long)bucket_floor(b);
    if (before < result.requests * 999 / 1000 && seen >= result.requests * 999 / 1000)
      p999 = (unsigned long long)bucket_floor(b);
  }
  printf("loadgen requests=%llu bytes=%llu errors=%llu reconnects=%llu seconds=%.3f "
         "per_second=%.0f p50_us=%.1f p99_us=%.1f p999_us=%.1f\n",
         result.requests, result.bytes, result.errors, result.reconnects, opt.duration,
         result.requests / opt.duration, p50 / 1e3, p99 / 1e3, p999 / 1e3);
  printf("loadgen histogram");
  for (unsigned b = 0; b < BUCKETS; ++b)
    if (result.histogram[b])
      printf(" %u:%llu", b, result.histogram[b]);
  printf("\n");
  return result.errors == 0 && result.requests > 0 ? 0 : 1;
}
