#include "UnlinkedFiles.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>

namespace gpuvm::runtime {

UnlinkedFiles::UnlinkedFiles(std::string besideRoots) {
  if (!besideRoots.empty())
    directory_ = besideRoots + "/.gpuvm-unlinked-" + std::to_string(getpid());
}

UnlinkedFiles::~UnlinkedFiles() {
  if (directoryFd_ < 0)
    return;
  for (const auto &[key, entry] : files_)
    if (entry.linked)
      unlinkat(directoryFd_, nameOf(key).c_str(), 0);
  ::close(directoryFd_);
  rmdir(directory_.c_str());
}

std::string UnlinkedFiles::besideRootsOf(const std::string &rootTemplate) {
  if (rootTemplate.empty())
    return {};
  std::filesystem::path root = std::filesystem::absolute(rootTemplate).lexically_normal();
  std::filesystem::path beside;
  for (const auto &component : root) {
    if (component.string().find("{vm}") != std::string::npos)
      return beside.string();
    beside /= component;
  }
  while (!root.empty() && !root.has_filename()) // "dir/" has an empty last component
    root = root.parent_path();
  return root.parent_path().string();
}

std::string UnlinkedFiles::nameOf(const Key &key) {
  char name[64];
  std::snprintf(name, sizeof name, "%llx-%llx", (unsigned long long)key.dev,
                (unsigned long long)key.ino);
  return name;
}

void UnlinkedFiles::opened(dev_t dev, ino_t ino) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++files_[Key{dev, ino}].records;
}

void UnlinkedFiles::closed(dev_t dev, ino_t ino) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = files_.find(Key{dev, ino});
  if (found == files_.end() || --found->second.records)
    return;
  if (found->second.linked) {
    unlinkat(directoryFd_, nameOf(found->first).c_str(), 0);
    --linked_;
  }
  files_.erase(found);
}

bool UnlinkedFiles::openDirectoryLocked() {
  if (directoryFd_ >= 0)
    return true;
  if (directory_.empty()) {
    errno = ENOENT;
    return false;
  }
  if (mkdir(directory_.c_str(), 0700) != 0 && errno != EEXIST)
    return false;
  directoryFd_ = ::open(directory_.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  return directoryFd_ >= 0;
}

bool UnlinkedFiles::keep(int path, dev_t dev, ino_t ino) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = files_.find(Key{dev, ino});
  if (found == files_.end() || found->second.linked)
    return true;
  if (!openDirectoryLocked())
    return false;
  // Through /proc: linkat's AT_EMPTY_PATH would need CAP_DAC_READ_SEARCH.
  std::string source = "/proc/self/fd/" + std::to_string(path);
  std::string name = nameOf(found->first);
  auto link = [&] {
    return linkat(AT_FDCWD, source.c_str(), directoryFd_, name.c_str(), AT_SYMLINK_FOLLOW);
  };
  // A name left by an earlier run of the same pid is not ours.
  if (link() != 0 &&
      (errno != EEXIST || unlinkat(directoryFd_, name.c_str(), 0) != 0 || link() != 0))
    return false;
  found->second.linked = true;
  ++linked_;
  return true;
}

int UnlinkedFiles::reopen(dev_t dev, ino_t ino, int flags) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = files_.find(Key{dev, ino});
  if (found == files_.end() || !found->second.linked) {
    errno = ENOENT;
    return -1;
  }
  return openat(directoryFd_, nameOf(found->first).c_str(), flags | O_NOFOLLOW | O_CLOEXEC);
}

bool UnlinkedFiles::holds(dev_t dev, ino_t ino) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!linked_)
    return false;
  auto found = files_.find(Key{dev, ino});
  return found != files_.end() && found->second.linked;
}

} // namespace gpuvm::runtime
