/* A Redis-protocol (RESP2) key-value server over epoll: PING, ECHO, GET,
 * SET (EX/PX/NX/XX), DEL, EXISTS, INCR/DECR/INCRBY/DECRBY, MGET/MSET,
 * EXPIRE/PEXPIRE/TTL/PTTL, FLUSHDB/FLUSHALL, DBSIZE, INFO, SELECT 0, QUIT;
 * inline and multibulk commands, pipelining, and Redis's own error replies.
 * argv[1] port (6379), argv[2] how many connections to serve before exiting
 * (0: for ever). Prints "served N connections, C commands" at exit.
 *
 * Ordinary POSIX: it builds with gpu-c++ for every target and with gcc for
 * Linux, unchanged. It listens with SO_REUSEPORT so that a native baseline
 * can run one process per core on one port (each with its own store, as
 * Redis Cluster's shards are). Limits, each answered as Redis answers a
 * protocol error (the reply, then the connection closed): 1,024 arguments
 * per command, 1 MiB per argument, 64 KiB per inline command. A failed
 * allocation answers -OOM, as Redis does at its maxmemory.
 *
 * Built by gpu-c++ with -DKV_ZERO_COPY, it receives and replies through
 * <gpuvm/zerocopy.h> instead of recv/send: what that API buys is measured
 * by bench/serve/run (kind kv-zc beside kv). */
#define _GNU_SOURCE /* accept4 on Linux */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#ifdef KV_ZERO_COPY /* gpu-c++ only: the VM's zero-copy socket API */
#include <gpuvm/zerocopy.h>
#endif

#define MAX_ARGS 1024
#define MAX_BULK (1 << 20)
#define MAX_INLINE (64 << 10)
/* Output above this stops the reading of more commands from that client
 * until it drains: a client that pipelines without reading costs bounded
 * memory. */
#define OUTPUT_HIGH_WATER (256 << 10)
#define MAX_CONNECTIONS 4096
/* Input is read this much at a time, and a buffer larger than this is
 * given back once empty: a VM of 1 MiB serves a few dozen connections. */
#define READ_SIZE 4096
#define IDLE_BUFFER 16384

#define DIE(...)                                                                                   \
  do {                                                                                             \
    printf("FAIL line %d: ", __LINE__);                                                            \
    printf(__VA_ARGS__);                                                                           \
    printf(" (errno %d %s)\n", errno, strerror(errno));                                            \
    exit(1);                                                                                       \
  } while (0)

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- the store: a chained hash table of strings with optional expiry ---- */

struct entry {
  struct entry *next;
  uint64_t hash;
  long long expires_ms; /* 0: never */
  size_t key_len, value_len;
  char bytes[]; /* key, then value */
};

static struct {
  struct entry **buckets;
  size_t bucket_count, count, with_expiry;
  size_t sweep_cursor; /* where the active expiry goes on */
  unsigned long long hits, misses, commands, connections;
  long long started_ms;
} db;

static uint64_t hash_of(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (size_t i = 0; i < n; ++i)
    h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

static int expired(const struct entry *e, long long now) {
  return e->expires_ms != 0 && e->expires_ms <= now;
}

static void unlink_entry(struct entry **slot) {
  struct entry *e = *slot;
  *slot = e->next;
  db.count--;
  if (e->expires_ms)
    db.with_expiry--;
  free(e);
}

/* The slot that points at KEY's entry (NULL when absent or expired, which
 * is then removed: Redis's lazy expiry). */
static struct entry **find(const char *key, size_t len) {
  if (!db.bucket_count)
    return NULL;
  uint64_t h = hash_of(key, len);
  struct entry **slot = &db.buckets[h & (db.bucket_count - 1)];
  for (; *slot; slot = &(*slot)->next) {
    struct entry *e = *slot;
    if (e->hash == h && e->key_len == len && memcmp(e->bytes, key, len) == 0) {
      if (expired(e, now_ms())) {
        unlink_entry(slot);
        return NULL;
      }
      return slot;
    }
  }
  return NULL;
}

static int grow(void) {
  size_t count = db.bucket_count ? db.bucket_count * 2 : 64;
  struct entry **buckets = calloc(count, sizeof *buckets);
  if (!buckets)
    return -1;
  for (size_t b = 0; b < db.bucket_count; ++b)
    for (struct entry *e = db.buckets[b], *next; e; e = next) {
      next = e->next;
      e->next = buckets[e->hash & (count - 1)];
      buckets[e->hash & (count - 1)] = e;
    }
  free(db.buckets);
  db.buckets = buckets;
  db.bucket_count = count;
  db.sweep_cursor = 0;
  return 0;
}

/* Stores KEY = VALUE, replacing what was there; -1 when memory ran out (the
 * old value is then kept). */
static int store(const char *key, size_t key_len, const char *value, size_t value_len,
                 long long expires_ms) {
  if (db.count >= db.bucket_count && grow() && !db.bucket_count)
    return -1;
  struct entry *e = malloc(sizeof *e + key_len + value_len);
  if (!e)
    return -1;
  struct entry **old = find(key, key_len);
  if (old)
    unlink_entry(old);
  e->hash = hash_of(key, key_len);
  e->expires_ms = expires_ms;
  e->key_len = key_len;
  e->value_len = value_len;
  memcpy(e->bytes, key, key_len);
  memcpy(e->bytes + key_len, value, value_len);
  struct entry **bucket = &db.buckets[e->hash & (db.bucket_count - 1)];
  e->next = *bucket;
  *bucket = e;
  db.count++;
  if (expires_ms)
    db.with_expiry++;
  return 0;
}

static void flush(void) {
  for (size_t b = 0; b < db.bucket_count; ++b)
    while (db.buckets[b])
      unlink_entry(&db.buckets[b]);
}

/* Active expiry: a few buckets per turn of the event loop, so that keys
 * nobody reads again still go. */
static void sweep_expired(void) {
  if (!db.with_expiry)
    return;
  long long now = now_ms();
  for (int n = 0; n < 16; ++n) {
    db.sweep_cursor = (db.sweep_cursor + 1) & (db.bucket_count - 1);
    for (struct entry **slot = &db.buckets[db.sweep_cursor]; *slot;)
      if (expired(*slot, now))
        unlink_entry(slot);
      else
        slot = &(*slot)->next;
  }
}

/* ---- connections ---- */

struct buffer {
  char *data;
  size_t start, end, capacity;
};

struct connection {
  int fd;
  int closing;       /* answer what is queued, then close */
  unsigned watching; /* the epoll events registered */
  struct buffer in, out;
};

/* Room for N more bytes at the end; -1 when memory ran out. */
static int reserve(struct buffer *b, size_t n) {
  if (b->start == b->end && b->capacity > IDLE_BUFFER) {
    /* a big command or reply has gone: an idle connection keeps little */
    free(b->data);
    b->data = NULL;
    b->capacity = 0;
  }
  if (b->start && b->start == b->end)
    b->start = b->end = 0;
  if (b->capacity - b->end >= n)
    return 0;
  if (b->start) {
    memmove(b->data, b->data + b->start, b->end - b->start);
    b->end -= b->start;
    b->start = 0;
    if (b->capacity - b->end >= n)
      return 0;
  }
  size_t capacity = b->capacity ? b->capacity : 1024;
  while (capacity - b->end < n)
    capacity *= 2;
  char *data = realloc(b->data, capacity);
  if (!data)
    return -1;
  b->data = data;
  b->capacity = capacity;
  return 0;
}

/* ---- replies ---- */

static struct connection *client; /* the one whose commands run now */
static int out_of_memory;         /* a reply could not be queued */

#ifdef KV_ZERO_COPY
/* Room reserved in the socket's own send buffer: replies are written there
 * directly while nothing waits in the connection's output buffer (order). */
static char *direct;
static size_t direct_used, direct_room;
/* Asked of the send buffer per batch of commands: what a batch of small
 * replies needs (more would make the stack hold a full window for every
 * connection); bigger replies go through the output buffer. */
#define DIRECT_ROOM 4096
#endif

static void put(const void *bytes, size_t n) {
#ifdef KV_ZERO_COPY
  if (direct && client->out.start == client->out.end && direct_room - direct_used >= n) {
    memcpy(direct + direct_used, bytes, n);
    direct_used += n;
    return;
  }
#endif
  if (reserve(&client->out, n)) {
    out_of_memory = 1;
    return;
  }
  memcpy(client->out.data + client->out.end, bytes, n);
  client->out.end += n;
}

static void put_str(const char *s) {
  put(s, strlen(s));
}

static void reply_status(const char *s) {
  put("+", 1);
  put_str(s);
  put("\r\n", 2);
}

static void reply_error(const char *s) {
  char line[320];
  size_t n = 0;
  line[n++] = '-';
  /* an argument quoted in the text must not end the reply's line early */
  for (; *s && n < sizeof line - 2; ++s)
    line[n++] = *s == '\r' || *s == '\n' ? ' ' : *s;
  line[n++] = '\r';
  line[n++] = '\n';
  put(line, n);
}

static void reply_int(long long v) {
  char text[32];
  put(text, (size_t)snprintf(text, sizeof text, ":%lld\r\n", v));
}

static void reply_bulk(const char *s, size_t n) {
  char text[32];
  put(text, (size_t)snprintf(text, sizeof text, "$%zu\r\n", n));
  put(s, n);
  put("\r\n", 2);
}

static void reply_null(void) {
  put("$-1\r\n", 5);
}

static void reply_array(size_t n) {
  char text[32];
  put(text, (size_t)snprintf(text, sizeof text, "*%zu\r\n", n));
}

#define OOM_TEXT "OOM command not allowed when used memory > 'maxmemory'."
static const char OOM[] = OOM_TEXT;
static const char NOT_INTEGER[] = "ERR value is not an integer or out of range";

/* ---- commands ---- */

struct arg {
  const char *s;
  size_t n;
};

static struct arg argv_[MAX_ARGS]; /* global: a VM's stack is small */
static size_t argc_;

static int is(const struct arg *a, const char *word) {
  return a->n == strlen(word) && strncasecmp(a->s, word, a->n) == 0;
}

/* A whole decimal integer in the range of long long, as Redis parses one. */
static int parse_integer(const struct arg *a, long long *out) {
  if (a->n == 0 || a->n > 20)
    return -1;
  char text[24];
  memcpy(text, a->s, a->n);
  text[a->n] = 0;
  if (text[0] == '+' || (text[0] == '0' && a->n > 1) || (text[0] == '-' && text[1] == '0'))
    return -1;
  char *end;
  errno = 0;
  long long v = strtoll(text, &end, 10);
  if (errno || *end || end == text)
    return -1;
  *out = v;
  return 0;
}

static void wrong_arity(const struct arg *name) {
  char text[128];
  int prefix = snprintf(text, sizeof text, "ERR wrong number of arguments for '");
  int n = prefix + snprintf(text + prefix, sizeof text - (size_t)prefix, "%.*s' command",
                            (int)(name->n < 64 ? name->n : 64), name->s);
  for (char *c = text + prefix; c < text + n && *c != '\''; ++c) /* Redis names it in lower case */
    if (*c >= 'A' && *c <= 'Z')
      *c = (char)(*c - 'A' + 'a');
  reply_error(text);
}

static void cmd_set(void) {
  long long expires = 0;
  int nx = 0, xx = 0;
  for (size_t i = 3; i < argc_; ++i) {
    long long amount;
    if (is(&argv_[i], "NX") && !xx)
      nx = 1;
    else if (is(&argv_[i], "XX") && !nx)
      xx = 1;
    else if ((is(&argv_[i], "EX") || is(&argv_[i], "PX")) && !expires && i + 1 < argc_) {
      int seconds = is(&argv_[i], "EX");
      if (parse_integer(&argv_[++i], &amount)) {
        reply_error(NOT_INTEGER);
        return;
      }
      if (amount <= 0 || amount > LLONG_MAX / 1000 - now_ms()) {
        reply_error("ERR invalid expire time in 'set' command");
        return;
      }
      expires = now_ms() + (seconds ? amount * 1000 : amount);
    } else {
      reply_error("ERR syntax error");
      return;
    }
  }
  int exists = find(argv_[1].s, argv_[1].n) != NULL;
  if ((nx && exists) || (xx && !exists)) {
    reply_null();
    return;
  }
  if (store(argv_[1].s, argv_[1].n, argv_[2].s, argv_[2].n, expires)) {
    reply_error(OOM);
    return;
  }
  reply_status("OK");
}

static void cmd_get(void) {
  struct entry **e = find(argv_[1].s, argv_[1].n);
  if (!e) {
    db.misses++;
    {
      reply_null();
      return;
    }
  }
  db.hits++;
  reply_bulk((*e)->bytes + (*e)->key_len, (*e)->value_len);
}

static void cmd_incr_by(long long delta) {
  struct entry **e = find(argv_[1].s, argv_[1].n);
  long long value = 0;
  long long expires = e ? (*e)->expires_ms : 0;
  if (e) {
    struct arg current = {(*e)->bytes + (*e)->key_len, (*e)->value_len};
    if (parse_integer(&current, &value)) {
      reply_error(NOT_INTEGER);
      return;
    }
  }
  if ((delta > 0 && value > LLONG_MAX - delta) || (delta < 0 && value < LLONG_MIN - delta)) {
    reply_error("ERR increment or decrement would overflow");
    return;
  }
  value += delta;
  char text[24];
  int n = snprintf(text, sizeof text, "%lld", value);
  if (store(argv_[1].s, argv_[1].n, text, (size_t)n, expires)) {
    reply_error(OOM);
    return;
  }
  reply_int(value);
}

static void cmd_expire(long long unit_ms) {
  long long amount;
  if (parse_integer(&argv_[2], &amount)) {
    reply_error(NOT_INTEGER);
    return;
  }
  struct entry **e = find(argv_[1].s, argv_[1].n);
  if (!e) {
    reply_int(0);
    return;
  }
  if (amount > (LLONG_MAX - now_ms()) / unit_ms) {
    reply_error("ERR invalid expire time in 'expire' command");
    return;
  }
  if (amount <= 0) { /* Redis deletes a key given a time in the past */
    unlink_entry(e);
    {
      reply_int(1);
      return;
    }
  }
  if (!(*e)->expires_ms)
    db.with_expiry++;
  (*e)->expires_ms = now_ms() + amount * unit_ms;
  reply_int(1);
}

static void cmd_ttl(long long unit_ms) {
  struct entry **e = find(argv_[1].s, argv_[1].n);
  if (!e) {
    reply_int(-2);
    return;
  }
  if (!(*e)->expires_ms) {
    reply_int(-1);
    return;
  }
  long long left = (*e)->expires_ms - now_ms();
  reply_int((left + unit_ms - 1) / unit_ms);
}

static void cmd_info(void) {
  char text[768];
  int n = snprintf(text, sizeof text,
                   "# Server\r\nredis_version:7.0.0\r\nredis_mode:standalone\r\n"
                   "gpuvm_example:kv\r\nuptime_in_seconds:%lld\r\n"
                   "# Clients\r\nconnected_clients:%llu\r\n"
                   "# Stats\r\ntotal_connections_received:%llu\r\n"
                   "total_commands_processed:%llu\r\nkeyspace_hits:%llu\r\n"
                   "keyspace_misses:%llu\r\n"
                   "# Keyspace\r\ndb0:keys=%zu,expires=%zu,avg_ttl=0\r\n",
                   (now_ms() - db.started_ms) / 1000, 0ull, db.connections, db.commands, db.hits,
                   db.misses, db.count, db.with_expiry);
  reply_bulk(text, (size_t)n);
}

struct command {
  const char *name;
  int arity; /* as Redis counts it: negative is "at least" */
  void (*run)(void);
};

static void cmd_ping(void) {
  if (argc_ == 2)
    reply_bulk(argv_[1].s, argv_[1].n);
  else
    reply_status("PONG");
}
static void cmd_echo(void) {
  reply_bulk(argv_[1].s, argv_[1].n);
}
static void cmd_del(void) {
  long long n = 0;
  for (size_t i = 1; i < argc_; ++i) {
    struct entry **e = find(argv_[i].s, argv_[i].n);
    if (e) {
      unlink_entry(e);
      ++n;
    }
  }
  reply_int(n);
}
static void cmd_exists(void) {
  long long n = 0;
  for (size_t i = 1; i < argc_; ++i)
    n += find(argv_[i].s, argv_[i].n) != NULL;
  reply_int(n);
}
static void cmd_incr(void) {
  cmd_incr_by(1);
}
static void cmd_decr(void) {
  cmd_incr_by(-1);
}
static void cmd_incrby(void) {
  long long delta;
  if (parse_integer(&argv_[2], &delta)) {
    reply_error(NOT_INTEGER);
    return;
  }
  cmd_incr_by(delta);
}
static void cmd_decrby(void) {
  long long delta;
  if (parse_integer(&argv_[2], &delta) || delta == LLONG_MIN) {
    reply_error(NOT_INTEGER);
    return;
  }
  cmd_incr_by(-delta);
}
static void cmd_mget(void) {
  reply_array(argc_ - 1);
  for (size_t i = 1; i < argc_; ++i) {
    struct entry **e = find(argv_[i].s, argv_[i].n);
    if (e)
      reply_bulk((*e)->bytes + (*e)->key_len, (*e)->value_len);
    else
      reply_null();
  }
}
static void cmd_mset(void) {
  if (argc_ % 2 == 0) {
    wrong_arity(&argv_[0]);
    return;
  }
  for (size_t i = 1; i < argc_; i += 2)
    if (store(argv_[i].s, argv_[i].n, argv_[i + 1].s, argv_[i + 1].n, 0)) {
      reply_error(OOM);
      return;
    }
  reply_status("OK");
}
static void cmd_expire_s(void) {
  cmd_expire(1000);
}
static void cmd_expire_ms(void) {
  cmd_expire(1);
}
static void cmd_ttl_s(void) {
  cmd_ttl(1000);
}
static void cmd_ttl_ms(void) {
  cmd_ttl(1);
}
static void cmd_flush(void) {
  flush();
  reply_status("OK");
}
static void cmd_dbsize(void) {
  reply_int((long long)db.count);
}
static void cmd_select(void) {
  long long index;
  if (parse_integer(&argv_[1], &index)) {
    reply_error(NOT_INTEGER);
    return;
  }
  if (index != 0) {
    reply_error("ERR DB index is out of range");
    return;
  }
  reply_status("OK");
}
static void cmd_quit(void) {
  reply_status("OK");
  client->closing = 1;
}
/* redis-cli asks for COMMAND DOCS at start; an empty answer tells it there
 * is nothing to learn. */
static void cmd_command(void) {
  reply_array(0);
}
/* redis-benchmark reads "save" and "appendonly" before it starts: this
 * store keeps nothing on disk. Other parameters are unknown (empty). */
static void cmd_config(void) {
  if (!is(&argv_[1], "GET") || argc_ != 3) {
    reply_error("ERR CONFIG subcommand not supported");
    return;
  }
  const char *value = is(&argv_[2], "save") ? "" : is(&argv_[2], "appendonly") ? "no" : NULL;
  if (!value) {
    reply_array(0);
    return;
  }
  reply_array(2);
  reply_bulk(argv_[2].s, argv_[2].n);
  reply_bulk(value, strlen(value));
}

static const struct command COMMANDS[] = {
    {"PING", -1, cmd_ping},      {"ECHO", 2, cmd_echo},         {"GET", 2, cmd_get},
    {"SET", -3, cmd_set},        {"DEL", -2, cmd_del},          {"EXISTS", -2, cmd_exists},
    {"INCR", 2, cmd_incr},       {"DECR", 2, cmd_decr},         {"INCRBY", 3, cmd_incrby},
    {"DECRBY", 3, cmd_decrby},   {"MGET", -2, cmd_mget},        {"MSET", -3, cmd_mset},
    {"EXPIRE", 3, cmd_expire_s}, {"PEXPIRE", 3, cmd_expire_ms}, {"TTL", 2, cmd_ttl_s},
    {"PTTL", 2, cmd_ttl_ms},     {"FLUSHDB", -1, cmd_flush},    {"FLUSHALL", -1, cmd_flush},
    {"DBSIZE", 1, cmd_dbsize},   {"INFO", -1, cmd_info},        {"SELECT", 2, cmd_select},
    {"QUIT", -1, cmd_quit},      {"COMMAND", -1, cmd_command},  {"CONFIG", -2, cmd_config},
};

static void execute(void) {
  db.commands++;
  const struct arg *name = &argv_[0];
  for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; ++i) {
    const struct command *c = &COMMANDS[i];
    if (!is(name, c->name))
      continue;
    if ((c->arity > 0 && argc_ != (size_t)c->arity) ||
        (c->arity < 0 && argc_ < (size_t)-c->arity) || (i == 0 && argc_ > 2)) {
      wrong_arity(name);
      return;
    }
    {
      c->run();
      return;
    }
  }
  /* Redis's words: the name, then the first arguments quoted. */
  char text[256];
  int n = snprintf(text, sizeof text, "ERR unknown command '%.*s', with args beginning with: ",
                   (int)(name->n < 64 ? name->n : 64), name->s);
  for (size_t i = 1; i < argc_ && n < (int)sizeof text - 70; ++i)
    n += snprintf(text + n, sizeof text - (size_t)n, "'%.*s' ",
                  (int)(argv_[i].n < 64 ? argv_[i].n : 64), argv_[i].s);
  reply_error(text);
}

/* ---- the protocol ---- */

enum parsed { COMPLETE, INCOMPLETE, PROTOCOL_ERROR };

/* A line ending in \r\n within [p, end): its end, or NULL. */
static const char *line_end(const char *p, const char *end) {
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  return nl && nl > p && nl[-1] == '\r' ? nl - 1 : NULL;
}

/* The number after a '*' or '$' on a header line [p, e). */
static int header_number(const char *p, const char *e, long long *out) {
  struct arg a = {p, (size_t)(e - p)};
  return parse_integer(&a, out);
}

/* One multibulk command from *at: argv_ set and *at moved past it. */
static enum parsed parse_multibulk(const char **at, const char *end) {
  const char *p = *at;
  const char *e = line_end(p, end);
  if (!e)
    return (size_t)(end - p) > MAX_INLINE
               ? (reply_error("ERR Protocol error: too big mbulk count string"), PROTOCOL_ERROR)
               : INCOMPLETE;
  long long count;
  if (header_number(p + 1, e, &count) || count > MAX_ARGS) {
    reply_error("ERR Protocol error: invalid multibulk length");
    return PROTOCOL_ERROR;
  }
  p = e + 2;
  argc_ = 0;
  for (long long i = 0; i < count; ++i) {
    if (p >= end)
      return INCOMPLETE;
    if (*p != '$') {
      char text[64];
      snprintf(text, sizeof text, "ERR Protocol error: expected '$', got '%c'", *p);
      reply_error(text);
      return PROTOCOL_ERROR;
    }
    e = line_end(p, end);
    if (!e)
      return (size_t)(end - p) > 32
                 ? (reply_error("ERR Protocol error: invalid bulk length"), PROTOCOL_ERROR)
                 : INCOMPLETE;
    long long n;
    if (header_number(p + 1, e, &n) || n < 0 || n > MAX_BULK) {
      reply_error("ERR Protocol error: invalid bulk length");
      return PROTOCOL_ERROR;
    }
    p = e + 2;
    if (end - p < n + 2)
      return INCOMPLETE;
    argv_[argc_].s = p;
    argv_[argc_++].n = (size_t)n;
    p += n + 2; /* Redis, too, takes the two bytes after the data as its \r\n unread */
  }
  *at = p;
  return COMPLETE;
}

/* One inline command (words split at spaces and tabs) from *at. */
static enum parsed parse_inline(const char **at, const char *end) {
  const char *p = *at;
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  if (!nl) {
    if ((size_t)(end - p) <= MAX_INLINE)
      return INCOMPLETE;
    reply_error("ERR Protocol error: too big inline request");
    return PROTOCOL_ERROR;
  }
  const char *e = nl > p && nl[-1] == '\r' ? nl - 1 : nl;
  argc_ = 0;
  while (p < e) {
    while (p < e && (*p == ' ' || *p == '\t'))
      ++p;
    const char *word = p;
    while (p < e && *p != ' ' && *p != '\t')
      ++p;
    if (p > word) {
      if (argc_ == MAX_ARGS) {
        reply_error("ERR Protocol error: too many arguments");
        return PROTOCOL_ERROR;
      }
      argv_[argc_].s = word;
      argv_[argc_++].n = (size_t)(p - word);
    }
  }
  *at = nl + 1;
  return COMPLETE;
}

/* Runs every whole command in the client's input; stops early while its
 * output is backed up. */
/* Runs every whole command in [at, end); returns where the first
 * unfinished one starts. */
static const char *serve_commands(struct connection *c, const char *at, const char *end) {
  client = c;
  while (at < end && !c->closing && c->out.end - c->out.start < OUTPUT_HIGH_WATER) {
    enum parsed r = *at == '*' ? parse_multibulk(&at, end) : parse_inline(&at, end);
    if (r == INCOMPLETE)
      break;
    if (r == PROTOCOL_ERROR) {
      c->closing = 1;
      break;
    }
    if (argc_ == 0)
      continue; /* an empty line, or *0 */
    out_of_memory = 0;
    execute();
    if (out_of_memory) {
      c->closing = 1; /* a reply half queued cannot be taken back */
      break;
    }
  }
  return at;
}

static void serve_input(struct connection *c) {
  const char *data = c->in.data;
  c->in.start = (size_t)(serve_commands(c, data + c->in.start, data + c->in.end) - data);
}

/* ---- the event loop ---- */

static int ep;
static long served, open_connections;

static void drop(struct connection *c) {
  close(c->fd); /* also leaves the epoll set */
  free(c->in.data);
  free(c->out.data);
  free(c);
  open_connections--;
}

/* Writes what it can; 0 when the connection should live on. */
static int flush_output(struct connection *c) {
  while (c->out.start < c->out.end) {
    ssize_t n = send(c->fd, c->out.data + c->out.start, c->out.end - c->out.start, MSG_NOSIGNAL);
    if (n > 0) {
      c->out.start += (size_t)n;
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      break;
    return -1;
  }
  size_t pending = c->out.end - c->out.start;
  if (!pending && c->closing)
    return -1;
  /* Backed up or closing, it stops listening for input (level-triggered
   * EPOLLIN would otherwise wake the loop for input it will not read). */
  unsigned want =
      (pending ? EPOLLOUT : 0u) | (c->closing || pending >= OUTPUT_HIGH_WATER ? 0u : EPOLLIN);
  if (want != c->watching) {
    struct epoll_event ev = {.events = want, .data.ptr = c};
    if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev))
      return -1;
    c->watching = want;
  }
  return 0;
}

/* No memory even to read a command: says so, as Redis at its maxmemory,
 * with bytes that need none; -1 (the connection closes). */
static int refuse_for_memory(int fd) {
  static const char reply[] = "-" OOM_TEXT "\r\n";
  send(fd, reply, sizeof reply - 1, MSG_NOSIGNAL);
  return -1;
}

#ifndef KV_ZERO_COPY
/* Reads and serves; 0 when the connection should live on. */
static int on_readable(struct connection *c) {
  for (;;) {
    if (c->closing || c->out.end - c->out.start >= OUTPUT_HIGH_WATER)
      break;
    if (reserve(&c->in, READ_SIZE))
      return refuse_for_memory(c->fd);
    size_t room = c->in.capacity - c->in.end;
    ssize_t n = recv(c->fd, c->in.data + c->in.end, room, 0);
    if (n == 0)
      return -1;
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK)
        break;
      return -1;
    }
    c->in.end += (size_t)n;
    serve_input(c);
    if ((size_t)n < room)
      break; /* the socket is drained for now */
  }
  return flush_output(c);
}

#else
/* Reads and serves without the copies: commands are parsed where the stack keeps
 * the received bytes (only an unfinished one is copied, to wait for the
 * rest), and replies written straight into the send buffer. */
static int on_readable(struct connection *c) {
  for (int views = 0; views < 8; ++views) {
    if (c->closing || c->out.end - c->out.start >= OUTPUT_HIGH_WATER)
      break;
    const void *view;
    ssize_t n = gpuvm_zc_recv(c->fd, &view, MSG_DONTWAIT);
    if (n == 0)
      return -1;
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK)
        break;
      return -1;
    }
    void *room;
    ssize_t got = gpuvm_zc_send_reserve(c->fd, &room, DIRECT_ROOM, MSG_DONTWAIT);
    direct = got > 0 ? room : NULL;
    direct_room = got > 0 ? (size_t)got : 0;
    direct_used = 0;
    const char *bytes = view;
    int failed = 0;
    if (c->in.start == c->in.end) {
      const char *rest = serve_commands(c, bytes, bytes + n);
      size_t left = (size_t)(bytes + n - rest);
      if (left && !c->closing) {
        failed = reserve(&c->in, left);
        if (!failed) {
          memcpy(c->in.data + c->in.end, rest, left);
          c->in.end += left;
        }
      }
    } else {
      failed = reserve(&c->in, (size_t)n);
      if (!failed) {
        memcpy(c->in.data + c->in.end, bytes, (size_t)n);
        c->in.end += (size_t)n;
        serve_input(c);
      }
    }
    gpuvm_zc_send_commit(c->fd, direct ? direct_used : 0);
    direct = NULL;
    gpuvm_zc_recv_done(c->fd, (size_t)n);
    if (failed)
      return refuse_for_memory(c->fd);
  }
  return flush_output(c);
}
#endif

int main(int argc, char **argv) {
  char *port_end = "", *count_end = "";
  long port = argc > 1 ? strtol(argv[1], &port_end, 10) : 6379;
  long to_serve = argc > 2 ? strtol(argv[2], &count_end, 10) : 0;
  if (*port_end || *count_end || port < 1 || port > 65535 || to_serve < 0 || argc > 3) {
    printf("usage: kv-server [PORT [CONNECTIONS]]: a port of 1 to 65535, and how many "
           "connections to serve (0: for ever)\n");
    return 2;
  }
  db.started_ms = now_ms();
  /* As production servers do: as many connections as the hard limit allows. */
  struct rlimit files;
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  struct sockaddr_in6 any = {.sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port)};
  int listener = socket(AF_INET6, SOCK_STREAM | SOCK_NONBLOCK, 0);
  int one = 1;
  if (listener < 0 || setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
      setsockopt(listener, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) ||
      bind(listener, (struct sockaddr *)&any, sizeof any) || listen(listener, 1024))
    DIE("listen on port %ld", port);
  ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
  if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev))
    DIE("epoll");

  struct epoll_event events[64];
  while (to_serve == 0 || served < to_serve || open_connections > 0) {
    int ready = epoll_wait(ep, events, 64, db.with_expiry ? 100 : -1);
    if (ready < 0 && errno != EINTR)
      DIE("epoll_wait");
    for (int i = 0; i < ready; ++i) {
      struct connection *c = events[i].data.ptr;
      if (!c) {
        int fd;
        while ((fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
          if (open_connections >= MAX_CONNECTIONS || (c = calloc(1, sizeof *c)) == NULL) {
            if (open_connections < MAX_CONNECTIONS)
              refuse_for_memory(fd);
            close(fd);
            continue;
          }
          setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
          c->fd = fd;
          c->watching = EPOLLIN;
          struct epoll_event add = {.events = EPOLLIN, .data.ptr = c};
          if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &add)) {
            close(fd);
            free(c);
            continue;
          }
          served++, open_connections++, db.connections++;
          if (to_serve && served >= to_serve) {
            epoll_ctl(ep, EPOLL_CTL_DEL, listener, NULL);
            break;
          }
        }
        continue;
      }
      int status = 0;
      if (events[i].events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
        status = flush_output(c);
        /* the output drained below the mark: go on with commands already read */
        if (!status && c->in.start < c->in.end) {
          serve_input(c);
          status = flush_output(c);
        }
      }
      if (!status && events[i].events & (EPOLLIN | EPOLLHUP))
        status = on_readable(c);
      if (status)
        drop(c);
    }
    sweep_expired();
  }
  printf("served %ld connections, %llu commands\n", served, db.commands);
  return 0;
}
