// Files the VMs unlinked (or renamed over) while they still hold them open.
// A VM's open file is reopened by name whenever its cached descriptor was
// closed (DescriptorCache.h); once its name is gone, it would have to keep a
// host descriptor for as long as it is open, and 100,000 VMs each holding
// one such file need more descriptors than a process has. So, as NFS does
// with its ".nfsXXXX" names, the file keeps a name of its own: before its
// last name in the VM's root goes, it is hard-linked into a hidden directory
// of this run beside the VMs' roots (outside them, so no VM sees it), and
// reopened from there; the link goes when the last VM record of the file is
// closed, and the directory when gpuvm ends.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gpuvm::runtime {

class UnlinkedFiles {
public:
  // `besideRoots`: the directory holding the VMs' roots (or the one root);
  // the hidden directory is made in it when first needed. Empty: never.
  explicit UnlinkedFiles(std::string besideRoots);
  ~UnlinkedFiles();
  UnlinkedFiles(const UnlinkedFiles &) = delete;
  UnlinkedFiles &operator=(const UnlinkedFiles &) = delete;

  // Where the roots of `rootTemplate` ("{vm}" expanding to a VM's id) lie:
  // the parent of the first component naming "{vm}", or of the one root.
  static std::string besideRootsOf(const std::string &rootTemplate);

  // A VM record of the regular file (dev, ino) was opened or closed.
  void opened(dev_t dev, ino_t ino);
  void closed(dev_t dev, ino_t ino);

  // The file `path` (an O_PATH descriptor of it) is about to lose a name.
  // Returns true when no VM holds it open or it now has a name here; false
  // with errno set when it cannot have one (another filesystem, no room):
  // the caller then pins the holders' descriptors instead.
  bool keep(int path, dev_t dev, ino_t ino);

  // Opens a file kept here with `flags` (no O_CREAT); -1 with errno ENOENT
  // when it has no name here.
  int reopen(dev_t dev, ino_t ino, int flags);

  // Whether the file has a name here, which its link count must not show.
  bool holds(dev_t dev, ino_t ino) const;

private:
  struct Key {
    dev_t dev;
    ino_t ino;
    bool operator==(const Key &) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key &key) const {
      return std::hash<uint64_t>()(uint64_t(key.ino) * 0x9e3779b97f4a7c15ULL ^ uint64_t(key.dev));
    }
  };
  struct Entry {
    uint32_t records = 0; // VM records open on the file
    bool linked = false;  // has a name here
  };
  static std::string nameOf(const Key &key);
  bool openDirectoryLocked();

  std::string directory_;
  int directoryFd_ = -1;
  size_t linked_ = 0;
  std::unordered_map<Key, Entry, KeyHash> files_;
  mutable std::mutex mutex_;
};

} // namespace gpuvm::runtime
