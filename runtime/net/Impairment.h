// Seeded fault injection on the bridge (this kernel has no netem): loss,
// duplication, reordering and corruption, each a percentage of packets, the
// same decisions for the same seed and the same packet sequence. Each
// direction has its own generator, so one direction's traffic never changes
// what happens to the other's.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace gpuvm::runtime::net {

struct ImpairmentSpec {
  double loss = 0, dup = 0, reorder = 0, corrupt = 0; // fractions of packets, 0..1
  uint64_t seed = 1;
  bool any() const { return loss > 0 || dup > 0 || reorder > 0 || corrupt > 0; }
};

// "loss=5%,dup=1%,reorder=2%,corrupt=0.1%,seed=N", any subset in any order.
// Returns empty, or why not.
std::string parseImpairment(const std::string &text, ImpairmentSpec &out);

struct ImpairmentCounts {
  uint64_t lost = 0, duplicated = 0, reordered = 0, corrupted = 0;
};

class Impairment {
public:
  using Emit = std::function<void(const uint8_t *packet, size_t length)>;

  Impairment(const ImpairmentSpec &spec, uint64_t direction);

  // Passes `packet` on through `emit` zero, one or two times, now or after
  // the next packet (reordering swaps it with its successor). Corruption
  // flips one bit past the IPv6 header, where a checksum must catch it.
  void process(uint8_t *packet, size_t length, const Emit &emit);

  // Lets a packet held for reordering go when no successor came for a while.
  void flushHeld(uint64_t nowNs, const Emit &emit);

  const ImpairmentCounts &counts() const { return counts_; }

private:
  double draw();

  ImpairmentSpec spec_;
  uint64_t state_;
  std::vector<uint8_t> held_;
  bool holding_ = false;
  uint64_t heldSinceNs_ = 0;
  ImpairmentCounts counts_;
};

} // namespace gpuvm::runtime::net
