// The host bridge: moves packets between the TUN device and the device in
// batches, on one thread. Inbound, it is the device's router for packets
// from Linux: it routes by arithmetic (PREFIX::100+k is VM k), decrements the
// hop limit and pushes the packet into that VM's ring, and answers from
// PREFIX::2 with ICMPv6 errors what it cannot deliver. Outbound, it drains
// the uplink ring (everything the VMs send outside the VMs) into the TUN,
// whatever the destination prefix: Linux routes it on.
//
// The bridge knows the device only through the uplink ring and a "deliver
// to VM k" function, so every backend uses it the same way.
#pragma once

#include "gpuvm/ring.h"
#include "net/Impairment.h"
#include "net/PcapWriter.h"
#include "net/Prefix.h"
#include "net/Tun.h"

#include <array>
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace gpuvm::runtime::net {

// Totals, each one a count of packets unless it says bytes.
enum class BridgeCounter {
  FromTun, // read from the TUN
  FromTunBytes,
  ToVms,      // pushed into a VM's ring
  FromUplink, // taken from the uplink ring
  ToTun,      // written to the TUN (the bridge's own ICMPv6 included)
  ToTunBytes,
  Icmp6Errors,     // errors the bridge sent as the router
  EchoReplies,     // answers to pings of the router's address
  DropMalformed,   // shorter than 40 bytes, not IPv6, a payload length that lies
  DropBadChecksum, // an echo request to the router with a bad checksum
  DropHopLimit,    // hop limit would reach 0 (Time Exceeded sent)
  DropUnreachable, // in the prefix but no VM there (Destination Unreachable sent)
  DropNoRoute,     // outside the prefix: not ours to route
  DropTooBig,      // above --mtu (Packet Too Big sent)
  DropMulticast,   // multicast from Linux (MLD, router solicitations): no VM is on-link
  DropRingFull,    // the VM's inbound ring had no room
  DropNoTun,       // from the uplink with no --tun to send it to
  DropTunWrite,    // the TUN refused the packet
  DropIcmp6Rate,   // an error not sent: the rate limit
  ImpairLost,      // --impair: dropped, duplicated, reordered, corrupted
  ImpairDuplicated,
  ImpairReordered,
  ImpairCorrupted,
  UplinkFull, // VMs' packets that found the uplink ring full
  Count
};

// snake_case names, as `gpuvm stat` prints them.
const char *bridgeCounterName(BridgeCounter counter);

struct BridgeConfig {
  Prefix prefix;
  uint32_t mtu = 1500;
  uint32_t vmCount = 0;
  Tun *tun = nullptr;         // none: uplink packets are dropped and counted
  PcapWriter *pcap = nullptr; // none: no capture
  std::optional<ImpairmentSpec> impairment;
  gpuvm_ring *uplink = nullptr;
  // Pushes the packet (parts concatenated, `length` bytes) into VM `vm`'s
  // inbound ring; false when the ring is full.
  std::function<bool(uint32_t vm, const gpuvm_ring_part *parts, int count, uint32_t length)>
      deliver;
};

class Bridge {
public:
  explicit Bridge(BridgeConfig config);
  ~Bridge();

  void start();
  // Moves what the uplink still holds, then stops the thread.
  void stop();

  uint64_t counter(BridgeCounter which) const {
    return counters_[size_t(which)].load(std::memory_order_relaxed);
  }

private:
  void run();
  size_t moveFromTun(uint8_t *buffer, size_t capacity);
  size_t moveFromUplink(size_t limit);
  void route(const uint8_t *packet, size_t length);
  void sendToTun(const uint8_t *packet, size_t length);
  void writeTun(const uint8_t *packet, size_t length);
  void answer(uint8_t type, uint8_t code, uint32_t field, const uint8_t *packet, size_t length);
  void syncImpairmentCounts();
  void add(BridgeCounter which, uint64_t n = 1) {
    counters_[size_t(which)].fetch_add(n, std::memory_order_relaxed);
  }

  BridgeConfig config_;
  uint8_t router_[16];
  std::optional<Impairment> inbound_, outbound_;
  std::array<std::atomic<uint64_t>, size_t(BridgeCounter::Count)> counters_{};
  std::vector<uint8_t> scratch_; // outbound copies that impairment may change
  std::vector<uint8_t> reply_;   // the router's echo replies
  double icmpTokens_;
  uint64_t icmpRefillNs_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

} // namespace gpuvm::runtime::net
