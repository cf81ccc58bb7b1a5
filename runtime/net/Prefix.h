// The launch's /64: every VM's address is PREFIX::100+k, the host side of
// the bridge PREFIX::1, the device's router PREFIX::2 (abi/gpuvm/net.h).
#pragma once

#include <cstdint>
#include <string>

namespace gpuvm::runtime::net {

// A documented ULA (RFC 4193): fd00:6770:766d::/64, "gvm" in the global ID.
constexpr const char *kDefaultPrefix = "fd00:6770:766d::/64";
// The device's router: the source of the ICMPv6 errors it and the bridge send.
constexpr uint64_t kRouterId = 2;

struct Prefix {
  uint8_t bytes[8] = {};

  // PREFIX plus an interface id: address(1) is the host side.
  void address(uint64_t interfaceId, uint8_t out[16]) const;
  std::string text() const; // "fd00:6770:766d::/64"
};

// Accepts "ADDRESS/64" with host bits zero. Returns empty, or why not.
std::string parsePrefix(const std::string &text, Prefix &out);

std::string formatAddress(const uint8_t address[16]);

} // namespace gpuvm::runtime::net
