/* An IPv6 packet arrives (RFC 8200): checked, its extension headers walked,
 * and handed to ICMPv6, UDP or TCP. Anything malformed is dropped and
 * counted; what RFC 8200 asks to answer gets an ICMPv6 Parameter Problem. */
#include "../net.h"

#define IP6_HEADER 40u

#define NH_HOP_BY_HOP 0
#define NH_ROUTING 43
#define NH_FRAGMENT 44
#define NH_DEST_OPTIONS 60
#define NH_NONE 59

#define PARAM_PROB_HEADER 0
#define PARAM_PROB_NEXT_HEADER 1
#define PARAM_PROB_OPTION 2

static int is_multicast(const struct net_addr *a) {
  return a->bytes[0] == 0xff;
}

/* Hop-by-hop and destination options (RFC 8200 4.2): Pad1, PadN and any
 * option whose two high type bits say "skip" are skipped; others discard the
 * packet, some with a Parameter Problem. Returns 1 to go on. */
static int options_acceptable(const struct net_packet *packet, uint32_t at, uint32_t end) {
  uint32_t i = at + 2;
  while (i < end) {
    uint8_t type = packet->ip[i];
    if (type == 0) { /* Pad1 */
      ++i;
      continue;
    }
    if (i + 2 > end || i + 2 + packet->ip[i + 1] > end) {
      icmp6_error(packet, ICMP6_PARAM_PROB, PARAM_PROB_HEADER, i);
      return 0;
    }
    switch (type >> 6) {
    case 0: /* skip over it */
      break;
    case 1: /* discard silently */
      ++net_if.counters->drop_malformed;
      return 0;
    case 2: /* discard, tell the source */
      icmp6_error(packet, ICMP6_PARAM_PROB, PARAM_PROB_OPTION, i);
      return 0;
    default: /* discard, tell the source unless it was multicast */
      if (!is_multicast(&packet->dst))
        icmp6_error(packet, ICMP6_PARAM_PROB, PARAM_PROB_OPTION, i);
      else
        ++net_if.counters->drop_malformed;
      return 0;
    }
    i += 2u + packet->ip[i + 1];
  }
  return 1;
}

void ip6_input(const uint8_t *ip, uint32_t length) {
  struct gpuvm_net_counters *count = net_if.counters;
  ++count->packets_in;
  count->bytes_in += length;
  if (length < IP6_HEADER || (ip[0] >> 4) != 6) {
    ++count->drop_malformed;
    return;
  }
  uint32_t payload = net_get16(ip + 4);
  if (payload == 0 || IP6_HEADER + payload > length) {
    /* 0 means a jumbogram (RFC 2675), which no link here carries. */
    ++count->drop_malformed;
    return;
  }
  struct net_packet packet;
  net_copy(packet.src.bytes, ip + 8, 16);
  net_copy(packet.dst.bytes, ip + 24, 16);
  packet.hop_limit = ip[7];
  packet.ip = ip;
  packet.ip_length = IP6_HEADER + payload; /* bytes past the payload are link padding */
  /* ::1 only ever comes from this VM itself (the router never carries it). */
  int to_loopback = net_addr_is_loopback(&packet.dst) && net_addr_is_loopback(&packet.src);
  if ((!to_loopback && !net_addr_equal(&packet.dst, &net_if.address)) ||
      is_multicast(&packet.src) || net_addr_is_any(&packet.src)) {
    ++count->drop_malformed;
    return;
  }

  uint8_t next = ip[6];
  uint32_t at = IP6_HEADER, next_field = 6;
  for (int headers = 0;; ++headers) {
    packet.next_header = next;
    packet.data = ip + at;
    packet.length = packet.ip_length - at;
    switch (next) {
    case NET_IPPROTO_ICMPV6:
      icmp6_input(&packet);
      return;
    case NET_IPPROTO_UDP:
      udp_input(&packet);
      return;
    case NET_IPPROTO_TCP:
      tcp_input(&packet);
      return;
    case NH_NONE:
      return;
    case NH_FRAGMENT:
      /* No reassembly yet: a fragment of any kind is dropped. */
      ++count->drop_fragment;
      return;
    case NH_HOP_BY_HOP:
    case NH_ROUTING:
    case NH_DEST_OPTIONS: {
      if (next == NH_HOP_BY_HOP && headers != 0) {
        icmp6_error(&packet, ICMP6_PARAM_PROB, PARAM_PROB_NEXT_HEADER, next_field);
        return;
      }
      if (packet.length < 8) {
        ++count->drop_malformed;
        return;
      }
      uint32_t size = 8u * (packet.data[1] + 1u);
      if (size > packet.length) {
        icmp6_error(&packet, ICMP6_PARAM_PROB, PARAM_PROB_HEADER, at + 1);
        return;
      }
      if (next == NH_ROUTING && packet.data[3] != 0) {
        /* Segments left: this host is no router for source routes. */
        icmp6_error(&packet, ICMP6_PARAM_PROB, PARAM_PROB_HEADER, at + 2);
        return;
      }
      if (next != NH_ROUTING && !options_acceptable(&packet, at, at + size))
        return;
      next_field = at;
      next = packet.data[0];
      at += size;
      continue;
    }
    default:
      icmp6_error(&packet, ICMP6_PARAM_PROB, PARAM_PROB_NEXT_HEADER, next_field);
      return;
    }
  }
}
