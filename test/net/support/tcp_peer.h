/* Test support for the scripted-packet TCP tests: a remote peer that
 * builds segments by hand and injects them into the stack under test, a
 * parser for the segments the stack sends, checks that say where they
 * failed, and a runner that gives every case a fresh process (the stack's
 * state is the process's globals). */
#ifndef TEST_NET_SUPPORT_TCP_PEER_H
#define TEST_NET_SUPPORT_TCP_PEER_H

#include "../../../lightkernel/net/script/netscript.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MS 1000000ll
#define SEC 1000000000ll

/* TCP header flags. */
#define FIN 0x01
#define SYN 0x02
#define RST 0x04
#define PSH 0x08
#define ACK 0x10

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                     \
      exit(1);                                                                                     \
    }                                                                                              \
  } while (0)
#define CHECK_EQ(a, b)                                                                             \
  do {                                                                                             \
    long long check_a_ = (long long)(a), check_b_ = (long long)(b);                                \
    if (check_a_ != check_b_) {                                                                    \
      fprintf(stderr, "%s:%d: check failed: %s == %s (%lld != %lld)\n", __FILE__, __LINE__, #a,    \
              #b, check_a_, check_b_);                                                             \
      exit(1);                                                                                     \
    }                                                                                              \
  } while (0)

/* The VM's address and the peer's (inside one /64, the peer at ::1 as the
 * host side of the bridge). */
extern const uint8_t vm_address[16];
extern const uint8_t peer_address[16];

/* A segment the stack sent, taken apart. */
struct seg {
  uint8_t src[16], dst[16];
  uint8_t next_header, hop_limit;
  uint16_t sport, dport;
  uint32_t seq, ack;
  uint8_t flags;
  uint16_t window;
  uint32_t header_length; /* TCP header with options */
  int has_mss, has_wscale, has_ts, sack_permitted;
  uint16_t mss;
  uint8_t wscale;
  uint32_t tsval, tsecr;
  uint32_t sack_count; /* SACK blocks, in the order sent */
  uint32_t sack[4][2];
  uint32_t length; /* payload bytes */
  const uint8_t *payload;
  uint32_t packet_length; /* the whole IPv6 packet */
  uint8_t packet[70000];
};

/* The next segment the stack sent (checked: IPv6, TCP, a correct checksum,
 * our addresses); 0 when none is waiting. ICMPv6 and other packets fail
 * the check unless allow_other is set, in which case they are skipped. */
int next_segment(struct seg *s);
/* As next_segment, but the segment must exist. */
void expect_segment(struct seg *s, int line);
#define EXPECT(s) expect_segment((s), __LINE__)
/* No packet is waiting. */
#define EXPECT_NONE() CHECK_EQ(netscript_pending(), 0)

/* Options a peer puts on a segment. */
struct options {
  int mss;    /* 0: none */
  int wscale; /* -1: none */
  int timestamps;
  uint32_t tsval, tsecr;
  int sack_permitted;
  const uint8_t *raw; /* appended as they are (raw_length bytes) */
  uint32_t raw_length;
};

/* The far end of one connection, driven by hand. */
struct peer {
  uint8_t address[16];
  uint16_t port, vm_port;
  uint32_t seq;    /* the next sequence number it sends */
  uint32_t ack;    /* the next it expects from the VM */
  uint32_t window; /* the window it advertises (unscaled bytes) */
  int wscale;      /* its own shift once agreed (-1: none) */
  int timestamps;  /* put a timestamp on every segment */
  uint32_t tsval, ts_recent;
};

/* A peer at peer_address:port talking to the VM's vm_port. */
void peer_init(struct peer *p, uint16_t port, uint16_t vm_port);
/* Builds and injects one segment with explicit fields. */
void inject_segment(const uint8_t src[16], uint16_t sport, uint16_t dport, uint32_t seq,
                    uint32_t ack, uint8_t flags, uint16_t window, const struct options *opt,
                    const void *data, uint32_t length);
/* Sends from the peer's state: seq = p->seq, ack = p->ack, its window and
 * timestamp; moves p->seq past the data, SYN and FIN. */
void peer_send(struct peer *p, uint8_t flags, const void *data, uint32_t length);
/* Same, with options (used on SYNs). */
void peer_send_options(struct peer *p, uint8_t flags, const struct options *opt, const void *data,
                       uint32_t length);

/* Takes what a segment from the VM tells the peer: ACK number to send,
 * the VM's timestamp to echo. */
void peer_saw(struct peer *p, const struct seg *s);

/* A VM socket listening on [::]:port (non-blocking). */
int vm_listen(uint16_t port, int backlog);
/* Passive open on a listener: the peer's SYN (with `opt`), the VM's
 * SYN-ACK (returned in s), the peer's ACK, then accept. Returns the fd. */
int handshake_passive(int listener, struct peer *p, const struct options *opt, struct seg *s);
/* Active open from the VM to the peer: connect, the SYN (in s), the
 * peer's SYN-ACK (with `opt`), the VM's ACK. Returns the fd. */
int handshake_active(struct peer *p, const struct options *opt, struct seg *s);

/* Socket helpers (the lk_* calls). */
long vm_send(int fd, const void *data, size_t length);
long vm_recv(int fd, void *data, size_t length);
void vm_nonblocking(int fd);
int vm_setsockopt_int(int fd, int level, int name, int value);

/* A stack with the default address; budget 0 means no limit. */
void start_stack(uint32_t mtu, size_t budget);

/* Runs each case in its own process. argv[1], if given, names one case. */
struct test_case {
  const char *name;
  void (*run)(void);
};
int run_cases(int argc, char **argv, const struct test_case *cases, int count);

#endif
