#include "net/Bridge.h"

#include "net/Icmp6.h"

#include <poll.h>
#include <sched.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace gpuvm::runtime::net {

namespace {

constexpr size_t kBatch = 64;           // packets per direction per turn
constexpr size_t kFinalDrain = 1 << 20; // packets moved at most when stopping
constexpr size_t kLargestPacket = 65535;
// ICMPv6 errors (RFC 4443 2.4 (f)): a token bucket, 1000 a second, bursts of 100.
constexpr double kIcmpBurst = 100, kIcmpPerNs = 1000e-9;

const char *const kCounterNames[] = {
    "from_tun",          "from_tun_bytes",   "to_vms",
    "from_uplink",       "to_tun",           "to_tun_bytes",
    "icmp6_errors",      "echo_replies",     "drop_malformed",
    "drop_bad_checksum", "drop_hop_limit",   "drop_unreachable",
    "drop_no_route",     "drop_too_big",     "drop_multicast",
    "drop_ring_full",    "drop_no_tun",      "drop_tun_write",
    "drop_icmp6_rate",   "impair_lost",      "impair_duplicated",
    "impair_reordered",  "impair_corrupted", "uplink_full",
};
static_assert(std::size(kCounterNames) == size_t(BridgeCounter::Count));

uint64_t nowNs() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return uint64_t(t.tv_sec) * 1'000'000'000u + uint64_t(t.tv_nsec);
}

// Whole (40-byte header, version 6, a payload length that tells the truth)?
bool wellFormed(const uint8_t *packet, size_t length) {
  return length >= kIp6Header && (packet[0] >> 4) == 6 &&
         kIp6Header + (size_t(packet[4]) << 8 | packet[5]) == length;
}

// Low 64 bits of an address: the interface id.
uint64_t interfaceId(const uint8_t *address) {
  uint64_t id = 0;
  for (int i = 8; i < 16; ++i)
    id = id << 8 | address[i];
  return id;
}

} // namespace

const char *bridgeCounterName(BridgeCounter counter) {
  return kCounterNames[size_t(counter)];
}

Bridge::Bridge(BridgeConfig config) : config_(std::move(config)), icmpTokens_(kIcmpBurst) {
  config_.prefix.address(kRouterId, router_);
  if (config_.impairment) {
    inbound_.emplace(*config_.impairment, 1);
    outbound_.emplace(*config_.impairment, 2);
  }
  scratch_.resize(kLargestPacket);
  reply_.resize(kLargestPacket);
}

Bridge::~Bridge() {
  stop();
}

void Bridge::start() {
  icmpRefillNs_ = nowNs();
  thread_ = std::thread([this] { run(); });
}

void Bridge::stop() {
  if (!thread_.joinable())
    return;
  stopping_.store(true, std::memory_order_release);
  thread_.join();
}

void Bridge::run() {
  std::vector<uint8_t> buffer(kLargestPacket + 1);
  unsigned idle = 0;
  while (!stopping_.load(std::memory_order_acquire)) {
    size_t moved = moveFromTun(buffer.data(), buffer.size()) + moveFromUplink(kBatch);
    if (inbound_) {
      uint64_t now = nowNs();
      inbound_->flushHeld(now, [this](const uint8_t *p, size_t n) {
        if (config_.pcap)
          config_.pcap->write(p, n);
        route(p, n);
      });
      outbound_->flushHeld(now, [this](const uint8_t *p, size_t n) { writeTun(p, n); });
      syncImpairmentCounts();
    }
    if (config_.pcap)
      config_.pcap->flush();
    if (config_.uplink)
      counters_[size_t(BridgeCounter::UplinkFull)].store(
          __atomic_load_n(&config_.uplink->drops, __ATOMIC_RELAXED), std::memory_order_relaxed);
    if (moved) {
      idle = 0;
      continue;
    }
    // Nothing moved: spin a little, then sleep longer and longer (at most
    // 1 ms), waking at once for the TUN. The uplink has no doorbell.
    idle = std::min(idle + 1, 100u);
    if (idle < 4) {
      sched_yield();
      continue;
    }
    long waitNs = std::min<long>(50'000l * long(idle - 3), 1'000'000l);
    timespec timeout{0, waitNs};
    pollfd tun{config_.tun ? config_.tun->fd() : -1, POLLIN, 0};
    ppoll(&tun, 1, &timeout, nullptr);
  }
  moveFromUplink(kFinalDrain);
  if (inbound_)
    syncImpairmentCounts();
  if (config_.pcap)
    config_.pcap->flush();
}

size_t Bridge::moveFromTun(uint8_t *buffer, size_t capacity) {
  if (!config_.tun)
    return 0;
  size_t moved = 0;
  while (moved < kBatch) {
    long n = config_.tun->read(buffer, capacity);
    if (n < 0) {
      // The device is gone (deleted under us): say so once, carry on without.
      std::fprintf(stderr,
                   "gpuvm: TUN device %s failed (%s); packets for outside the VMs are "
                   "dropped from now on\n",
                   config_.tun->name().c_str(), std::strerror(errno));
      config_.tun = nullptr;
      break;
    }
    if (n == 0)
      break;
    ++moved;
    add(BridgeCounter::FromTun);
    add(BridgeCounter::FromTunBytes, uint64_t(n));
    auto arrive = [this](const uint8_t *p, size_t length) {
      if (config_.pcap)
        config_.pcap->write(p, length);
      route(p, length);
    };
    // Multicast (MLD reports, solicitations) never reaches a VM, and Linux
    // sends it on its own schedule: it takes no part in the seeded faults,
    // or they would depend on timing.
    if (inbound_ && !(n >= long(kIp6Header) && buffer[24] == 0xff))
      inbound_->process(buffer, size_t(n), arrive);
    else
      arrive(buffer, size_t(n));
  }
  return moved;
}

void Bridge::route(const uint8_t *packet, size_t length) {
  if (!wellFormed(packet, length) || packet[8] == 0xff)
    return add(BridgeCounter::DropMalformed);
  const uint8_t *destination = packet + 24;
  if (destination[0] == 0xff)
    return add(BridgeCounter::DropMulticast);
  if (length > config_.mtu) {
    answer(kPacketTooBig, 0, config_.mtu, packet, length);
    return add(BridgeCounter::DropTooBig);
  }
  if (!gpuvm_in_prefix(config_.prefix.bytes, destination)) {
    // Link-local destinations are nobody's on this link; others are
    // routed to us by mistake.
    if (!(destination[0] == 0xfe && (destination[1] & 0xc0) == 0x80))
      answer(kDestinationUnreachable, 0, 0, packet, length);
    return add(BridgeCounter::DropNoRoute);
  }
  int64_t vm = gpuvm_vm_of_address(config_.prefix.bytes, destination, config_.vmCount);
  if (vm < 0) {
    if (interfaceId(destination) == kRouterId) {
      if (size_t n = buildEchoReply(packet, length, reply_.data())) {
        add(BridgeCounter::EchoReplies);
        return sendToTun(reply_.data(), n);
      }
      size_t offset;
      if (upperLayer(packet, length, offset) == kProtoIcmp6 && offset < length &&
          packet[offset] == kEchoRequest)
        return add(BridgeCounter::DropBadChecksum);
      // Nothing listens on the router: port unreachable.
      answer(kDestinationUnreachable, 4, 0, packet, length);
      return add(BridgeCounter::DropUnreachable);
    }
    answer(kDestinationUnreachable, 3, 0, packet, length);
    return add(BridgeCounter::DropUnreachable);
  }
  if (packet[7] <= 1) {
    answer(kTimeExceeded, 0, 0, packet, length);
    return add(BridgeCounter::DropHopLimit);
  }
  uint8_t header[kIp6Header];
  std::memcpy(header, packet, kIp6Header);
  --header[7];
  gpuvm_ring_part parts[2] = {{header, kIp6Header}, {packet + kIp6Header, length - kIp6Header}};
  if (config_.deliver(uint32_t(vm), parts, 2, uint32_t(length)))
    add(BridgeCounter::ToVms);
  else
    add(BridgeCounter::DropRingFull);
}

void Bridge::answer(uint8_t type, uint8_t code, uint32_t field, const uint8_t *packet,
                    size_t length) {
  if (!mayAnswerWithError(packet, length))
    return;
  uint64_t now = nowNs();
  icmpTokens_ = std::min(kIcmpBurst, icmpTokens_ + double(now - icmpRefillNs_) * kIcmpPerNs);
  icmpRefillNs_ = now;
  if (icmpTokens_ < 1)
    return add(BridgeCounter::DropIcmp6Rate);
  icmpTokens_ -= 1;
  uint8_t message[1280];
  size_t n = buildIcmp6Error(router_, type, code, field, packet, length, message);
  add(BridgeCounter::Icmp6Errors);
  sendToTun(message, n);
}

size_t Bridge::moveFromUplink(size_t limit) {
  if (!config_.uplink)
    return 0;
  size_t moved = 0;
  uint32_t length;
  while (moved < limit) {
    const uint8_t *packet = gpuvm_ring_peek(config_.uplink, &length);
    if (!packet)
      break;
    ++moved;
    add(BridgeCounter::FromUplink);
    if (!wellFormed(packet, length))
      add(BridgeCounter::DropMalformed);
    else
      sendToTun(packet, length);
    gpuvm_ring_pop(config_.uplink);
  }
  return moved;
}

// The capture is taken on the device's side of the (impaired) link:
// outbound packets before impairment, inbound ones after it.
void Bridge::sendToTun(const uint8_t *packet, size_t length) {
  if (config_.pcap)
    config_.pcap->write(packet, length);
  if (!outbound_)
    return writeTun(packet, length);
  std::memcpy(scratch_.data(), packet, length); // corruption writes into it
  outbound_->process(scratch_.data(), length,
                     [this](const uint8_t *p, size_t n) { writeTun(p, n); });
}

void Bridge::writeTun(const uint8_t *packet, size_t length) {
  if (!config_.tun)
    return add(BridgeCounter::DropNoTun);
  if (!config_.tun->write(packet, length))
    return add(BridgeCounter::DropTunWrite);
  add(BridgeCounter::ToTun);
  add(BridgeCounter::ToTunBytes, length);
}

void Bridge::syncImpairmentCounts() {
  const ImpairmentCounts &in = inbound_->counts(), &out = outbound_->counts();
  auto set = [this](BridgeCounter which, uint64_t value) {
    counters_[size_t(which)].store(value, std::memory_order_relaxed);
  };
  set(BridgeCounter::ImpairLost, in.lost + out.lost);
  set(BridgeCounter::ImpairDuplicated, in.duplicated + out.duplicated);
  set(BridgeCounter::ImpairReordered, in.reordered + out.reordered);
  set(BridgeCounter::ImpairCorrupted, in.corrupted + out.corrupted);
}

} // namespace gpuvm::runtime::net
