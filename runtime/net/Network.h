// The host side of the network for one launch: the TUN device and its
// configuration, the bridge, the capture, and the VMs' counters. A backend
// sees only DeviceLink: it says where the rings and counters are once the
// VMs' memory exists, and detach() once the VMs have ended.
#pragma once

#include "gpuvm/ring.h"
#include "net/Bridge.h"
#include "net/Impairment.h"
#include "net/PcapWriter.h"
#include "net/Prefix.h"
#include "net/Tun.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace gpuvm::runtime::net {

struct NetOptions {
  Prefix prefix;
  uint32_t mtu = 1500;
  uint64_t rxRingBytes = 0; // the whole ring per VM, header included; 0: no network
  std::string tun;          // empty: no TUN, packets for outside the VMs are dropped
  std::string pcap;
  std::optional<ImpairmentSpec> impairment;
};

// The uplink ring's size, header included (4 MiB of packets).
constexpr uint64_t kUplinkBytes = (4u << 20) + sizeof(gpuvm_ring);

// What a backend provides once the VMs' memory exists and before they start.
struct DeviceLink {
  gpuvm_ring *uplink = nullptr;                 // kUplinkBytes, initialized, host-readable
  const gpuvm_net_counters *counters = nullptr; // vmCount entries, written by the VMs
  std::function<bool(uint32_t vm, const gpuvm_ring_part *parts, int count, uint32_t length)>
      deliver; // pushes into VM vm's inbound ring; false when it is full
};

class Network {
public:
  Network(const NetOptions &options, uint32_t vmCount);
  ~Network();

  const NetOptions &options() const { return options_; }

  // Makes and configures the TUN, opens the capture. Returns empty, or one
  // line.
  std::string open();

  void attach(const DeviceLink &link); // starts the bridge
  void detach();                       // stops it, keeps the VMs' last counters

  // `gpuvm stat`: the bridge's totals, then one line per VM. Any thread.
  std::string statText() const;
  // " packets_in=N packets_out=N ..." for VM vm's --status-file line.
  std::string vmCountersText(uint32_t vm) const;
  // The bridge's totals in one line (for --verbose).
  std::string bridgeText() const;

private:
  gpuvm_net_counters countersOf(uint32_t vm) const;

  NetOptions options_;
  uint32_t vmCount_;
  Tun tun_;
  bool tunOpen_ = false;
  PcapWriter pcap_;
  std::unique_ptr<Bridge> bridge_;
  mutable std::mutex mutex_; // attach/detach against stat readers
  const gpuvm_net_counters *liveCounters_ = nullptr;
  std::vector<gpuvm_net_counters> finalCounters_;
};

} // namespace gpuvm::runtime::net
