/* ICMPv6 (RFC 4443): echo, the errors this host sends (rate-limited by a
 * token bucket, 2.4(f)) and the errors it receives, which reach the
 * transport the quoted packet came from. */
#include "../net.h"

#define ICMP6_HEADER 8u
/* An error quotes as much of the offending packet as fits in the minimum MTU. */
#define QUOTE_MAX (GPUVM_NET_MIN_MTU - 40u - ICMP6_HEADER)
#define TOKENS_PER_SECOND 1000
#define TOKEN_BURST 50

static int64_t bucket_time;
static int bucket_tokens = TOKEN_BURST;

static int take_token(void) {
  int64_t now = net_now();
  int64_t earned = (now - bucket_time) * TOKENS_PER_SECOND / 1000000000ll;
  if (earned > 0) {
    bucket_tokens = earned >= TOKEN_BURST ? TOKEN_BURST : bucket_tokens + (int)earned;
    if (bucket_tokens > TOKEN_BURST)
      bucket_tokens = TOKEN_BURST;
    bucket_time = now;
  }
  if (bucket_tokens == 0)
    return 0;
  --bucket_tokens;
  return 1;
}

static void send_icmp(const struct net_addr *dst, uint8_t type, uint8_t code, uint32_t field,
                      const uint8_t *body, uint32_t body_length) {
  uint8_t header[ICMP6_HEADER];
  header[0] = type;
  header[1] = code;
  header[2] = header[3] = 0;
  net_put32(header + 4, field);
  /* The source ip6_output will write: ::1 towards the loopback. */
  uint32_t sum =
      net_pseudo_sum(net_source_for(dst), dst, ICMP6_HEADER + body_length, NET_IPPROTO_ICMPV6);
  sum = net_sum(sum, header, ICMP6_HEADER);
  sum = net_sum(sum, body, body_length);
  net_put16(header + 2, net_fold(sum));
  struct lk_iovec parts[2] = {{header, ICMP6_HEADER}, {(void *)body, body_length}};
  ip6_output(dst, NET_IPPROTO_ICMPV6, 0, parts, 2);
}

void icmp6_error(const struct net_packet *packet, uint8_t type, uint8_t code, uint32_t field) {
  /* Never about an error, a multicast destination (but for Packet Too Big and
   * unknown options, 2.4(e)), or a source that cannot be answered. */
  if (packet->ip[6] == NET_IPPROTO_ICMPV6 && packet->next_header == NET_IPPROTO_ICMPV6 &&
      packet->length >= 1 && packet->data[0] < 128) {
    ++net_if.counters->drop_malformed;
    return;
  }
  if ((packet->dst.bytes[0] == 0xff && type != ICMP6_PACKET_TOO_BIG &&
       !(type == ICMP6_PARAM_PROB && code == 2)) ||
      packet->src.bytes[0] == 0xff || net_addr_is_any(&packet->src)) {
    ++net_if.counters->drop_malformed;
    return;
  }
  if (!take_token())
    return;
  uint32_t quoted = packet->ip_length < QUOTE_MAX ? packet->ip_length : QUOTE_MAX;
  send_icmp(&packet->src, type, code, field, packet->ip, quoted);
}

/* An error about a packet we sent: the quoted packet's transport decides. */
static void error_input(const struct net_packet *packet) {
  const uint8_t *quoted = packet->data + ICMP6_HEADER;
  uint32_t quoted_length = packet->length - ICMP6_HEADER;
  if (quoted_length < 40 || (quoted[0] >> 4) != 6) {
    ++net_if.counters->drop_malformed;
    return;
  }
  struct net_addr quoted_src, quoted_dst;
  net_copy(quoted_src.bytes, quoted + 8, 16);
  net_copy(quoted_dst.bytes, quoted + 24, 16);
  /* It must quote a packet of ours: from our address, or ::1 over the loopback. */
  if (!net_addr_equal(&quoted_src, net_source_for(&quoted_dst))) {
    ++net_if.counters->drop_malformed;
    return;
  }
  uint8_t type = packet->data[0], code = packet->data[1];
  uint32_t field = net_get32(packet->data + 4);
  if (type == ICMP6_PACKET_TOO_BIG)
    ip6_learn_path_mtu(&quoted_dst, field);
  /* Only the first header is looked at: we send no extension headers. */
  if (quoted[6] == NET_IPPROTO_TCP)
    tcp_icmp_error(type, code, field, quoted, quoted_length);
  else if (quoted[6] == NET_IPPROTO_UDP)
    udp_icmp_error(type, code, quoted, quoted_length);
}

void icmp6_input(const struct net_packet *packet) {
  if (packet->length < ICMP6_HEADER ||
      net_fold(
          net_sum(net_pseudo_sum(&packet->src, &packet->dst, packet->length, NET_IPPROTO_ICMPV6),
                  packet->data, packet->length)) != 0) {
    ++net_if.counters->drop_checksum;
    return;
  }
  uint8_t type = packet->data[0];
  switch (type) {
  case ICMP6_ECHO_REQUEST:
    send_icmp(&packet->src, ICMP6_ECHO_REPLY, 0, net_get32(packet->data + 4),
              packet->data + ICMP6_HEADER, packet->length - ICMP6_HEADER);
    return;
  case ICMP6_DST_UNREACH:
  case ICMP6_PACKET_TOO_BIG:
  case ICMP6_TIME_EXCEEDED:
  case ICMP6_PARAM_PROB:
    error_input(packet);
    return;
  default:
    /* Echo replies (no ping sockets yet), NDP (no links here), unknown
     * informational messages: dropped, as RFC 4443 2.4(b) says. */
    return;
  }
}
