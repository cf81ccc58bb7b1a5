// Files of the VMs, served on the host: each VM sees its own root directory
// (--root, "{vm}" expanding to its id) and, read-only, a data set shared by
// all (--ro-root). Paths resolve inside the root with openat2's
// RESOLVE_IN_ROOT: "..", absolute paths and symlinks cannot leave it.
// /dev/null and /dev/urandom exist in every VM.
#pragma once

#include "gpuvm/mailbox.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gpuvm::runtime {

struct FileSystemOptions {
  std::string root;   // may contain "{vm}"; empty: the VM has no files of its own
  std::string roRoot; // empty: none
};

class FileService {
public:
  FileService(const FileSystemOptions &options, uint32_t vmCount);
  ~FileService();

  // Opens the shared read-only root and creates missing per-VM roots. Returns
  // empty, or one line saying what is wrong.
  std::string prepare();

  // Serves a file request (GPUVM_RPC_OPEN..RANDOM, and WRITE to fds >= 3),
  // filling result/error/payload. Calls for one VM are never concurrent.
  void serve(uint32_t vm, gpuvm_mailbox &box);

  static bool handles(uint32_t op, int64_t fd);

private:
  struct Vm;
  int rootOf(uint32_t vm);
  std::string rootPath(uint32_t vm) const;
  int64_t open(Vm &vm, int root, const char *path, int flags, int mode);
  int64_t stat(uint32_t vm, gpuvm_mailbox &box);
  int64_t onParent(uint32_t vm, const char *path, int (*op)(int, const char *, gpuvm_mailbox &),
                   gpuvm_mailbox &box);
  int64_t rename(uint32_t vm, gpuvm_mailbox &box);
  int64_t readdir(Vm &vm, gpuvm_mailbox &box);

  FileSystemOptions options_;
  int roRootFd_ = -1;
  std::vector<Vm> vms_;
};

} // namespace gpuvm::runtime
