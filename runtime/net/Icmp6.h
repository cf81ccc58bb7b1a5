// The ICMPv6 messages the bridge sends as the device's router (RFC 4443):
// errors about packets it cannot deliver, and echo replies for the router's
// own address.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gpuvm::runtime::net {

constexpr size_t kIp6Header = 40;
constexpr uint8_t kProtoIcmp6 = 58;

enum Icmp6Type : uint8_t {
  kDestinationUnreachable = 1, // code 0 no route, 3 address unreachable
  kPacketTooBig = 2,           // field: the MTU
  kTimeExceeded = 3,           // code 0 hop limit exceeded in transit
  kEchoRequest = 128,
  kEchoReply = 129,
};

// The ICMPv6 checksum over the pseudo-header and `message`.
uint16_t icmp6Checksum(const uint8_t source[16], const uint8_t destination[16],
                       const uint8_t *message, size_t length);

// The upper-layer protocol after any hop-by-hop, routing or destination
// options headers, and where its header starts; -1 when the chain runs past
// the packet.
int upperLayer(const uint8_t *packet, size_t length, size_t &offset);

// RFC 4443 2.4 (e): no error about an ICMPv6 error, nor about a packet sent
// to a multicast address or from an address that is not unicast.
bool mayAnswerWithError(const uint8_t *packet, size_t length);

// An error from `router` to the packet's source, quoting as much of `packet`
// as fits in IPv6's minimum MTU. `out` holds at least 1280 bytes; returns the
// bytes written.
size_t buildIcmp6Error(const uint8_t router[16], uint8_t type, uint8_t code, uint32_t field,
                       const uint8_t *packet, size_t length, uint8_t *out);

// A valid echo request (checksum included) to `to`? Then its reply, from
// `to`, into `out` (at least `length` bytes); returns its bytes, or 0.
size_t buildEchoReply(const uint8_t *packet, size_t length, uint8_t *out);

} // namespace gpuvm::runtime::net
