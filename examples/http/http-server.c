/* A static-file HTTP/1.1 server over epoll with non-blocking sockets: GET
 * and HEAD, keep-alive and pipelining. argv[1] port (80), argv[2] document
 * root ("."), argv[3] how many connections to serve before exiting (0: for
 * ever). Prints "served N connections, R requests". Ordinary POSIX: it
 * builds with gpu-c++ for every target and with gcc for Linux, unchanged.
 *
 * Sized for VMs of a few MiB: a request head must fit 8 KiB and 64 header
 * lines (431 otherwise); a body of at most 1 MiB is read and thrown away
 * (413 beyond that, or for any Transfer-Encoding, since its length is not
 * known up front); a path with a ".." segment gets 400 rather than being
 * resolved, so that the native build never leaves its root either. Files up
 * to 64 KiB are kept in memory and checked with stat at most once a second;
 * bigger ones are read 16 KiB at a time as the client takes them. A
 * connection answers at most PIECES / 2 pipelined requests before its
 * output drains, so a client that never reads holds a bounded amount; one
 * that does nothing for 60 s is closed. Past 4,096 connections at once, new
 * ones are accepted and closed. */
#define _GNU_SOURCE /* accept4 on Linux */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define DIE(...)                                                                                   \
  do {                                                                                             \
    printf("FAIL line %d: ", __LINE__);                                                            \
    printf(__VA_ARGS__);                                                                           \
    printf(" (errno %d %s)\n", errno, strerror(errno));                                            \
    exit(1);                                                                                       \
  } while (0)

enum {
  IN_SIZE = 8192,    /* a request head must fit */
  HEADS_SIZE = 2048, /* response heads waiting on one connection */
  HEAD_MAX = 512,    /* the longest head, error body included, we write */
  PIECES = 16,
  MAX_HEADERS = 64,
  MAX_CONNECTIONS = 4096,
  PATH_MAX_LENGTH = 1024,
  ROOT_MAX_LENGTH = 512,
  CHUNK = 16384,
  CACHE_FILE_MAX = 65536,
  CACHE_SLOTS = 64,
  CACHE_BYTES = 1 << 20,
  BODY_MAX = 1 << 20,
  IDLE_SECONDS = 60,
  LINGER_SECONDS = 5,
  READS_PER_EVENT = 8, /* then the other connections get their turn */
};

/* A file's bytes, shared by every response that sends them: the cache holds
 * one reference and each piece in flight another, so an entry replaced or
 * evicted while it is being sent lives until the last byte has left. */
struct cached {
  int refs;
  unsigned hash;
  unsigned long used; /* for eviction, least recently used first */
  time_t checked;
  dev_t dev;
  ino_t ino;
  struct timespec mtime;
  size_t size;
  const char *type;
  char *path;
  unsigned char data[];
};

/* What a connection still has to send, in order: a head (in its heads
 * buffer), a cached body, or a big file streamed through its chunk. */
struct piece {
  const unsigned char *data;
  size_t length;
  struct cached *hold;
  int file;        /* -1 unless streaming */
  off_t file_left; /* not yet read from it */
};

struct connection {
  int fd;
  int slot; /* in connections[] */
  unsigned events;
  int closing;   /* answer nothing more, then shut down */
  int peer_done; /* the client sent its FIN */
  int lingering; /* shut down; reading until the client closes */
  time_t deadline;
  long long discard; /* body bytes still to skip */
  size_t in_start, in_end;
  size_t heads_end;
  unsigned next, end; /* pieces[next..end) are queued */
  unsigned char *chunk;
  struct piece pieces[PIECES];
  unsigned char in[IN_SIZE];
  char heads[HEADS_SIZE];
};

static int ep, listener = -1, listening;
static long long to_serve, accepted, served, requests;
static struct connection *connections[MAX_CONNECTIONS];
static int open_connections;
static time_t now;
static char root[ROOT_MAX_LENGTH + 1];
static struct cached *cache[CACHE_SLOTS];
static size_t cache_bytes;
static unsigned long cache_tick;

static const char *reason(int status) {
  switch (status) {
  case 200:
    return "OK";
  case 400:
    return "Bad Request";
  case 403:
    return "Forbidden";
  case 404:
    return "Not Found";
  case 405:
    return "Method Not Allowed";
  case 413:
    return "Content Too Large";
  case 414:
    return "URI Too Long";
  case 431:
    return "Request Header Fields Too Large";
  case 505:
    return "HTTP Version Not Supported";
  default:
    return "Internal Server Error";
  }
}

static const char *content_type(const char *path) {
  static const char *const types[][2] = {
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"txt", "text/plain; charset=utf-8"},
      {"css", "text/css"},
      {"js", "text/javascript"},
      {"json", "application/json"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"svg", "image/svg+xml"},
  };
  const char *dot = strrchr(path, '.');
  if (dot && !strchr(dot, '/'))
    for (size_t i = 0; i < sizeof types / sizeof types[0]; ++i)
      if (!strcasecmp(dot + 1, types[i][0]))
        return types[i][1];
  return "application/octet-stream";
}

/* Formatted once a second, not once a response. */
static const char *date(void) {
  static char text[40];
  static time_t at = -1;
  if (at != now) {
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    at = now;
  }
  return text;
}

static void release(struct cached *entry) {
  if (--entry->refs == 0)
    free(entry);
}

static void cache_drop(int slot) {
  cache_bytes -= sizeof *cache[slot] + cache[slot]->size;
  release(cache[slot]);
  cache[slot] = NULL;
}

static unsigned hash(const char *text) {
  unsigned h = 2166136261u;
  while (*text)
    h = (h ^ (unsigned char)*text++) * 16777619u;
  return h;
}

static int same_file(const struct cached *entry, const struct stat *st) {
  return S_ISREG(st->st_mode) && entry->dev == st->st_dev && entry->ino == st->st_ino &&
         entry->size == (size_t)st->st_size && entry->mtime.tv_sec == st->st_mtim.tv_sec &&
         entry->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

static struct cached *cache_find(const char *path, unsigned h) {
  for (int i = 0; i < CACHE_SLOTS; ++i) {
    struct cached *entry = cache[i];
    if (!entry || entry->hash != h || strcmp(entry->path, path))
      continue;
    if (entry->checked != now) {
      struct stat st;
      if (stat(path, &st) || !same_file(entry, &st)) {
        cache_drop(i);
        return NULL;
      }
      entry->checked = now;
    }
    entry->used = ++cache_tick;
    return entry;
  }
  return NULL;
}

/* NULL when the file is too big or there is no room: then it is streamed. */
static struct cached *cache_add(const char *path, unsigned h, int file, const struct stat *st) {
  size_t size = (size_t)st->st_size, path_length = strlen(path);
  if (size > CACHE_FILE_MAX)
    return NULL;
  for (;;) {
    int free_slot = -1, oldest = -1;
    for (int i = 0; i < CACHE_SLOTS; ++i) {
      if (!cache[i])
        free_slot = i;
      else if (oldest < 0 || cache[i]->used < cache[oldest]->used)
        oldest = i;
    }
    if (free_slot >= 0 && cache_bytes + sizeof(struct cached) + size <= CACHE_BYTES) {
      struct cached *entry = malloc(sizeof *entry + size + path_length + 1);
      if (!entry)
        return NULL;
      size_t got = 0;
      ssize_t n;
      while (got < size && (n = read(file, entry->data + got, size - got)) > 0)
        got += (size_t)n;
      /* A file that shrank meanwhile is served as read; its new mtime
       * makes the next second's check reload it. */
      entry->refs = 1;
      entry->hash = h;
      entry->used = ++cache_tick;
      entry->checked = now;
      entry->dev = st->st_dev;
      entry->ino = st->st_ino;
      entry->mtime = st->st_mtim;
      entry->size = got;
      entry->type = content_type(path);
      entry->path = (char *)entry->data + size;
      memcpy(entry->path, path, path_length + 1);
      cache[free_slot] = entry;
      cache_bytes += sizeof *entry + got;
      return entry;
    }
    if (oldest < 0)
      return NULL;
    cache_drop(oldest);
  }
}

static int pending(const struct connection *c) {
  return c->next < c->end;
}

static void queue(struct connection *c, const void *data, size_t length, struct cached *hold,
                  int file, off_t file_left) {
  c->pieces[c->end++] = (struct piece){data, length, hold, file, file_left};
  if (hold)
    ++hold->refs;
}

static char *put(char *out, const char *text) {
  size_t n = strlen(text);
  memcpy(out, text, n);
  return out + n;
}

static char *put_number(char *out, long long n) {
  char digits[20];
  int k = 0;
  do
    digits[k++] = (char)('0' + n % 10);
  while ((n /= 10) > 0);
  while (k)
    *out++ = digits[--k];
  return out;
}

/* Appends a head to the heads buffer, which the caller has checked has
 * HEAD_MAX bytes free; an error's body, its status in words, goes with it.
 * Put together by hand rather than by snprintf: this runs for every
 * response, and a format interpreter is slow on a GPU thread. */
static void respond(struct connection *c, int status, const char *type, long long length,
                    int head_only, int keep_alive) {
  const char *words = reason(status);
  if (status != 200) {
    type = "text/plain; charset=utf-8";
    length = (long long)strlen(words) + sizeof "404 \n" - 1;
  }
  char *start = c->heads + c->heads_end, *out = start;
  out = put(out, "HTTP/1.1 ");
  out = put_number(out, status);
  *out++ = ' ';
  out = put(out, words);
  out = put(out, "\r\nServer: gpuvm-example\r\nDate: ");
  out = put(out, date());
  out = put(out, "\r\nContent-Type: ");
  out = put(out, type);
  out = put(out, "\r\nContent-Length: ");
  out = put_number(out, length);
  out = put(out, keep_alive ? "\r\nConnection: keep-alive\r\n" : "\r\nConnection: close\r\n");
  if (status == 405)
    out = put(out, "Allow: GET, HEAD\r\n");
  out = put(out, "\r\n");
  if (status != 200 && !head_only) {
    out = put_number(out, status);
    *out++ = ' ';
    out = put(out, words);
    *out++ = '\n';
  }
  c->heads_end += (size_t)(out - start);
  queue(c, start, (size_t)(out - start), NULL, -1, 0);
  if (!keep_alive)
    c->closing = 1;
  ++requests;
}

static void fail(struct connection *c, int status, int head_only, int keep_alive) {
  respond(c, status, NULL, 0, head_only, keep_alive);
}

static void serve_file(struct connection *c, const char *path, int head_only, int keep_alive) {
  unsigned h = hash(path);
  struct cached *entry = cache_find(path, h);
  if (!entry) {
    int file = open(path, O_RDONLY);
    if (file < 0) {
      int status = errno == ENOENT || errno == ENOTDIR || errno == ENAMETOOLONG ? 404
                   : errno == EACCES                                            ? 403
                                                                                : 500;
      fail(c, status, head_only, keep_alive);
      return;
    }
    struct stat st;
    if (fstat(file, &st) || !S_ISREG(st.st_mode)) {
      close(file);
      fail(c, 404, head_only, keep_alive);
      return;
    }
    entry = cache_add(path, h, file, &st);
    if (!entry) {
      respond(c, 200, content_type(path), (long long)st.st_size, head_only, keep_alive);
      if (head_only || st.st_size == 0)
        close(file);
      else
        queue(c, NULL, 0, NULL, file, st.st_size);
      return;
    }
    close(file);
  }
  respond(c, 200, entry->type, (long long)entry->size, head_only, keep_alive);
  if (!head_only && entry->size)
    queue(c, entry->data, entry->size, entry, -1, 0);
}

static int hex(int digit) {
  if (digit >= '0' && digit <= '9')
    return digit - '0';
  if (digit >= 'a' && digit <= 'f')
    return digit - 'a' + 10;
  if (digit >= 'A' && digit <= 'F')
    return digit - 'A' + 10;
  return -1;
}

/* The file a request target names, under root: 0, or the status that
 * refuses it. */
static int resolve(const char *target, size_t length, char *path) {
  const char *end = target + length;
  if (length > 7 && !strncasecmp(target, "http://", 7)) { /* absolute-form */
    target += 7;
    while (target < end && *target != '/')
      ++target;
    if (target == end) {
      target = "/";
      end = target + 1;
    }
  }
  if (*target != '/')
    return 400;
  if (length > PATH_MAX_LENGTH)
    return 414;
  size_t root_length = strlen(root), n = root_length;
  memcpy(path, root, root_length);
  for (const char *p = target; p < end && *p != '?' && *p != '#'; ++p) {
    int byte = (unsigned char)*p;
    if (byte == '%') {
      int high = p + 2 < end ? hex(p[1]) : -1, low = high >= 0 ? hex(p[2]) : -1;
      if (low < 0 || (high | low) == 0)
        return 400;
      byte = high << 4 | low;
      p += 2;
    }
    path[n++] = (char)byte;
  }
  path[n] = '\0';
  for (const char *segment = path + root_length; segment; segment = strchr(segment + 1, '/'))
    if (!strncmp(segment, "/..", 3) && (segment[3] == '/' || segment[3] == '\0'))
      return 400;
  if (path[n - 1] == '/')
    memcpy(path + n, "index.html", sizeof "index.html");
  return 0;
}

static int is_token(int byte) {
  return byte > 0x20 && byte < 0x7f && !strchr("\"(),/:;<=>?@[\\]{}", byte);
}

/* The end of the line at p (its '\n' or `end`), with the length of its text
 * in *length, a final '\r' left out. */
static const unsigned char *line_end(const unsigned char *p, const unsigned char *end,
                                     size_t *length) {
  const unsigned char *newline = memchr(p, '\n', (size_t)(end - p));
  if (!newline)
    newline = end;
  *length = (size_t)(newline - p) - (newline > p && newline[-1] == '\r');
  return newline;
}

static int has_token(const unsigned char *value, size_t length, const char *token) {
  size_t token_length = strlen(token);
  const unsigned char *end = value + length;
  while (value < end) {
    while (value < end && (*value == ' ' || *value == '\t' || *value == ','))
      ++value;
    const unsigned char *start = value;
    while (value < end && *value != ',' && *value != ' ' && *value != '\t')
      ++value;
    if ((size_t)(value - start) == token_length &&
        !strncasecmp((const char *)start, token, token_length))
      return 1;
  }
  return 0;
}

struct request {
  const unsigned char *method, *target;
  size_t method_length, target_length;
  int head_only, http11, keep_alive, close, hosts, chunked, expect;
  long long content_length; /* -1: none given */
};

static int visible(int byte) {
  return byte > 0x20 && byte < 0x7f;
}

/* Reads the request line [p, stop) into r: 0, or the status that refuses it. */
static int request_line(struct request *r, const unsigned char *p, const unsigned char *stop) {
  r->method = p;
  while (p < stop && is_token(*p))
    ++p;
  r->method_length = (size_t)(p - r->method);
  if (!r->method_length || p == stop || *p++ != ' ')
    return 400;
  r->target = p;
  while (p < stop && visible(*p))
    ++p;
  r->target_length = (size_t)(p - r->target);
  r->head_only = r->method_length == 4 && !memcmp(r->method, "HEAD", 4);
  if (!r->target_length || p == stop || *p++ != ' ' || stop - p != 8 || memcmp(p, "HTTP/", 5) ||
      p[5] < '0' || p[5] > '9' || p[6] != '.' || p[7] < '0' || p[7] > '9')
    return 400;
  if (p[5] != '1')
    return 505;
  r->http11 = p[7] != '0';
  r->keep_alive = r->http11;
  return 0;
}

static int named(const unsigned char *name, size_t length, const char *header) {
  return length == strlen(header) && !strncasecmp((const char *)name, header, length);
}

/* Reads one header line [p, stop) into r: 0, or the status that refuses it. */
static int header_line(struct request *r, const unsigned char *p, const unsigned char *stop) {
  const unsigned char *name = p;
  while (p < stop && is_token(*p))
    ++p;
  size_t name_length = (size_t)(p - name);
  if (!name_length || p == stop || *p++ != ':')
    return 400;
  while (p < stop && (*p == ' ' || *p == '\t'))
    ++p;
  while (stop > p && (stop[-1] == ' ' || stop[-1] == '\t'))
    --stop;
  const unsigned char *value = p;
  size_t value_length = (size_t)(stop - value);
  for (; p < stop; ++p)
    if (!visible(*p) && *p != ' ' && *p != '\t' && *p < 0x80)
      return 400;
  if (named(name, name_length, "host")) {
    ++r->hosts;
  } else if (named(name, name_length, "connection")) {
    r->close |= has_token(value, value_length, "close");
    r->keep_alive |= has_token(value, value_length, "keep-alive");
  } else if (named(name, name_length, "expect")) {
    r->expect = 1;
  } else if (named(name, name_length, "transfer-encoding")) {
    r->chunked = 1;
  } else if (named(name, name_length, "content-length")) {
    long long n = 0;
    for (p = value; p < stop; ++p) {
      if (*p < '0' || *p > '9')
        return 400;
      if (n <= BODY_MAX) /* beyond, only "too big" matters */
        n = n * 10 + (*p - '0');
    }
    if (!value_length || (r->content_length >= 0 && r->content_length != n))
      return 400;
    r->content_length = n;
  }
  return 0;
}

/* Answers the request whose head is [p, end), end just past its blank line. */
static void answer(struct connection *c, const unsigned char *p, const unsigned char *end) {
  struct request r = {.content_length = -1};
  size_t length;
  const unsigned char *eol = line_end(p, end, &length);
  int status = request_line(&r, p, p + length), headers = 0;
  for (p = eol + 1; !status && p < end; p = eol + 1) {
    eol = line_end(p, end, &length);
    if (!length)
      break;
    status = ++headers > MAX_HEADERS ? 431 : header_line(&r, p, p + length);
  }
  if (!status && r.http11 && r.hosts != 1)
    status = 400;
  if (!status && (r.chunked || r.content_length > BODY_MAX))
    status = 413;
  if (status) {
    fail(c, status, r.head_only, 0);
    return;
  }
  int keep_alive = r.keep_alive && !r.close;
  if (r.content_length > 0) {
    c->discard = r.content_length;
    /* The client may be waiting for a 100 Continue, and then never sends
     * the body we would skip: the answer ends the connection instead. */
    if (r.expect)
      keep_alive = 0;
  }
  if (!r.head_only && !(r.method_length == 3 && !memcmp(r.method, "GET", 3))) {
    fail(c, 405, 0, keep_alive);
    return;
  }
  char path[ROOT_MAX_LENGTH + PATH_MAX_LENGTH + sizeof "index.html"];
  status = resolve((const char *)r.target, r.target_length, path);
  if (status)
    fail(c, status, r.head_only, status == 414 && keep_alive);
  else
    serve_file(c, path, r.head_only, keep_alive);
}

/* Answers the complete requests in the input while there is room to queue
 * their responses. */
static void parse(struct connection *c) {
  while (!c->closing && c->end + 2 <= PIECES && c->heads_end + HEAD_MAX <= HEADS_SIZE) {
    if (c->discard) {
      size_t have = c->in_end - c->in_start;
      size_t skip = (long long)have < c->discard ? have : (size_t)c->discard;
      c->in_start += skip;
      c->discard -= (long long)skip;
      if (c->discard)
        return;
    }
    const unsigned char *p = c->in + c->in_start, *end = c->in + c->in_end;
    while (p < end && (*p == '\r' || *p == '\n')) /* RFC 9112 2.2: ignore blank lines first */
      ++p;
    c->in_start = (size_t)(p - c->in);
    const unsigned char *head_end = NULL;
    for (const unsigned char *q = p; (q = memchr(q, '\n', (size_t)(end - q))) && ++q < end;) {
      if (*q == '\n' || (*q == '\r' && q + 1 < end && q[1] == '\n')) {
        head_end = q + (*q == '\r') + 1;
        break;
      }
    }
    if (!head_end) {
      if (c->in_end - c->in_start == IN_SIZE)
        fail(c, 431, 0, 0);
      return;
    }
    c->in_start = (size_t)(head_end - c->in);
    answer(c, p, head_end);
  }
}

static void finish(struct connection *c, struct piece *piece) {
  if (piece->hold)
    release(piece->hold);
  if (piece->file >= 0) {
    close(piece->file);
    free(c->chunk);
    c->chunk = NULL;
  }
}

/* Sends what is queued until done or the socket is full; -1 when the
 * connection cannot go on. */
static int flush(struct connection *c) {
  while (pending(c)) {
    struct iovec iov[PIECES];
    int n = 0;
    for (unsigned i = c->next; i < c->end; ++i) {
      struct piece *piece = &c->pieces[i];
      if (piece->file >= 0 && piece->length == 0) {
        if (i != c->next)
          break;
        if (!c->chunk && !(c->chunk = malloc(CHUNK)))
          return -1;
        ssize_t got = read(piece->file, c->chunk,
                           piece->file_left < CHUNK ? (size_t)piece->file_left : CHUNK);
        if (got <= 0) /* it shrank: the Content-Length sent can no longer be kept */
          return -1;
        piece->data = c->chunk;
        piece->length = (size_t)got;
        piece->file_left -= got;
      }
      iov[n++] = (struct iovec){(void *)piece->data, piece->length};
      if (piece->file >= 0) /* the chunk is refilled before anything after it goes */
        break;
    }
    struct msghdr message = {.msg_iov = iov, .msg_iovlen = (size_t)n};
    ssize_t sent = sendmsg(c->fd, &message, MSG_NOSIGNAL);
    if (sent < 0)
      return errno == EAGAIN || errno == EINTR ? 0 : -1;
    c->deadline = now + IDLE_SECONDS;
    size_t left = (size_t)sent;
    while (pending(c)) {
      struct piece *piece = &c->pieces[c->next];
      size_t take = left < piece->length ? left : piece->length;
      piece->data += take;
      piece->length -= take;
      left -= take;
      if (piece->length || (piece->file >= 0 && piece->file_left))
        break;
      finish(c, piece);
      ++c->next;
    }
    if (pending(c) && c->pieces[c->next].length)
      return 0; /* the socket took less than offered: it is full */
  }
  c->next = c->end = 0;
  c->heads_end = 0;
  return 0;
}

static void drop(struct connection *c) {
  for (unsigned i = c->next; i < c->end; ++i)
    finish(c, &c->pieces[i]);
  close(c->fd); /* which takes it out of the epoll set too */
  connections[c->slot] = connections[--open_connections];
  connections[c->slot]->slot = c->slot;
  free(c);
  ++served;
}

static void watch(struct connection *c, unsigned events) {
  if (c->events == events)
    return;
  struct epoll_event ev = {.events = events, .data.ptr = c};
  if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev))
    DIE("epoll mod");
  c->events = events;
}

static void handle(struct connection *c) {
  if (c->lingering) { /* so that our close sends no reset that could destroy the last answer */
    for (int reads = 0; reads < READS_PER_EVENT; ++reads) {
      ssize_t got = recv(c->fd, c->in, IN_SIZE, 0);
      if (got < 0 && (errno == EAGAIN || errno == EINTR))
        return;
      if (got <= 0) {
        drop(c);
        return;
      }
    }
    return;
  }
  for (int reads = 0;;) {
    if (flush(c)) {
      drop(c);
      return;
    }
    if (pending(c)) /* backed up: read nothing more until it drains */
      break;
    parse(c);
    if (pending(c))
      continue;
    if (c->closing || c->peer_done || reads++ == READS_PER_EVENT)
      break;
    if (c->in_start) {
      memmove(c->in, c->in + c->in_start, c->in_end - c->in_start);
      c->in_end -= c->in_start;
      c->in_start = 0;
    }
    ssize_t got = recv(c->fd, c->in + c->in_end, IN_SIZE - c->in_end, 0);
    if (got > 0) {
      c->in_end += (size_t)got;
      c->deadline = now + IDLE_SECONDS;
    } else if (got == 0) {
      c->peer_done = 1;
    } else if (errno == EAGAIN || errno == EINTR) {
      break;
    } else {
      drop(c);
      return;
    }
  }
  if (pending(c)) {
    watch(c, EPOLLOUT);
  } else if (c->peer_done) {
    drop(c);
  } else if (c->closing) {
    shutdown(c->fd, SHUT_WR);
    c->lingering = 1;
    c->deadline = now + LINGER_SECONDS;
    watch(c, EPOLLIN);
  } else {
    watch(c, EPOLLIN);
  }
}

static void listen_again(int on) {
  struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
  if (epoll_ctl(ep, on ? EPOLL_CTL_ADD : EPOLL_CTL_DEL, listener, &ev))
    DIE("epoll listener");
  listening = on;
}

static void accept_all(void) {
  while (listener >= 0) {
    int fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED)
        continue;
      if (errno != EAGAIN) /* out of descriptors or memory: try again in a second */
        listen_again(0);
      return;
    }
    struct connection *c = open_connections < MAX_CONNECTIONS ? malloc(sizeof *c) : NULL;
    if (!c) { /* refused, so that those already open keep their memory */
      close(fd);
      continue;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev)) {
      close(fd);
      free(c);
      continue;
    }
    c->fd = fd;
    c->slot = open_connections;
    c->events = EPOLLIN;
    c->closing = c->peer_done = c->lingering = 0;
    c->deadline = now + IDLE_SECONDS;
    c->discard = 0;
    c->in_start = c->in_end = c->heads_end = 0;
    c->next = c->end = 0;
    c->chunk = NULL;
    connections[open_connections++] = c;
    if (++accepted == to_serve) {
      close(listener);
      listener = -1;
    }
  }
}

int main(int argc, char **argv) {
  char *port_end = "", *count_end = "";
  long port = argc > 1 ? strtol(argv[1], &port_end, 10) : 80;
  if (argc > 3)
    strtoll(argv[3], &count_end, 10);
  if (*port_end || *count_end || port < 1 || port > 65535 || argc > 4) {
    printf("usage: http-server [PORT [DOCROOT [CONNECTIONS]]]: a port of 1 to 65535, the "
           "document root, and how many connections to serve (0: for ever)\n");
    return 2;
  }
  const char *docroot = argc > 2 ? argv[2] : ".";
  to_serve = argc > 3 ? atoll(argv[3]) : 0;
  size_t root_length = strlen(docroot);
  if (root_length > ROOT_MAX_LENGTH)
    DIE("document root longer than %d bytes", ROOT_MAX_LENGTH);
  while (root_length > 0 && docroot[root_length - 1] == '/') /* the path brings its own */
    --root_length;
  memcpy(root, docroot, root_length);

  /* As production servers do: as many connections as the hard limit allows. */
  struct rlimit files;
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  struct sockaddr_in6 any = {.sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port)};
  listener = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int one = 1;
  if (listener < 0 || setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
      setsockopt(listener, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) ||
      bind(listener, (struct sockaddr *)&any, sizeof any) || listen(listener, 1024))
    DIE("listen on %ld", port);
  ep = epoll_create1(0);
  if (ep < 0)
    DIE("epoll");
  listen_again(1);

  struct epoll_event events[64];
  time_t swept = 0;
  while (listener >= 0 || open_connections > 0) {
    int n = epoll_wait(ep, events, 64, open_connections || !listening ? 1000 : -1);
    if (n < 0 && errno != EINTR)
      DIE("epoll_wait");
    now = time(NULL);
    for (int i = 0; i < n; ++i) {
      if (events[i].data.ptr)
        handle(events[i].data.ptr);
      else
        accept_all();
    }
    if (now != swept) {
      swept = now;
      for (int i = open_connections - 1; i >= 0; --i)
        if (connections[i]->deadline <= now)
          drop(connections[i]);
      if (listener >= 0 && !listening)
        listen_again(1);
    }
  }
  printf("served %lld connections, %lld requests\n", served, requests);
  return 0;
}
