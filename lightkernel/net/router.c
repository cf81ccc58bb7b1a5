/* The router on the device: every packet a VM sends passes here, in the
 * sending VM's own kernel (trusted code, never the program's). It routes by
 * arithmetic on the destination (PREFIX::100+k is VM k), writes VM-to-VM
 * packets straight into the receiver's ring, sends everything else to the
 * uplink ring that the host bridge drains, decrements the hop limit, and
 * answers as a router: Destination Unreachable for an address in the prefix
 * with no VM, Time Exceeded, Packet Too Big. A packet whose source is not
 * the sending VM's own address is dropped and counted. Its own ICMPv6
 * messages come from PREFIX::2, the router's address.
 *
 * All of it is trusted (LK_TRUSTED): it writes other VMs' rings. So it reads
 * nothing of the kernel's state in the VM's slice, which the VM can
 * overwrite (the interface's address and counters are taken from the
 * launch), and checks the packet it is handed: parts the VM may read, their
 * lengths adding up to the packet's. */
#include "net.h"
#include "tcp/tcp.h"

#include <gpuvm/ring.h>
#include <lightkernel/arch.h>
#include <lightkernel/confine.h>

#define IP6_HEADER 40u
#define ROUTER_ID 2u
#define MOST_PARTS 8

/* The VM's own address and counters, from the launch. */
LK_TRUSTED static struct net_addr own_address(void) {
  struct net_addr own;
  gpuvm_address_of(__gpuvm_launch.net.prefix, GPUVM_NET_FIRST_VM + (uint64_t)arch_vm_id(),
                   own.bytes);
  return own;
}

#define COUNT(field)                                                                               \
  do {                                                                                             \
    if (__gpuvm_launch.net.counters)                                                               \
      ++((struct gpuvm_net_counters *)(uintptr_t)__gpuvm_launch.net.counters + arch_vm_id())       \
            ->field;                                                                               \
  } while (0)

LK_TRUSTED static struct gpuvm_ring *ring_of(uint32_t vm) {
  const struct gpuvm_launch *l = &__gpuvm_launch;
  return gpuvm_vm_ring(l->slices, l->slice_size, l->net.rx_ring_bytes, vm);
}

LK_TRUSTED static int push(struct gpuvm_ring *ring, const struct lk_iovec *parts, int part_count,
                           uint32_t length) {
  if (gpuvm_ring_push(ring, (const struct gpuvm_ring_part *)parts, part_count, length))
    return 0;
  COUNT(drop_ring_full);
  return -NET_ENOBUFS;
}

/* The packet's first BYTES bytes, gathered from its parts. */
LK_TRUSTED static void gather(uint8_t *to, const struct lk_iovec *parts, int part_count,
                              uint32_t bytes) {
  for (int i = 0; i < part_count && bytes; ++i) {
    uint32_t n = parts[i].length < bytes ? (uint32_t)parts[i].length : bytes;
    net_copy(to, parts[i].base, n);
    to += n;
    bytes -= n;
  }
}

/* An ICMPv6 error from the router back to this VM, quoting the packet. */
LK_TRUSTED static void answer(uint8_t type, uint8_t code, uint32_t field,
                              const struct lk_iovec *parts, int part_count, uint32_t length) {
  uint8_t message[GPUVM_NET_MIN_MTU];
  uint32_t quoted = length < GPUVM_NET_MIN_MTU - 48u ? length : GPUVM_NET_MIN_MTU - 48u;
  gather(message + 48, parts, part_count, quoted);
  struct net_addr router, own = own_address();
  gpuvm_address_of(__gpuvm_launch.net.prefix, ROUTER_ID, router.bytes);
  message[0] = 0x60;
  message[1] = message[2] = message[3] = 0;
  net_put16(message + 4, (uint16_t)(8 + quoted));
  message[6] = NET_IPPROTO_ICMPV6;
  message[7] = 64;
  net_copy(message + 8, router.bytes, 16);
  net_copy(message + 24, own.bytes, 16);
  message[40] = type;
  message[41] = code;
  message[42] = message[43] = 0;
  net_put32(message + 44, field);
  uint32_t sum = net_pseudo_sum(&router, &own, 8 + quoted, NET_IPPROTO_ICMPV6);
  net_put16(message + 42, net_fold(net_sum(sum, message + 40, 8 + quoted)));
  struct lk_iovec whole = {message, 48 + quoted};
  push(ring_of(lk_vm_id()), &whole, 1, 48 + quoted);
}

/* A VM that has exited has no stack to answer its peers, which would
 * otherwise send into a ring nobody reads until they time out (and, at their
 * own exit, linger that long): the router answers for it as a host answers
 * for connections that no longer exist, TCP with a reset, anything else
 * with Destination Unreachable. */
LK_TRUSTED static int answer_for_exited(const struct lk_iovec *parts, int part_count,
                                        uint32_t length) {
  COUNT(to_exited);
  uint8_t head[IP6_HEADER + 60];
  uint32_t seen = length < sizeof head ? length : (uint32_t)sizeof head;
  gather(head, parts, part_count, seen);
  uint8_t reset[TCP_GONE_RESET_BYTES];
  uint32_t n = tcp_reset_for_gone_host(head, seen, reset);
  if (n) {
    struct lk_iovec whole = {reset, n};
    push(ring_of(lk_vm_id()), &whole, 1, n);
    return 0;
  }
  if (head[6] != NET_IPPROTO_TCP)
    answer(ICMP6_DST_UNREACH, ICMP6_DST_UNREACH_ADDR, 0, parts, part_count, length);
  return -NET_EHOSTUNREACH;
}

LK_TRUSTED int router_output(const struct lk_iovec *given, int part_count, uint32_t length) {
  const struct gpuvm_net_launch *net = &__gpuvm_launch.net;
  /* A copy of the parts, checked: what the rest reads. */
  struct lk_iovec parts[MOST_PARTS];
  if (part_count < 1 || part_count > MOST_PARTS || !lk_may_read(given, part_count * sizeof *given))
    return -NET_EINVAL;
  uint64_t total = 0;
  for (int i = 0; i < part_count; ++i) {
    parts[i] = given[i];
    if (!lk_may_read(parts[i].base, parts[i].length))
      return -NET_EINVAL;
    total += parts[i].length;
  }
  /* Our own header is whole in parts[0]; a copy lets us decrement it. */
  if (total != length || parts[0].length < IP6_HEADER)
    return -NET_EINVAL;
  const struct net_addr own = own_address();
  uint8_t header[IP6_HEADER];
  net_copy(header, parts[0].base, IP6_HEADER);
  const uint8_t *dst = header + 24;
  const struct net_addr *src = (const struct net_addr *)(header + 8);
  int loopback = net_addr_is_loopback((const struct net_addr *)dst);
  if (loopback ? !net_addr_is_loopback(src) && !net_addr_equal(src, &own)
               : !net_addr_equal(src, &own)) {
    COUNT(drop_spoofed);
    return -NET_EINVAL;
  }
  if (length > net->mtu) {
    answer(ICMP6_PACKET_TOO_BIG, 0, net->mtu, parts, part_count, length);
    return -NET_EMSGSIZE;
  }
  if (loopback || net_addr_equal((const struct net_addr *)dst, &own))
    return push(ring_of(lk_vm_id()), parts, part_count, length); /* to itself: no hop */

  if (header[7] <= 1) {
    COUNT(drop_hop_limit);
    answer(ICMP6_TIME_EXCEEDED, 0, 0, parts, part_count, length);
    return -NET_EHOSTUNREACH;
  }
  --header[7];
  struct lk_iovec routed[MOST_PARTS];
  routed[0].base = header;
  routed[0].length = IP6_HEADER;
  for (int i = 1; i < part_count; ++i)
    routed[i] = parts[i];
  if (parts[0].length > IP6_HEADER) {
    /* The caller put more than the header in its first part. */
    if (part_count == MOST_PARTS)
      return -NET_EINVAL;
    for (int i = part_count; i > 1; --i)
      routed[i] = routed[i - 1];
    routed[1].base = (uint8_t *)parts[0].base + IP6_HEADER;
    routed[1].length = parts[0].length - IP6_HEADER;
    ++part_count;
  }

  int64_t vm = gpuvm_vm_of_address(net->prefix, dst, __gpuvm_launch.vm_count);
  if (vm >= 0) {
    struct gpuvm_ring *ring = ring_of((uint32_t)vm);
    if (__atomic_load_n(&ring->exited, __ATOMIC_ACQUIRE))
      return answer_for_exited(parts, part_count, length);
    return push(ring, routed, part_count, length);
  }
  if (gpuvm_in_prefix(net->prefix, dst)) {
    uint64_t low = 0;
    for (int i = 8; i < 16; ++i)
      low = (low << 8) | dst[i];
    if (low != GPUVM_NET_HOST_ID) {
      COUNT(drop_unreachable);
      answer(ICMP6_DST_UNREACH, ICMP6_DST_UNREACH_ADDR, 0, parts, part_count, length);
      return -NET_EHOSTUNREACH;
    }
  }
  if (!net->uplink) {
    COUNT(drop_unreachable);
    answer(ICMP6_DST_UNREACH, ICMP6_DST_UNREACH_NOROUTE, 0, parts, part_count, length);
    return -NET_ENETUNREACH;
  }
  return push((struct gpuvm_ring *)(uintptr_t)net->uplink, routed, part_count, length);
}
