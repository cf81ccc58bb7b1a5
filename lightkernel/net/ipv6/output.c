/* An IPv6 packet leaves: the header is built here and the router takes the
 * whole packet. Path MTU discovery (RFC 8201) keeps what Packet Too Big
 * messages taught, per destination, in a small cache. */
#include "../net.h"

#define IP6_HEADER 40u
#define DEFAULT_HOP_LIMIT 64
#define PMTU_ENTRIES 8
/* RFC 8201 5.3: a learnt MTU is forgotten after 10 minutes at the earliest. */
#define PMTU_LIFETIME_NS (600ll * 1000000000ll)

static struct {
  struct net_addr dst;
  uint32_t mtu;
  int64_t learnt;
} pmtu[PMTU_ENTRIES];
static unsigned pmtu_next;

uint32_t ip6_path_mtu(const struct net_addr *dst) {
  int64_t now = net_now();
  for (unsigned i = 0; i < PMTU_ENTRIES; ++i)
    if (pmtu[i].mtu && net_addr_equal(&pmtu[i].dst, dst)) {
      if (now - pmtu[i].learnt < PMTU_LIFETIME_NS)
        return pmtu[i].mtu;
      pmtu[i].mtu = 0;
    }
  return net_if.mtu;
}

void ip6_learn_path_mtu(const struct net_addr *dst, uint32_t mtu) {
  if (mtu < GPUVM_NET_MIN_MTU)
    mtu = GPUVM_NET_MIN_MTU; /* RFC 8201 4: never below the IPv6 minimum */
  if (mtu >= ip6_path_mtu(dst))
    return;
  unsigned slot = pmtu_next;
  for (unsigned i = 0; i < PMTU_ENTRIES; ++i)
    if (pmtu[i].mtu && net_addr_equal(&pmtu[i].dst, dst))
      slot = i;
  if (slot == pmtu_next)
    pmtu_next = (pmtu_next + 1) % PMTU_ENTRIES;
  pmtu[slot].dst = *dst;
  pmtu[slot].mtu = mtu;
  pmtu[slot].learnt = net_now();
}

int ip6_output(const struct net_addr *dst, uint8_t next_header, uint8_t hop_limit,
               const struct lk_iovec *parts, int part_count) {
  if (!net_if.up)
    return -NET_ENETUNREACH;
  uint32_t payload = 0;
  for (int i = 0; i < part_count; ++i)
    payload += (uint32_t)parts[i].length;
  if (IP6_HEADER + payload > ip6_path_mtu(dst))
    return -NET_EMSGSIZE;

  uint8_t header[IP6_HEADER];
  header[0] = 0x60;
  header[1] = header[2] = header[3] = 0;
  net_put16(header + 4, (uint16_t)payload);
  header[6] = next_header;
  header[7] = hop_limit ? hop_limit : DEFAULT_HOP_LIMIT;
  net_copy(header + 8, net_source_for(dst)->bytes, 16);
  net_copy(header + 24, dst->bytes, 16);

  struct lk_iovec all[8];
  if (part_count > 7)
    return -NET_EINVAL;
  all[0].base = header;
  all[0].length = IP6_HEADER;
  for (int i = 0; i < part_count; ++i)
    all[i + 1] = parts[i];
  ++net_if.counters->packets_out;
  net_if.counters->bytes_out += IP6_HEADER + payload;
  return router_output(all, part_count + 1, IP6_HEADER + payload);
}
