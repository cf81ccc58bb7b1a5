#include "Backend.h"

#include <algorithm>

#include <cstdio>

namespace gpuvm::runtime {

namespace {
constexpr uint64_t kMinimumHeap = 16 << 10;
constexpr uint64_t kDigitsPerVmId = 10;

uint64_t alignUp(uint64_t v, uint64_t a) {
  return (v + a - 1) / a * a;
}

// Every string the VMs receive, in the order packArguments packs them.
std::vector<std::string> packedStrings(const LaunchConfig &config) {
  std::vector<std::string> strings = config.argv;
  strings.insert(strings.end(), config.env.begin(), config.env.end());
  if (!config.hostname.empty())
    strings.push_back(config.hostname);
  return strings;
}
} // namespace

std::vector<char> packArguments(const LaunchConfig &config) {
  std::vector<char> packed;
  for (const std::string &s : packedStrings(config)) {
    packed.insert(packed.end(), s.begin(), s.end());
    packed.push_back('\0');
  }
  return packed;
}

uint64_t minimumMemPerVm(const gpuvm_image_info &info, const LaunchConfig &config) {
  uint64_t strings = 0, expansions = 0;
  for (const std::string &s : packedStrings(config)) {
    strings += s.size() + 1;
    for (size_t at = s.find("{vm}"); at != std::string::npos; at = s.find("{vm}", at + 1))
      ++expansions;
  }
  uint64_t vector = (config.argv.size() + config.env.size() + 2) * sizeof(uint64_t);
  return alignUp(info.data_size + info.bss_size, 16) + vector + strings +
         expansions * kDigitsPerVmId + 16 + kMinimumHeap + config.rxRingBytes;
}

std::string formatBytes(uint64_t bytes) {
  const char *units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double value = double(bytes);
  int unit = 0;
  while (value >= 1024 && unit < 4)
    value /= 1024, ++unit;
  char text[32];
  if (unit == 0)
    std::snprintf(text, sizeof text, "%llu %s", (unsigned long long)bytes,
                  bytes == 1 ? "byte" : "bytes");
  else
    std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
  return text;
}

ReadonlyRange readonlyRange(const std::vector<uint64_t> &bounds) {
  uint64_t low = UINT64_MAX, high = 0;
  for (size_t i = 0; i + 1 < bounds.size(); i += 2) {
    low = std::min(low, bounds[i]);
    high = std::max(high, bounds[i + 1]);
  }
  return low < high ? ReadonlyRange{low, high - low} : ReadonlyRange{};
}

std::vector<uint64_t> sortedEntries(std::vector<uint64_t> entries) {
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  return entries;
}

} // namespace gpuvm::runtime
