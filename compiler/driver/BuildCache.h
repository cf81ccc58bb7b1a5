// A content-keyed cache of build products (NVPTX partition objects), shared
// by concurrent builds: GPUVM_CACHE_DIR, else $XDG_CACHE_HOME/gpuvm/objects,
// else ~/.cache/gpuvm/objects; GPUVM_CACHE_MB bounds it (MiB, default 2048; 0 turns it
// off); the least recently used entries go first. Every entry carries a checksum of its body: a
// corrupt or truncated entry is a miss, never a wrong object.
#pragma once

#include <llvm/ADT/StringRef.h>

#include <cstdint>
#include <optional>
#include <string>

namespace gpuvm::driver {

class BuildCache {
public:
  // The cache for this process, or nullopt when it is off or its directory
  // cannot be made (said once on stderr).
  static std::optional<BuildCache> open();

  // A key for `parts`, which must name everything the product depends on.
  static std::string key(std::initializer_list<llvm::StringRef> parts);

  std::optional<std::string> lookup(const std::string &key) const;
  // Best effort: a failure to write is said once and the build goes on.
  void store(const std::string &key, llvm::StringRef body) const;

  const std::string &directory() const { return dir_; }

private:
  BuildCache(std::string dir, uint64_t limit) : dir_(std::move(dir)), limit_(limit) {}
  std::string entryPath(const std::string &key) const;
  void trim() const;

  std::string dir_;
  uint64_t limit_;
};

} // namespace gpuvm::driver
