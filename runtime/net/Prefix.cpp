#include "net/Prefix.h"

#include "gpuvm/net.h"

#include <arpa/inet.h>

#include <cstring>

namespace gpuvm::runtime::net {

void Prefix::address(uint64_t interfaceId, uint8_t out[16]) const {
  gpuvm_address_of(bytes, interfaceId, out);
}

std::string Prefix::text() const {
  uint8_t full[16];
  address(0, full);
  return formatAddress(full) + "/64";
}

std::string parsePrefix(const std::string &text, Prefix &out) {
  size_t slash = text.find('/');
  if (slash == std::string::npos)
    return "'" + text + "' is not an IPv6 prefix: write it as ADDRESS/64";
  std::string length = text.substr(slash + 1);
  uint8_t address[16];
  if (inet_pton(AF_INET6, text.substr(0, slash).c_str(), address) != 1)
    return "'" + text + "' is not an IPv6 prefix: '" + text.substr(0, slash) +
           "' is not an IPv6 address";
  if (length != "64")
    return "'" + text + "' is not a /64: each gpuvm run owns one /64 (VM k is PREFIX::100+k)";
  Prefix prefix;
  std::memcpy(prefix.bytes, address, 8);
  for (int i = 8; i < 16; ++i)
    if (address[i])
      return "'" + text + "' has bits set past the first 64 (did you mean " + prefix.text() + "?)";
  out = prefix;
  return {};
}

std::string formatAddress(const uint8_t address[16]) {
  char text[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, address, text, sizeof text);
  return text;
}

} // namespace gpuvm::runtime::net
