// The shared read-only data set (--ro-root) loaded once at launch into one
// block laid out as gpuvm/data_set.h says. The backend places the block where
// every VM reads it (device memory on a GPU), and FileService answers a VM's
// open of one of its files with the file's index: the VM's kernel then reads,
// seeks, stats and maps it in place, with no round trip.
#pragma once

#include "gpuvm/data_set.h"

#include <sys/stat.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>

namespace gpuvm::runtime {

// A host stat as a VM sees it.
void fillStat(const struct stat &st, gpuvm_stat &out);

class DataSet {
public:
  struct Figures {
    uint64_t files = 0, bytes = 0, directories = 0; // loaded
    uint64_t skippedFiles = 0, skippedBytes = 0;    // left to the mailbox
    std::string firstSkipped;                       // a path, with why
    double seconds = 0;
  };

  // Loads the regular files under `dir` with the names they have there
  // (symlinks are not followed: a VM's open of one goes to the host, which
  // resolves it and finds the target by its identity) while the block stays
  // within `budget` bytes, and the listing of every directory under it
  // (unless the listings alone pass the budget). A file past the budget, or
  // that changed while being read, is left out: VMs read it through the
  // mailbox as before, and still see it listed. Returns empty, or why
  // nothing could be loaded.
  std::string load(const std::string &dir, uint64_t budget);

  bool empty() const { return size_ == 0; }
  const uint8_t *block() const { return block_.get(); }
  uint64_t size() const { return size_; }
  const Figures &figures() const { return figures_; }

  // The index of the file or directory a VM opened (the host's fstat of
  // it), or -1 when the data set does not hold it. VMs read a file as it
  // was loaded, and list a directory as it was, also when it changed on
  // the host since; a file replaced by another (a new inode) is not the
  // data set's.
  int64_t find(const struct stat &st) const;

  // Whether a file a VM makes at `path` (from its root) could hide one of
  // the set's: its first component names an entry at the set's top.
  bool mayShadow(const char *path) const;

private:
  struct Free {
    void operator()(uint8_t *p) const { std::free(p); }
  };
  std::unique_ptr<uint8_t, Free> block_;
  uint64_t size_ = 0;
  Figures figures_;
  std::map<std::pair<uint64_t, uint64_t>, uint64_t> byIdentity_; // (dev, ino) -> index
  std::set<std::string> topNames_;
};

} // namespace gpuvm::runtime
