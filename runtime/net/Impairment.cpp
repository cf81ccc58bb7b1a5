#include "net/Impairment.h"

#include <chrono>
#include <cstdlib>
#include <set>

namespace gpuvm::runtime::net {

namespace {

// A packet waits at most this long for a successor to swap with.
constexpr uint64_t kHoldNs = 20'000'000;

bool parsePercent(const std::string &text, double &out) {
  if (text.empty() || text.back() != '%')
    return false;
  std::string number = text.substr(0, text.size() - 1);
  char *end = nullptr;
  double value = std::strtod(number.c_str(), &end);
  if (number.empty() || *end || !(value >= 0 && value <= 100))
    return false;
  out = value / 100;
  return true;
}

// SplitMix64: small, fast, and the same everywhere.
uint64_t nextRandom(uint64_t &state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

uint64_t monotonicNs() {
  return uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::steady_clock::now().time_since_epoch())
                      .count());
}

} // namespace

std::string parseImpairment(const std::string &text, ImpairmentSpec &out) {
  const std::string expected = " (expected loss=P%,dup=P%,reorder=P%,corrupt=P%,seed=N)";
  ImpairmentSpec spec;
  std::set<std::string> seen;
  size_t at = 0;
  if (text.empty())
    return "--impair: empty" + expected;
  while (at <= text.size()) {
    size_t comma = text.find(',', at);
    std::string item = text.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
    at = comma == std::string::npos ? text.size() + 1 : comma + 1;
    size_t equals = item.find('=');
    if (equals == std::string::npos)
      return "--impair: '" + item + "' is not KEY=VALUE" + expected;
    std::string key = item.substr(0, equals), value = item.substr(equals + 1);
    if (!seen.insert(key).second)
      return "--impair: " + key + " given twice";
    if (key == "seed") {
      char *end = nullptr;
      spec.seed = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end || value[0] == '-')
        return "--impair: seed wants a decimal number, not '" + value + "'";
      continue;
    }
    double *field = key == "loss"      ? &spec.loss
                    : key == "dup"     ? &spec.dup
                    : key == "reorder" ? &spec.reorder
                    : key == "corrupt" ? &spec.corrupt
                                       : nullptr;
    if (!field)
      return "--impair: unknown fault '" + key + "'" + expected;
    if (!parsePercent(value, *field))
      return "--impair: " + key + " wants a percentage from 0% to 100%, not '" + value + "'";
  }
  out = spec;
  return {};
}

Impairment::Impairment(const ImpairmentSpec &spec, uint64_t direction)
    : spec_(spec), state_(spec.seed ^ (direction * 0xd1b54a32d192ed03ull)) {}

double Impairment::draw() {
  return double(nextRandom(state_) >> 11) * 0x1.0p-53;
}

void Impairment::process(uint8_t *packet, size_t length, const Emit &emit) {
  // Four draws per packet whatever happens, so one decision never shifts the
  // next packet's.
  double loss = draw(), dup = draw(), reorder = draw(), corrupt = draw();
  uint64_t where = nextRandom(state_);
  if (loss < spec_.loss) {
    ++counts_.lost;
    return;
  }
  if (corrupt < spec_.corrupt && length > 40) {
    uint64_t bit = where % ((length - 40) * 8);
    packet[40 + bit / 8] ^= uint8_t(1u << (bit % 8));
    ++counts_.corrupted;
  }
  int copies = dup < spec_.dup ? 2 : 1;
  if (copies == 2)
    ++counts_.duplicated;
  if (!holding_ && reorder < spec_.reorder) {
    held_.assign(packet, packet + length);
    holding_ = true;
    heldSinceNs_ = monotonicNs();
    ++counts_.reordered;
    if (copies == 2)
      emit(packet, length); // the duplicate goes now, the original later
    return;
  }
  for (int i = 0; i < copies; ++i)
    emit(packet, length);
  if (holding_) {
    holding_ = false;
    emit(held_.data(), held_.size());
  }
}

void Impairment::flushHeld(uint64_t nowNs, const Emit &emit) {
  if (holding_ && nowNs - heldSinceNs_ >= kHoldNs) {
    holding_ = false;
    emit(held_.data(), held_.size());
  }
}

} // namespace gpuvm::runtime::net
