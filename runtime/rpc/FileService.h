// Files of the VMs, served on the host: each VM sees its own root directory
// (--root, "{vm}" expanding to its id) and, read-only, a data set shared by
// all (--ro-root; what DataSet.h loaded of it is read in place). Paths
// resolve inside the root with openat2's RESOLVE_IN_ROOT: "..", absolute
// paths and symlinks cannot leave it.
// /dev/null and /dev/urandom exist in every VM.
//
// A VM's open file holds no host descriptor of its own: it is a record (the
// path, flags and offset) whose descriptor lives in a DescriptorCache and is
// reopened by name when the cache closed it. Linux's semantics stay: before
// a VM unlinks or renames over a file that VMs hold open, the file gets a
// hidden name to be reopened by (UnlinkedFiles.h), or where it cannot, the
// VM's descriptors of it are pinned; a file the VM renames is followed to
// its new name. Only a change made on the host behind the VM's back can
// leave a record naming another file: its next use fails with ESTALE.
#pragma once

#include "gpuvm/mailbox.h"
#include "rpc/DataSet.h"
#include "rpc/DescriptorCache.h"
#include "rpc/UnlinkedFiles.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <span>
#include <string>
#include <vector>

namespace gpuvm::runtime {

struct FileSystemOptions {
  std::string root;   // may contain "{vm}"; empty: the VM has no files of its own
  std::string roRoot; // empty: none
};

class FileService {
public:
  // `hostLimit` is told, once per run, when the host's descriptors ran out
  // and a VM got EMFILE or ENFILE for it. `dataSet` (may be null) is the
  // --ro-root files the VMs read in place.
  FileService(const FileSystemOptions &options, uint32_t vmCount, DescriptorCache &descriptors,
              std::function<void(const std::string &)> hostLimit, const DataSet *dataSet);
  ~FileService();

  // Opens the shared read-only root and creates missing per-VM roots. Returns
  // empty, or one line saying what is wrong.
  std::string prepare();

  // Serves a file request (GPUVM_RPC_OPEN..RANDOM, and WRITE to fds >= 3),
  // filling result/error/payload; a READ or WRITE moves `data` (the payload,
  // or a view of the VM's buffer). Calls for one VM are never concurrent.
  void serve(uint32_t vm, gpuvm_mailbox &box, std::span<uint8_t> data);

  static bool handles(uint32_t op, int64_t fd);

private:
  struct OpenFile;
  struct Vm;
  DescriptorCache::Lease rootOf(uint32_t vm);
  // Where the VM's paths start: its root, or its chroot inside it.
  DescriptorCache::Lease viewOf(uint32_t vm);
  // A path the VM named, from its root (its chroot's path put before it).
  std::string fromRoot(uint32_t vm, const char *path) const;
  int64_t chroot(uint32_t vm, const char *path);
  std::string rootPath(uint32_t vm) const;
  OpenFile *fileOf(Vm &vm, int64_t fd);
  DescriptorCache::Lease descriptorOf(uint32_t vm, OpenFile &file);
  int reopen(int root, const OpenFile &file);
  // A regular file of the VM's root: one UnlinkedFiles counts.
  static bool hasHostName(const OpenFile &file);
  // inDataSet: the result is the index of a data-set file, not an fd.
  int64_t open(uint32_t vm, const char *path, int flags, int mode, bool &inDataSet);
  // At `at` without moving the file's offset (pread/pwrite), or at the
  // file's offset when `at` < 0.
  int64_t readOrWrite(uint32_t vm, OpenFile &file, bool read, std::span<uint8_t> data, int64_t at);
  int64_t seek(uint32_t vm, OpenFile &file, int64_t offset, int whence);
  int64_t stat(uint32_t vm, gpuvm_mailbox &box);
  int64_t onParent(uint32_t vm, const char *path, int (*op)(int, const char *, gpuvm_mailbox &),
                   gpuvm_mailbox &box);
  int64_t rename(uint32_t vm, gpuvm_mailbox &box);
  int64_t link(uint32_t vm, gpuvm_mailbox &box);
  int64_t readlink(uint32_t vm, gpuvm_mailbox &box);
  int64_t statvfs(uint32_t vm, gpuvm_mailbox &box);
  // ftruncate, fsync/fdatasync, fchmod and futimens on an open file; truncate,
  // chmod and utimensat (following the last link) by path.
  int64_t onOpenFile(uint32_t vm, OpenFile &file, gpuvm_mailbox &box);
  int64_t onPath(uint32_t vm, const char *path, gpuvm_mailbox &box);
  int64_t readdir(uint32_t vm, OpenFile &file, gpuvm_mailbox &box);
  void pinFilesNamed(uint32_t vm, const char *path, bool moving);
  void pin(uint32_t vm, OpenFile &file);
  int64_t failed(int error);
  void noteShadows(uint32_t vm, const gpuvm_mailbox &box);

  FileSystemOptions options_;
  DescriptorCache &descriptors_;
  std::function<void(const std::string &)> hostLimit_;
  std::atomic<bool> hostLimitReported_{false};
  const DataSet *dataSet_;
  int roRootFd_ = -1;
  UnlinkedFiles unlinked_;
  // Names against opens: an open holds it shared from the host's open until
  // its record counts in unlinked_, an unlink or rename exclusively from
  // pinFilesNamed to the host's call. Else a VM's unlink, served by another
  // thread, could find no holder of a file just created and open, and take
  // its last name (test/vm/unlinked-by-another-vm.c, one run in two with
  // two host workers).
  std::shared_mutex namesMutex_;
  std::vector<Vm> vms_;
};

} // namespace gpuvm::runtime
