/* netscript: what a real VM gives its network stack (device.c, router.c,
 * the heap, the host's RPC), replaced by a virtual clock, a budgeted
 * malloc and a capture queue. See netscript.h. */
#include "netscript.h"

#include "../../mem/memory.h"
#include "../../rpc/control.h"
#include "../../rpc/host.h"
#include "../net.h"
#include "../tcp/tcp_private.h"

#include <gpuvm/launch.h>
#include <lightkernel/confine.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IP6_HEADER 40u
#define ROUTER_INTERFACE_ID 2u /* PREFIX::2 answers as the router */
/* Descriptors closed by netscript_destroy (the table grows lowest first). */
#define MAX_FD_CLOSED 1024
/* Packets a VM sends to itself, delivered per call at most (a loop of
 * packets between a VM and itself cannot hang the harness). */
#define MAX_SELF_DELIVERIES 100000

struct net_interface net_if;
static struct gpuvm_net_counters counters;
static int alive;
static int64_t clock_ns;

/* ---- Memory: malloc with a budget ----------------------------------------- */

struct block_header {
  size_t size;
  size_t pad; /* keeps the block 16-byte aligned */
};
static size_t budget, used;
static uint64_t failures;

void *net_alloc(size_t size) {
  if (budget && (used > budget || size > budget - used)) {
    ++failures;
    return NULL;
  }
  struct block_header *header = (struct block_header *)malloc(sizeof *header + size);
  if (!header) {
    ++failures;
    return NULL;
  }
  header->size = size;
  used += size;
  return header + 1;
}

void net_free(void *block) {
  if (!block)
    return;
  struct block_header *header = (struct block_header *)block - 1;
  used -= header->size;
  free(header);
}

/* The kernel's other objects (descriptors, sockets) share the VM's heap. */
void *lk_kalloc(size_t size) {
  return net_alloc(size);
}

void lk_kfree(void *block) {
  net_free(block);
}

size_t net_memory_free(void) {
  return budget ? (used < budget ? budget - used : 0) : (size_t)1 << 40;
}

/* ---- The clock, waiting, the interface --------------------------------------- */

int64_t net_now(void) {
  return clock_ns;
}

int64_t lk_clock_realtime_ns(void) {
  return 1700000000ll * 1000000000ll + clock_ns;
}

int net_wait(int64_t deadline_ns) {
  (void)deadline_ns;
  return -NET_EAGAIN; /* nothing can park here: the test moves time */
}

void net_init(void) {}

/* ---- Packets ------------------------------------------------------------------ */

struct packet {
  struct packet *next;
  uint32_t length;
  uint8_t data[];
};

struct packet_queue {
  struct packet *head, *tail;
  uint32_t count;
};

static struct packet_queue sent;    /* left the VM: the test collects them */
static struct packet_queue to_self; /* addressed to the VM itself */
static int delivering;

static void queue_push(struct packet_queue *queue, struct packet *p) {
  p->next = NULL;
  if (queue->tail)
    queue->tail->next = p;
  else
    queue->head = p;
  queue->tail = p;
  ++queue->count;
}

static struct packet *queue_pop(struct packet_queue *queue) {
  struct packet *p = queue->head;
  if (p) {
    queue->head = p->next;
    if (!queue->head)
      queue->tail = NULL;
    --queue->count;
  }
  return p;
}

static void queue_clear(struct packet_queue *queue) {
  struct packet *p;
  while ((p = queue_pop(queue)))
    free(p);
}

static struct packet *gather(const struct lk_iovec *parts, int part_count, uint32_t length) {
  struct packet *p = (struct packet *)malloc(sizeof *p + length);
  if (!p)
    return NULL;
  p->length = length;
  uint32_t at = 0;
  for (int i = 0; i < part_count && at < length; ++i) {
    uint32_t n = (uint32_t)parts[i].length;
    if (n > length - at)
      n = length - at;
    memcpy(p->data + at, parts[i].base, n);
    at += n;
  }
  return p;
}

/* The router's Packet Too Big back to the VM, as router.c sends it. */
static void packet_too_big(const struct lk_iovec *parts, int part_count, uint32_t length) {
  uint32_t quoted = length < GPUVM_NET_MIN_MTU - 48u ? length : GPUVM_NET_MIN_MTU - 48u;
  struct packet *original = gather(parts, part_count, quoted);
  struct packet *p = (struct packet *)malloc(sizeof *p + 48 + quoted);
  if (!original || !p) {
    free(original);
    free(p);
    return;
  }
  uint8_t *m = p->data;
  struct net_addr router;
  gpuvm_address_of(net_if.address.bytes, ROUTER_INTERFACE_ID, router.bytes);
  m[0] = 0x60;
  m[1] = m[2] = m[3] = 0;
  net_put16(m + 4, (uint16_t)(8 + quoted));
  m[6] = NET_IPPROTO_ICMPV6;
  m[7] = 64;
  memcpy(m + 8, router.bytes, 16);
  memcpy(m + 24, net_if.address.bytes, 16);
  m[40] = ICMP6_PACKET_TOO_BIG;
  m[41] = 0;
  m[42] = m[43] = 0;
  net_put32(m + 44, net_if.mtu);
  memcpy(m + 48, original->data, quoted);
  uint32_t sum = net_pseudo_sum(&router, &net_if.address, 8 + quoted, NET_IPPROTO_ICMPV6);
  net_put16(m + 42, net_fold(net_sum(sum, m + 40, 8 + quoted)));
  p->length = 48 + quoted;
  free(original);
  queue_push(&to_self, p);
}

int router_output(const struct lk_iovec *parts, int part_count, uint32_t length) {
  if (part_count < 1 || parts[0].length < IP6_HEADER)
    return -NET_EINVAL;
  const uint8_t *header = (const uint8_t *)parts[0].base;
  const struct net_addr *src = (const struct net_addr *)(header + 8);
  const struct net_addr *dst = (const struct net_addr *)(header + 24);
  int loopback = net_addr_is_loopback(dst);
  int own_source = net_addr_equal(src, &net_if.address);
  if (loopback ? !own_source && !net_addr_is_loopback(src) : !own_source) {
    ++counters.drop_spoofed;
    return -NET_EINVAL;
  }
  if (length > net_if.mtu) {
    packet_too_big(parts, part_count, length);
    return -NET_EMSGSIZE;
  }
  struct packet *p = gather(parts, part_count, length);
  if (!p) {
    ++counters.drop_ring_full;
    return -NET_ENOBUFS;
  }
  queue_push(loopback || net_addr_equal(dst, &net_if.address) ? &to_self : &sent, p);
  return 0;
}

/* Packets the VM sent to itself arrive, as from its own ring. */
static int deliver_to_self(void) {
  if (delivering)
    return 0;
  delivering = 1;
  int taken = 0;
  struct packet *p;
  while (taken < MAX_SELF_DELIVERIES && (p = queue_pop(&to_self))) {
    ip6_input(p->data, p->length);
    free(p);
    ++taken;
  }
  delivering = 0;
  return taken;
}

int net_poll(void) {
  int taken = deliver_to_self();
  net_run_timers(clock_ns);
  return taken + deliver_to_self();
}

/* ---- The host's services: none here ----------------------------------------- */

/* A launch without a data set; tests may set its limits. */
struct gpuvm_launch __gpuvm_launch;
static struct gpuvm_limit_counters limit_counters;
struct gpuvm_limit_counters *lk_limit_counters(void) {
  return &limit_counters;
}

/* The test process is the one VM: all of its memory is the VM's own. */
int lk_may_read(const void *p, uint64_t len) {
  (void)p, (void)len;
  return 1;
}
int lk_may_write(const void *p, uint64_t len) {
  (void)p, (void)len;
  return 1;
}
int lk_may_read_string(const char *s, uint64_t most) {
  (void)most;
  return s != 0;
}
int lk_may_use_iovec(const struct lk_iovec *iov, int count, int write) {
  (void)iov, (void)write;
  return count >= 0;
}

long host_write(int host_fd, const void *buf, size_t len, int64_t at) {
  (void)at;
  if (host_fd == 1 || host_fd == 2)
    return (long)fwrite(buf, 1, len, host_fd == 1 ? stdout : stderr);
  return -NET_EBADF;
}
int host_data_set_in_place(void) {
  return 0;
}
long host_open(const char *path, int flags, int mode, int *in_data_set) {
  (void)path, (void)flags, (void)mode, (void)in_data_set;
  return -NET_ENOENT;
}
long host_close(int host_fd) {
  (void)host_fd;
  return 0;
}
long host_read(int host_fd, void *buf, size_t len, int64_t at) {
  (void)host_fd, (void)buf, (void)len, (void)at;
  return -NET_EBADF;
}
long host_lseek(int host_fd, long offset, int whence) {
  (void)host_fd, (void)offset, (void)whence;
  return -NET_EBADF;
}
long host_fstat(int host_fd, struct gpuvm_stat *out) {
  (void)host_fd, (void)out;
  return -NET_EBADF;
}
long host_readdir(int host_fd, void *buf, size_t len) {
  (void)host_fd, (void)buf, (void)len;
  return -NET_EBADF;
}
long host_file_op(unsigned op, int host_fd, long arg) {
  (void)op, (void)host_fd, (void)arg;
  return -NET_EBADF;
}
long host_futimens(int host_fd, int64_t atime_ns, int64_t mtime_ns) {
  (void)host_fd, (void)atime_ns, (void)mtime_ns;
  return -NET_EBADF;
}
long host_fstatvfs(int host_fd, struct gpuvm_statvfs *out) {
  (void)host_fd, (void)out;
  return -NET_EBADF;
}
long host_fd_path(int host_fd, char *buf, size_t size) {
  (void)host_fd, (void)buf, (void)size;
  return -NET_EBADF;
}

/* ---- The interface ------------------------------------------------------------ */

int netscript_create(const struct netscript_config *config) {
  if (alive)
    return -1;
  memset(&counters, 0, sizeof counters);
  memcpy(net_if.address.bytes, config->address, 16);
  net_if.mtu = config->mtu ? config->mtu : GPUVM_NET_DEFAULT_MTU;
  net_if.up = 1;
  net_if.counters = &counters;
  budget = config->memory_budget;
  failures = 0;
  clock_ns = config->start_ns;
  alive = 1;
  return 0;
}

void netscript_destroy(void) {
  if (!alive)
    return;
  for (int fd = 3; fd < MAX_FD_CLOSED; ++fd)
    lk_close(fd);
  tcp_forget_all();
  queue_clear(&sent);
  queue_clear(&to_self);
  budget = 0;
  alive = 0;
}

void netscript_inject(const void *packet, uint32_t length) {
  ip6_input((const uint8_t *)packet, length);
  net_poll();
}

uint32_t netscript_collect(void *buffer, uint32_t capacity) {
  struct packet *p = queue_pop(&sent);
  if (!p)
    return 0;
  uint32_t length = p->length;
  memcpy(buffer, p->data, length < capacity ? length : capacity);
  free(p);
  return length;
}

uint32_t netscript_pending(void) {
  return sent.count;
}

void netscript_discard(void) {
  queue_clear(&sent);
}

int64_t netscript_now(void) {
  return clock_ns;
}

void netscript_advance(int64_t ns) {
  int64_t target = clock_ns + (ns > 0 ? ns : 0);
  /* Step from deadline to deadline, so each timer sees its own time. The
   * bound only stops a timer that keeps re-arming at the same instant. */
  for (int steps = 0; steps < 1000000; ++steps) {
    deliver_to_self();
    int64_t next = net_next_deadline();
    if (next > target)
      break;
    if (next > clock_ns)
      clock_ns = next;
    net_run_timers(clock_ns);
  }
  clock_ns = target;
  net_poll();
}

int64_t netscript_next_deadline(void) {
  return net_next_deadline();
}

const struct gpuvm_net_counters *netscript_counters(void) {
  return &counters;
}

size_t netscript_memory_used(void) {
  return used;
}

uint64_t netscript_allocation_failures(void) {
  return failures;
}

void netscript_set_memory_budget(size_t bytes) {
  budget = bytes;
}
