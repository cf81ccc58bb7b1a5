#include "net/Icmp6.h"

#include <algorithm>
#include <cstring>

namespace gpuvm::runtime::net {

namespace {

constexpr size_t kMinimumMtu = 1280;
constexpr uint8_t kHopLimit = 64;

uint32_t sumBytes(uint32_t sum, const uint8_t *data, size_t length) {
  for (size_t i = 0; i + 1 < length; i += 2)
    sum += uint32_t(data[i]) << 8 | data[i + 1];
  if (length & 1)
    sum += uint32_t(data[length - 1]) << 8;
  return sum;
}

void put16(uint8_t *at, uint16_t value) {
  at[0] = uint8_t(value >> 8);
  at[1] = uint8_t(value);
}

void put32(uint8_t *at, uint32_t value) {
  put16(at, uint16_t(value >> 16));
  put16(at + 2, uint16_t(value));
}

bool isMulticast(const uint8_t *address) {
  return address[0] == 0xff;
}

bool isUnspecified(const uint8_t *address) {
  for (int i = 0; i < 16; ++i)
    if (address[i])
      return false;
  return true;
}

// An IPv6 header with its ICMPv6 message already at out + 40; fills in the
// header and the checksum.
size_t finish(const uint8_t source[16], const uint8_t destination[16], uint8_t *out,
              size_t messageLength) {
  out[0] = 0x60;
  out[1] = out[2] = out[3] = 0;
  put16(out + 4, uint16_t(messageLength));
  out[6] = kProtoIcmp6;
  out[7] = kHopLimit;
  std::memmove(out + 8, source, 16);
  std::memmove(out + 24, destination, 16);
  uint8_t *message = out + kIp6Header;
  message[2] = message[3] = 0;
  put16(message + 2, icmp6Checksum(source, destination, message, messageLength));
  return kIp6Header + messageLength;
}

} // namespace

uint16_t icmp6Checksum(const uint8_t source[16], const uint8_t destination[16],
                       const uint8_t *message, size_t length) {
  uint32_t sum = sumBytes(0, source, 16);
  sum = sumBytes(sum, destination, 16);
  sum += uint32_t(length >> 16) + uint32_t(length & 0xffff) + kProtoIcmp6;
  sum = sumBytes(sum, message, length);
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  return uint16_t(~sum);
}

int upperLayer(const uint8_t *packet, size_t length, size_t &offset) {
  int next = packet[6];
  offset = kIp6Header;
  // Hop-by-hop (0), routing (43), destination options (60): 8-byte units.
  while (next == 0 || next == 43 || next == 60) {
    if (offset + 8 > length)
      return -1;
    int following = packet[offset];
    offset += (size_t(packet[offset + 1]) + 1) * 8;
    next = following;
  }
  return offset <= length ? next : -1;
}

bool mayAnswerWithError(const uint8_t *packet, size_t length) {
  const uint8_t *source = packet + 8, *destination = packet + 24;
  if (isMulticast(destination) || isMulticast(source) || isUnspecified(source))
    return false;
  size_t offset;
  if (upperLayer(packet, length, offset) == kProtoIcmp6)
    return offset < length && packet[offset] >= kEchoRequest; // informational only
  return true;
}

size_t buildIcmp6Error(const uint8_t router[16], uint8_t type, uint8_t code, uint32_t field,
                       const uint8_t *packet, size_t length, uint8_t *out) {
  size_t quoted = std::min(length, kMinimumMtu - kIp6Header - 8);
  uint8_t *message = out + kIp6Header;
  message[0] = type;
  message[1] = code;
  put32(message + 4, field);
  std::memcpy(message + 8, packet, quoted);
  uint8_t destination[16];
  std::memcpy(destination, packet + 8, 16);
  return finish(router, destination, out, 8 + quoted);
}

size_t buildEchoReply(const uint8_t *packet, size_t length, uint8_t *out) {
  if (packet[6] != kProtoIcmp6 || length < kIp6Header + 8)
    return 0;
  const uint8_t *source = packet + 8, *destination = packet + 24;
  const uint8_t *message = packet + kIp6Header;
  size_t messageLength = length - kIp6Header;
  if (message[0] != kEchoRequest || message[1] != 0 || isMulticast(source) ||
      isUnspecified(source) || icmp6Checksum(source, destination, message, messageLength) != 0)
    return 0;
  uint8_t from[16], to[16];
  std::memcpy(from, destination, 16);
  std::memcpy(to, source, 16);
  std::memmove(out + kIp6Header, message, messageLength);
  out[kIp6Header] = kEchoReply;
  return finish(from, to, out, messageLength);
}

} // namespace gpuvm::runtime::net
