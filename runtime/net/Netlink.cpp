#include "net/Netlink.h"

#include "net/Prefix.h"

#include <libmnl/libmnl.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <vector>

namespace gpuvm::runtime::net {

namespace {

class Socket {
public:
  ~Socket() {
    if (socket_)
      mnl_socket_close(socket_);
  }

  // Returns 0 or an errno value.
  int open() {
    socket_ = mnl_socket_open(NETLINK_ROUTE);
    if (!socket_)
      return errno;
    if (mnl_socket_bind(socket_, 0, MNL_SOCKET_AUTOPID) < 0)
      return errno;
    return 0;
  }

  // Sends one request and waits for its acknowledgement: 0 or an errno value.
  int request(nlmsghdr *message) {
    message->nlmsg_seq = ++sequence_;
    if (mnl_socket_sendto(socket_, message, message->nlmsg_len) < 0)
      return errno;
    std::vector<char> buffer(MNL_SOCKET_BUFFER_SIZE);
    unsigned port = mnl_socket_get_portid(socket_);
    for (;;) {
      ssize_t n = mnl_socket_recvfrom(socket_, buffer.data(), buffer.size());
      if (n < 0)
        return errno;
      // mnl_cb_run turns an error acknowledgement into -1 with errno set.
      int result = mnl_cb_run(buffer.data(), size_t(n), sequence_, port, nullptr, nullptr);
      if (result < 0)
        return errno;
      if (result == MNL_CB_STOP)
        return 0;
    }
  }

private:
  mnl_socket *socket_ = nullptr;
  unsigned sequence_ = unsigned(time(nullptr));
};

nlmsghdr *startMessage(char *buffer, uint16_t type, uint16_t flags) {
  nlmsghdr *message = mnl_nlmsg_put_header(buffer);
  message->nlmsg_type = type;
  message->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
  return message;
}

int setLink(Socket &socket, unsigned index, uint32_t mtu, bool up) {
  std::vector<char> buffer(MNL_SOCKET_BUFFER_SIZE);
  nlmsghdr *message = startMessage(buffer.data(), RTM_NEWLINK, 0);
  auto *link = static_cast<ifinfomsg *>(mnl_nlmsg_put_extra_header(message, sizeof(ifinfomsg)));
  link->ifi_family = AF_UNSPEC;
  link->ifi_index = int(index);
  if (up) {
    link->ifi_flags = IFF_UP;
    link->ifi_change = IFF_UP;
  } else {
    mnl_attr_put_u32(message, IFLA_MTU, mtu);
  }
  return socket.request(message);
}

int addAddress(Socket &socket, unsigned index, const uint8_t address[16]) {
  std::vector<char> buffer(MNL_SOCKET_BUFFER_SIZE);
  // NLM_F_REPLACE: attaching to a device configured by an earlier run is fine.
  nlmsghdr *message = startMessage(buffer.data(), RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE);
  auto *ifa = static_cast<ifaddrmsg *>(mnl_nlmsg_put_extra_header(message, sizeof(ifaddrmsg)));
  ifa->ifa_family = AF_INET6;
  ifa->ifa_prefixlen = 64;
  ifa->ifa_flags = IFA_F_NODAD; // usable at once, never "tentative"
  ifa->ifa_scope = RT_SCOPE_UNIVERSE;
  ifa->ifa_index = index;
  mnl_attr_put(message, IFA_LOCAL, 16, address);
  mnl_attr_put(message, IFA_ADDRESS, 16, address);
  mnl_attr_put_u32(message, IFA_FLAGS, IFA_F_NODAD);
  return socket.request(message);
}

} // namespace

std::string configureInterface(unsigned index, const std::string &name, const uint8_t address[16],
                               uint32_t mtu) {
  Socket socket;
  if (int error = socket.open())
    return std::string("cannot open an rtnetlink socket: ") + std::strerror(error);
  auto failed = [&](const std::string &what, int error) {
    bool permission = error == EPERM || error == EACCES;
    return "cannot " + what + " on " + name + ": " + std::strerror(error) +
           (permission ? " (needs root or CAP_NET_ADMIN)" : "");
  };
  // The MTU first: IPv6 needs at least 1280 before it takes an address.
  if (int error = setLink(socket, index, mtu, false))
    return failed("set MTU " + std::to_string(mtu), error);
  if (int error = addAddress(socket, index, address))
    return failed("add address " + formatAddress(address) + "/64", error);
  if (int error = setLink(socket, index, mtu, true))
    return failed("bring the interface up", error);
  return {};
}

} // namespace gpuvm::runtime::net
