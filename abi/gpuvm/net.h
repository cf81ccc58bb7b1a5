/* The network's shared layouts: packet rings, the addressing plan and the
 * launch's network parameters. Shared by host and device code.
 *
 * The device is a router, not a switch: rings carry raw IPv6 packets (no
 * link header). Addresses come from one /64: VM k is PREFIX::100+k, the host
 * side of the bridge is PREFIX::1, everything below ::100 is infrastructure.
 * Routing is arithmetic on the destination (gpuvm_vm_of_address), no table. */
#ifndef GPUVM_ABI_NET_H
#define GPUVM_ABI_NET_H

#include <stdint.h>

#define GPUVM_NET_FIRST_VM 0x100u
#define GPUVM_NET_HOST_ID 1u
#define GPUVM_NET_DEFAULT_MTU 1500u
#define GPUVM_NET_MIN_MTU 1280u /* IPv6's minimum link MTU (RFC 8200) */
#define GPUVM_NET_MAX_MTU 65535u

/* A packet ring: many producers, one consumer, records of variable length.
 *
 * A producer reserves 16-byte aligned room by compare-and-swap on `reserved`
 * (never past consumed + size), copies the packet, then publishes the record
 * by storing its absolute position + 1 into the record's `tag` with release
 * order. The consumer, at absolute position p, takes the record once
 * tag == p + 1 (acquire): stale bytes left by earlier laps can never carry
 * that value, so nothing needs zeroing. A record that would cross the end of
 * the data area is preceded by a padding record up to the end. A full ring
 * drops the packet (counted in `drops`): routers drop, they never wait. */
struct gpuvm_ring_record {
  uint64_t tag;    /* absolute position + 1 once published */
  uint32_t length; /* packet bytes that follow (padding records: bytes skipped) */
  uint32_t flags;  /* GPUVM_RING_PAD for a padding record */
};
#define GPUVM_RING_PAD 1u

struct gpuvm_ring {
  uint64_t reserved; /* producers: bytes reserved so far (absolute) */
  uint64_t pad0[7];  /* producers and the consumer write different cache lines */
  uint64_t consumed; /* the consumer: bytes released so far (absolute) */
  uint64_t drops;    /* producers: packets that found no room */
  uint64_t pad1[6];
  uint64_t size;   /* bytes in data[], a power of two, fixed at launch */
  uint64_t exited; /* the consumer: set when its VM has exited (its stack is gone) */
  uint64_t pad2[6];
  /* data follows (16-byte aligned records, so a padding record always has
   * room for its header) */
};

static inline uint8_t *gpuvm_ring_data(struct gpuvm_ring *ring) {
  return (uint8_t *)(ring + 1);
}

static inline uint64_t gpuvm_ring_record_bytes(uint32_t length) {
  return (sizeof(struct gpuvm_ring_record) + (uint64_t)length + 15u) & ~(uint64_t)15u;
}

/* The network's part of the launch (struct gpuvm_launch.net). */
struct gpuvm_net_launch {
  uint8_t prefix[8]; /* the upper 64 bits of every VM's address */
  uint32_t mtu;      /* largest IPv6 packet, header included */
  uint32_t flags;    /* GPUVM_NET_* */
  /* Each VM's inbound ring sits at the top of its memory slice: VM-to-VM
   * packets and those from the host bridge land there. rx_ring_bytes is the
   * whole ring, struct gpuvm_ring included (0: the VM has no network). */
  uint64_t rx_ring_bytes;
  /* Packets for anything outside the VMs go here: one ring that the host
   * bridge drains (address of a struct gpuvm_ring; 0 when there is no bridge:
   * such packets are dropped and counted). */
  uint64_t uplink;
  /* Where the host reads each VM's counters: vm_count structs
   * gpuvm_net_counters, contiguous (0: none kept outside the VM). */
  uint64_t counters;
  /* GPUs only (0 on the host backend, whose bridge thread reaches the rings
   * itself): the device's half of the bridge, one extra GPU thread (number
   * vm_count), moves packets from `uplink` (device memory) into `to_host`
   * and from `from_host` into the VMs' rings. Both are single-producer
   * rings in host memory mapped into the GPU, so no atomics cross the bus.
   * It stops once `exited` (device memory, counted by each VM's exit)
   * reaches vm_count. */
  uint64_t to_host;
  uint64_t from_host;
  uint64_t exited;
};
#define GPUVM_NET_ENABLED 1u

/* Per-VM counters, written by the VM's own kernel, read by `gpuvm stat`. */
struct gpuvm_net_counters {
  uint64_t packets_in, packets_out;
  uint64_t bytes_in, bytes_out;
  uint64_t drop_checksum;    /* bad IPv6/ICMPv6/UDP/TCP checksum or length */
  uint64_t drop_malformed;   /* truncated headers, lengths that lie, bad options */
  uint64_t drop_no_socket;   /* UDP/TCP to a port nobody listens on */
  uint64_t drop_spoofed;     /* left this VM with another source address */
  uint64_t drop_ring_full;   /* the receiver's ring (or the uplink) had no room */
  uint64_t drop_fragment;    /* fragments: no reassembly */
  uint64_t drop_no_memory;   /* the VM's slice could not hold the data */
  uint64_t drop_hop_limit;   /* hop limit reached 0 in the router */
  uint64_t drop_unreachable; /* no VM at that address */
  uint64_t tcp_retransmits;  /* segments sent again, for any reason */
  uint64_t tcp_timeouts;     /* retransmission timer expiries (the slow recoveries) */
  uint64_t tcp_connections;  /* established, ever */
  uint64_t tcp_open;         /* open now */
  uint64_t buffer_bytes;     /* socket buffers held now */
  uint64_t to_exited;        /* packets to a VM that had exited, answered for it */
};

static inline int gpuvm_in_prefix(const uint8_t prefix[8], const uint8_t address[16]) {
  for (int i = 0; i < 8; ++i)
    if (address[i] != prefix[i])
      return 0;
  return 1;
}

/* VM k's address is prefix ++ (0x100 + k) in the low 64 bits. Returns the VM
 * id for an address inside this launch's VMs, or -1. */
static inline int64_t gpuvm_vm_of_address(const uint8_t prefix[8], const uint8_t address[16],
                                          uint32_t vm_count) {
  if (!gpuvm_in_prefix(prefix, address))
    return -1;
  uint64_t low = 0;
  for (int i = 8; i < 16; ++i)
    low = (low << 8) | address[i];
  if (low < GPUVM_NET_FIRST_VM || low - GPUVM_NET_FIRST_VM >= vm_count)
    return -1;
  return (int64_t)(low - GPUVM_NET_FIRST_VM);
}

static inline void gpuvm_address_of(const uint8_t prefix[8], uint64_t interface_id,
                                    uint8_t address[16]) {
  for (int i = 0; i < 8; ++i)
    address[i] = prefix[i];
  for (int i = 15; i >= 8; --i, interface_id >>= 8)
    address[i] = (uint8_t)interface_id;
}

#endif
