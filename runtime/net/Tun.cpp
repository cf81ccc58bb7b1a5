#include "net/Tun.h"

#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gpuvm::runtime::net {

Tun::~Tun() {
  if (fd_ >= 0)
    close(fd_);
}

std::string Tun::open(const std::string &name) {
  if (name.empty() || name.size() >= IFNAMSIZ || name.find_first_of("/: \t") != std::string::npos)
    return "--tun: '" + name + "' is not a valid interface name (1 to " +
           std::to_string(IFNAMSIZ - 1) + " characters, no '/', ':' or spaces)";
  fd_ = ::open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd_ < 0) {
    bool permission = errno == EACCES || errno == EPERM;
    return std::string("cannot open /dev/net/tun: ") + std::strerror(errno) +
           (permission ? " (the TUN device needs root or CAP_NET_ADMIN)" : "");
  }
  ifreq request{};
  std::strncpy(request.ifr_name, name.c_str(), IFNAMSIZ - 1);
  request.ifr_flags = IFF_TUN | IFF_NO_PI;
  if (ioctl(fd_, TUNSETIFF, &request) < 0) {
    int error = errno;
    bool permission = error == EPERM || error == EACCES;
    return "cannot create TUN device " + name + ": " + std::strerror(error) +
           (permission ? " (needs root or CAP_NET_ADMIN)"
            : error == EINVAL || error == EBUSY
                ? " (does an interface of another kind, or a busy TUN, have that name?)"
                : "");
  }
  name_ = request.ifr_name;
  index_ = if_nametoindex(name_.c_str());
  if (!index_)
    return "TUN device " + name_ + " has no interface index: " + std::strerror(errno);
  return {};
}

long Tun::read(uint8_t *buffer, size_t capacity) {
  ssize_t n = ::read(fd_, buffer, capacity);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
    return 0;
  return long(n);
}

bool Tun::write(const uint8_t *packet, size_t length) {
  return ::write(fd_, packet, length) == ssize_t(length);
}

} // namespace gpuvm::runtime::net
