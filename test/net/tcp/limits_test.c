/* Bounds: a SYN flood against one listener holds a bounded number of
 * half-open blocks; a full accept queue refuses handshakes; running out of
 * memory drops segments (counted) and never breaks the stack, and windows
 * shrink with the memory left so that a well-behaved peer loses nothing; an idle
 * connection costs one block; a connection to the VM itself works; past
 * --max-sockets a new connection is reset and socket() fails, counted. */
#include "../support/tcp_peer.h"

#include "../../../lightkernel/net/net.h"
#include "../../../lightkernel/net/tcp/tcp_private.h"
#include "../../../lightkernel/rpc/control.h"

#include <gpuvm/launch.h>

extern struct gpuvm_launch __gpuvm_launch;

static struct seg s;
static uint8_t data[200000];

static void syn_flood_is_bounded(void) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 16);
  size_t base = netscript_memory_used();
  struct options opt = {1440, 7, 1, 1, 0, 1, 0, 0};
  uint8_t source[16];
  memcpy(source, peer_address, 16);
  for (uint32_t i = 0; i < 20000; ++i) {
    source[12] = (uint8_t)(i >> 8); /* many spoofed sources and ports */
    source[13] = (uint8_t)i;
    inject_segment(source, (uint16_t)(1024 + i % 60000), 80, i * 7919u, 0, SYN, 65535, &opt, NULL,
                   0);
    netscript_discard();
  }
  size_t held = netscript_memory_used() - base;
  printf("SYN flood: %zu bytes held by half-open connections (cap %u)\n", held, TCP_HALF_OPEN_MIN);
  CHECK(held <= TCP_HALF_OPEN_MIN * (sizeof(struct tcp_pcb) + 64));
  /* A real client still gets in. */
  struct peer p;
  peer_init(&p, 50000, 80);
  int fd = handshake_passive(listener, &p, &opt, &s);
  CHECK(fd >= 0);
  /* And the half-open ones time out, freeing everything. */
  netscript_advance(300 * SEC);
  netscript_discard();
  CHECK(netscript_memory_used() - base <= sizeof(struct tcp_pcb) + 4096);
}

static void accept_queue_limit(void) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 1); /* room for backlog + 1 = 2 */
  struct options opt = {1440, -1, 0, 0, 0, 0, 0, 0};
  struct peer p[3];
  for (int i = 0; i < 3; ++i) {
    peer_init(&p[i], (uint16_t)(41000 + i), 80);
    peer_send_options(&p[i], SYN, &opt, NULL, 0);
    if (i == 2) {
      EXPECT_NONE(); /* the queue is full: the SYN is dropped */
      break;
    }
    EXPECT(&s);
    peer_saw(&p[i], &s);
    peer_send(&p[i], ACK, NULL, 0);
  }
  CHECK(lk_accept4(listener, NULL, NULL, 0) >= 0);
  /* Room again: the retried SYN gets in. */
  p[2].seq -= 1;
  peer_send_options(&p[2], SYN, &opt, NULL, 0);
  EXPECT(&s);
  CHECK_EQ(s.flags, SYN | ACK);
}

static void socket_limit_resets_connection(void) {
  start_stack(1500, 0);
  __gpuvm_launch.limits.max_sockets = 1; /* the listener is the one */
  int listener = vm_listen(80, 4);
  struct options opt = {1440, -1, 0, 0, 0, 0, 0, 0};
  struct peer p;
  peer_init(&p, 42000, 80);
  peer_send_options(&p, SYN, &opt, NULL, 0);
  EXPECT(&s);
  peer_saw(&p, &s);
  peer_send(&p, ACK, NULL, 0);
  CHECK_EQ(lk_accept4(listener, NULL, NULL, 0), -NET_EMFILE);
  EXPECT(&s);
  CHECK(s.flags & RST);
  CHECK_EQ(lk_socket(NET_AF_INET6, 2 /* SOCK_DGRAM */, 0), -NET_EMFILE);
  CHECK_EQ(lk_limit_counters()->sockets_refused, 2);
  /* Closing the listener makes room. */
  CHECK_EQ(lk_close(listener), 0);
  int udp = (int)lk_socket(NET_AF_INET6, 2, 0);
  CHECK(udp >= 0);
  __gpuvm_launch.limits.max_sockets = 0;
}

static void memory_exhaustion_drops(void) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 8);
  struct peer p;
  peer_init(&p, 40000, 80);
  struct options opt = {1440, -1, 0, 0, 0, 0, 0, 0};
  int fd = handshake_passive(listener, &p, &opt, &s);
  /* Leave room for a few segments only. */
  netscript_set_memory_budget(netscript_memory_used() + 5000);
  for (int i = 0; i < 10; ++i)
    peer_send(&p, ACK, data + 1440 * i, 1440);
  netscript_advance(40 * MS);
  static struct seg last;
  while (next_segment(&s))
    last = s;
  CHECK(netscript_counters()->drop_no_memory > 0);
  uint32_t acked = last.ack - 1000001;
  CHECK(acked > 0 && acked < 14400);
  /* Reading frees memory; the dropped data comes again and is taken. */
  static uint8_t got[20000];
  long n = vm_recv(fd, got, sizeof got);
  CHECK_EQ(n, (long)acked);
  CHECK(memcmp(got, data, (size_t)n) == 0);
  p.seq = 1000001 + acked;
  peer_send(&p, ACK, data + acked, 1000);
  CHECK_EQ(vm_recv(fd, got, sizeof got), 1000);
  /* A new connection with no memory at all: the SYN is dropped, counted. */
  netscript_set_memory_budget(netscript_memory_used());
  uint64_t before = netscript_counters()->drop_no_memory;
  struct peer q;
  peer_init(&q, 40001, 80);
  peer_send_options(&q, SYN, &opt, NULL, 0);
  EXPECT_NONE();
  CHECK_EQ(netscript_counters()->drop_no_memory, before + 1);
  /* Sends without memory fail cleanly. */
  CHECK_EQ(vm_send(fd, data, 100), -NET_ENOMEM);
}

/* A peer that keeps to the windows the VM advertises never has data
 * dropped for memory: each window is a share of the memory left. */
static void window_follows_free_memory(void) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 8);
  struct peer p;
  peer_init(&p, 40000, 80);
  struct options opt = {1440, -1, 0, 0, 0, 0, 0, 0};
  netscript_set_memory_budget(netscript_memory_used() + 40000);
  int fd = handshake_passive(listener, &p, &opt, &s);
  /* The SYN-ACK's window is the first promise. */
  CHECK(s.window > 0 && s.window <= 40000 / TCP_WINDOW_MEMORY_SHARE);
  uint32_t first_window = s.window;
  s.ack = p.seq;
  for (int round = 0; round < 100; ++round) {
    uint32_t right_edge = s.ack + s.window;
    if (p.seq == right_edge)
      break;
    while (p.seq != right_edge) {
      uint32_t length = right_edge - p.seq < 1000 ? right_edge - p.seq : 1000;
      peer_send(&p, ACK, data + (p.seq - 1000001), length);
    }
    netscript_advance(40 * MS);
    while (next_segment(&s))
      ;
    CHECK_EQ(s.ack, p.seq);
  }
  uint32_t taken = p.seq - 1000001;
  CHECK(taken > first_window);
  CHECK_EQ(netscript_counters()->drop_no_memory, 0);
  static uint8_t got[40000];
  CHECK_EQ(vm_recv(fd, got, sizeof got), (long)taken);
  CHECK(memcmp(got, data, taken) == 0);
}

static void idle_connection_cost(void) {
  start_stack(1500, 0);
  int listener = vm_listen(80, 8);
  size_t before = netscript_memory_used();
  struct peer p;
  peer_init(&p, 40000, 80);
  struct options opt = {1440, 7, 1, 1, 0, 1, 0, 0};
  int fd = handshake_passive(listener, &p, &opt, &s);
  /* Some traffic both ways, all consumed and acknowledged. */
  peer_send(&p, ACK | PSH, data, 1000);
  static uint8_t got[2000];
  CHECK_EQ(vm_recv(fd, got, sizeof got), 1000);
  CHECK_EQ(vm_send(fd, data, 1000), 1000);
  while (next_segment(&s))
    peer_saw(&p, &s);
  peer_send(&p, ACK, NULL, 0);
  netscript_advance(1 * SEC);
  size_t cost = netscript_memory_used() - before;
  printf("idle connection: %zu bytes (struct tcp_pcb %zu, the socket's file object the rest)\n",
         cost, sizeof(struct tcp_pcb));
  CHECK_EQ(netscript_counters()->buffer_bytes, 0);
  CHECK(cost <= sizeof(struct tcp_pcb) + 128);
}

static void loopback_connection(void) {
  start_stack(1500, 0);
  int listener = vm_listen(7000, 8);
  int client = (int)lk_socket(NET_AF_INET6, 1 | 04000, 0);
  struct net_sockaddr_in6 sa = {
      NET_AF_INET6, (uint16_t)(7000 >> 8 | (7000 & 0xff) << 8), 0, {0}, 0};
  sa.addr[15] = 1; /* ::1 */
  CHECK_EQ(lk_connect(client, &sa, sizeof sa), -NET_EINPROGRESS);
  int server = (int)lk_accept4(listener, NULL, NULL, 0);
  CHECK(server >= 0);
  CHECK_EQ(vm_send(client, data, 100000), 65536);
  static uint8_t got[200000];
  size_t total = 0;
  for (int i = 0; i < 1000 && total < 65536; ++i) {
    long n = vm_recv(server, got + total, sizeof got - total);
    if (n > 0)
      total += (size_t)n;
    else
      netscript_advance(10 * MS);
  }
  CHECK_EQ(total, 65536);
  CHECK(memcmp(got, data, total) == 0);
  EXPECT_NONE(); /* nothing left the VM */
  CHECK_EQ(lk_close(client), 0);
  netscript_advance(1 * SEC);
  CHECK_EQ(vm_recv(server, got, sizeof got), 0);
}

int main(int argc, char **argv) {
  for (unsigned i = 0; i < sizeof data; ++i)
    data[i] = (uint8_t)(i * 13 + 5);
  static const struct test_case cases[] = {
      {"syn_flood_is_bounded", syn_flood_is_bounded},
      {"accept_queue_limit", accept_queue_limit},
      {"socket_limit_resets_connection", socket_limit_resets_connection},
      {"memory_exhaustion_drops", memory_exhaustion_drops},
      {"window_follows_free_memory", window_follows_free_memory},
      {"idle_connection_cost", idle_connection_cost},
      {"loopback_connection", loopback_connection},
  };
  return run_cases(argc, argv, cases, sizeof cases / sizeof cases[0]);
}
