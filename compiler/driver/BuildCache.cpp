#include "BuildCache.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/SHA256.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Support/xxhash.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <vector>

using namespace llvm;

namespace gpuvm::driver {

namespace {

constexpr StringRef kMagic = "gpuvm-cache-1 ";
constexpr size_t kHeaderSize = 14 + 16 + 1; // magic, xxh3 of the body in hex, '\n'

void warnOnce(const std::string &message) {
  static bool said = false;
  if (!said)
    std::cerr << "gpu-c++: warning: " << message << "; building without the cache\n";
  said = true;
}

std::string hex64(uint64_t value) {
  std::string out;
  raw_string_ostream os(out);
  os << format_hex_no_prefix(value, 16);
  return out;
}

std::string defaultDirectory() {
  if (const char *dir = std::getenv("GPUVM_CACHE_DIR"))
    return dir;
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::string(xdg) + "/gpuvm/objects";
  if (const char *home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.cache/gpuvm/objects";
  return "";
}

} // namespace

std::optional<BuildCache> BuildCache::open() {
  uint64_t limitMb = 2048;
  if (const char *text = std::getenv("GPUVM_CACHE_MB")) {
    char *end = nullptr;
    limitMb = std::strtoull(text, &end, 10);
    if (end == text || *end) {
      warnOnce(std::string("GPUVM_CACHE_MB=") + text + " is not a number of MiB");
      return std::nullopt;
    }
  }
  if (limitMb == 0)
    return std::nullopt;
  std::string dir = defaultDirectory();
  if (dir.empty()) {
    warnOnce("no cache directory (set GPUVM_CACHE_DIR or HOME)");
    return std::nullopt;
  }
  if (std::error_code ec = sys::fs::create_directories(dir)) {
    warnOnce("cache directory " + dir + ": " + ec.message());
    return std::nullopt;
  }
  if (sys::fs::access(dir, sys::fs::AccessMode::Write)) {
    warnOnce("cache directory " + dir + " is not writable");
    return std::nullopt;
  }
  return BuildCache(dir, limitMb << 20);
}

std::string BuildCache::key(std::initializer_list<StringRef> parts) {
  SHA256 hash;
  for (StringRef part : parts) {
    // The length first, so that ("ab","c") and ("a","bc") differ.
    uint64_t size = part.size();
    hash.update(ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(&size), sizeof size));
    hash.update(part);
  }
  std::array<uint8_t, 32> digest = hash.final();
  return toHex(ArrayRef<uint8_t>(digest.data(), 16), /*LowerCase=*/true);
}

std::string BuildCache::entryPath(const std::string &key) const {
  return dir_ + "/" + key;
}

std::optional<std::string> BuildCache::lookup(const std::string &key) const {
  std::string path = entryPath(key);
  auto buffer = MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer)
    return std::nullopt;
  StringRef text = (*buffer)->getBuffer();
  StringRef body = text.size() >= kHeaderSize ? text.substr(kHeaderSize) : StringRef();
  if (text.size() < kHeaderSize || !text.starts_with(kMagic) || text[kHeaderSize - 1] != '\n' ||
      text.substr(kMagic.size(), 16) != hex64(xxh3_64bits(body))) {
    std::cerr << "gpu-c++: warning: cache entry " << path << " is damaged; rebuilding it\n";
    sys::fs::remove(path);
    return std::nullopt;
  }
  // Its time is when it was last used, which trim() goes by.
  if (int fd; !sys::fs::openFileForWrite(path, fd, sys::fs::CD_OpenExisting, sys::fs::OF_Append)) {
    sys::fs::setLastAccessAndModificationTime(fd, sys::toTimePoint(std::time(nullptr)));
    sys::Process::SafelyCloseFileDescriptor(fd);
  }
  return body.str();
}

void BuildCache::store(const std::string &key, StringRef body) const {
  // Written beside its place and renamed over it: a reader sees the whole
  // entry or none, and two builds storing the same key store the same bytes.
  SmallString<256> temporary;
  int fd;
  if (sys::fs::createUniqueFile(dir_ + "/tmp-%%%%%%%%", fd, temporary)) {
    warnOnce("cannot write in " + dir_);
    return;
  }
  bool written;
  {
    raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << kMagic << hex64(xxh3_64bits(body)) << '\n' << body;
    out.close();
    written = !out.has_error();
    out.clear_error();
  }
  if (!written || sys::fs::rename(temporary, entryPath(key))) {
    sys::fs::remove(temporary);
    warnOnce("cannot write in " + dir_ + " (disk full?)");
    return;
  }
  trim();
}

void BuildCache::trim() const {
  struct Entry {
    std::string path;
    uint64_t size;
    sys::TimePoint<> used;
  };
  std::vector<Entry> entries;
  uint64_t total = 0;
  std::error_code ec;
  for (sys::fs::directory_iterator it(dir_, ec), end; it != end && !ec; it.increment(ec)) {
    sys::fs::file_status status;
    // Another build's entry being written is not ours to take.
    if (sys::fs::status(it->path(), status) || status.type() != sys::fs::file_type::regular_file ||
        sys::path::filename(it->path()).starts_with("tmp-"))
      continue;
    entries.push_back({it->path(), status.getSize(), status.getLastModificationTime()});
    total += status.getSize();
  }
  if (total <= limit_)
    return;
  std::sort(entries.begin(), entries.end(),
            [](const Entry &a, const Entry &b) { return a.used < b.used; });
  for (const Entry &entry : entries) {
    if (total <= limit_)
      break;
    if (!sys::fs::remove(entry.path))
      total -= entry.size;
  }
}

} // namespace gpuvm::driver
