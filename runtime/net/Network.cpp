#include "net/Network.h"

#include "net/Netlink.h"

namespace gpuvm::runtime::net {

namespace {

// The fields of struct gpuvm_net_counters, in order, as `stat` names them.
const char *const kVmCounterNames[] = {
    "packets_in",      "packets_out",    "bytes_in",         "bytes_out",       "drop_checksum",
    "drop_malformed",  "drop_no_socket", "drop_spoofed",     "drop_ring_full",  "drop_fragment",
    "drop_no_memory",  "drop_hop_limit", "drop_unreachable", "tcp_retransmits", "tcp_timeouts",
    "tcp_connections", "tcp_open",       "buffer_bytes",     "to_exited",
};
static_assert(std::size(kVmCounterNames) * sizeof(uint64_t) == sizeof(gpuvm_net_counters));

std::string formatCounters(const gpuvm_net_counters &counters) {
  const auto *values = reinterpret_cast<const uint64_t *>(&counters);
  std::string text;
  for (size_t i = 0; i < std::size(kVmCounterNames); ++i)
    text += std::string(" ") + kVmCounterNames[i] + "=" + std::to_string(values[i]);
  return text;
}

} // namespace

Network::Network(const NetOptions &options, uint32_t vmCount)
    : options_(options), vmCount_(vmCount) {}

Network::~Network() {
  detach();
}

std::string Network::open() {
  if (!options_.tun.empty()) {
    if (std::string why = tun_.open(options_.tun); !why.empty())
      return why;
    uint8_t host[16];
    options_.prefix.address(GPUVM_NET_HOST_ID, host);
    if (std::string why = configureInterface(tun_.index(), tun_.name(), host, options_.mtu);
        !why.empty())
      return why;
    tunOpen_ = true;
  }
  if (!options_.pcap.empty())
    if (std::string why = pcap_.open(options_.pcap); !why.empty())
      return why;
  return {};
}

void Network::attach(const DeviceLink &link) {
  BridgeConfig config;
  config.prefix = options_.prefix;
  config.mtu = options_.mtu;
  config.vmCount = vmCount_;
  config.tun = tunOpen_ ? &tun_ : nullptr;
  config.pcap = pcap_.isOpen() ? &pcap_ : nullptr;
  config.impairment = options_.impairment;
  config.uplink = link.uplink;
  config.deliver = link.deliver;
  std::lock_guard lock(mutex_);
  liveCounters_ = link.counters;
  bridge_ = std::make_unique<Bridge>(std::move(config));
  bridge_->start();
}

void Network::detach() {
  if (bridge_)
    bridge_->stop(); // the bridge, not the lock, is what stat readers share
  std::lock_guard lock(mutex_);
  if (!liveCounters_)
    return;
  finalCounters_.resize(vmCount_);
  for (uint32_t vm = 0; vm < vmCount_; ++vm)
    finalCounters_[vm] = countersOf(vm);
  liveCounters_ = nullptr;
}

gpuvm_net_counters Network::countersOf(uint32_t vm) const {
  gpuvm_net_counters copy{};
  if (liveCounters_) {
    // The VM writes its own while we read: word by word, no torn words.
    const auto *from = reinterpret_cast<const uint64_t *>(liveCounters_ + vm);
    auto *to = reinterpret_cast<uint64_t *>(&copy);
    for (size_t i = 0; i < sizeof copy / sizeof(uint64_t); ++i)
      to[i] = __atomic_load_n(from + i, __ATOMIC_RELAXED);
  } else if (vm < finalCounters_.size()) {
    copy = finalCounters_[vm];
  }
  return copy;
}

std::string Network::vmCountersText(uint32_t vm) const {
  std::lock_guard lock(mutex_);
  return formatCounters(countersOf(vm));
}

std::string Network::bridgeText() const {
  std::string text = "bridge:";
  for (size_t i = 0; i < size_t(BridgeCounter::Count); ++i)
    text += std::string(" ") + bridgeCounterName(BridgeCounter(i)) + "=" +
            std::to_string(bridge_ ? bridge_->counter(BridgeCounter(i)) : 0);
  return text;
}

std::string Network::statText() const {
  std::lock_guard lock(mutex_);
  uint8_t router[16];
  options_.prefix.address(kRouterId, router);
  std::string text = "network: prefix=" + options_.prefix.text() +
                     " router=" + formatAddress(router) + " mtu=" + std::to_string(options_.mtu) +
                     " tun=" + (tunOpen_ ? tun_.name() : "none") +
                     " vms=" + std::to_string(vmCount_) + "\n" + bridgeText() + "\n";
  gpuvm_net_counters total{};
  std::string lines;
  for (uint32_t vm = 0; vm < vmCount_; ++vm) {
    gpuvm_net_counters c = countersOf(vm);
    const auto *from = reinterpret_cast<const uint64_t *>(&c);
    auto *to = reinterpret_cast<uint64_t *>(&total);
    for (size_t i = 0; i < sizeof c / sizeof(uint64_t); ++i)
      to[i] += from[i];
    lines += "vm " + std::to_string(vm) + ":" + formatCounters(c) + "\n";
  }
  return text + "total:" + formatCounters(total) + "\n" + lines;
}

} // namespace gpuvm::runtime::net
