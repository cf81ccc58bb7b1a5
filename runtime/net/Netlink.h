// Configures the TUN device through rtnetlink (libmnl), not by running `ip`:
// the GPU machines have no `ip` command.
#pragma once

#include <cstdint>
#include <string>

namespace gpuvm::runtime::net {

// Sets the MTU, gives the interface `address`/64 (usable at once: no
// duplicate address detection; the kernel routes the /64 to the interface
// with it) and brings it up. Adds no other route. Returns empty, or why not
// (saying so when root or CAP_NET_ADMIN is what lacks).
std::string configureInterface(unsigned index, const std::string &name, const uint8_t address[16],
                               uint32_t mtu);

} // namespace gpuvm::runtime::net
