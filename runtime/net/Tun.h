// The TUN device Linux routes the prefix to: raw IPv6 packets, no link
// header (IFF_TUN | IFF_NO_PI), non-blocking.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace gpuvm::runtime::net {

class Tun {
public:
  Tun() = default;
  Tun(const Tun &) = delete;
  Tun &operator=(const Tun &) = delete;
  ~Tun();

  // Creates the device `name`, or attaches to it if it exists. Returns empty,
  // or why not (saying so when root or CAP_NET_ADMIN is what lacks).
  std::string open(const std::string &name);

  int fd() const { return fd_; }
  const std::string &name() const { return name_; }
  unsigned index() const { return index_; }

  // One packet; 0 when none is waiting, -1 on error (errno).
  long read(uint8_t *buffer, size_t capacity);
  bool write(const uint8_t *packet, size_t length);

private:
  int fd_ = -1;
  std::string name_;
  unsigned index_ = 0;
};

} // namespace gpuvm::runtime::net
