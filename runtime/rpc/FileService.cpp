#include "FileService.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>

namespace gpuvm::runtime {

namespace {

constexpr int kFirstFd = 3;
// Files one VM may hold open (Linux's usual soft limit).
constexpr size_t kMaxOpenFiles = 1024;

// Flags a VM may pass to open(); anything else (O_PATH, O_TMPFILE's
// directory bit aside) is refused.
constexpr int kAllowedOpenFlags = O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_APPEND | O_DIRECTORY |
                                  O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;

// Permissions and the sticky bit of what a VM creates or chmods: never
// setuid or setgid, which would mean gpuvm's user on the host.
constexpr mode_t kModeBits = 01777;

int openInRoot(int root, const char *path, int flags, int mode) {
  open_how how{};
  how.flags = uint64_t(flags | O_CLOEXEC);
  how.mode = (flags & O_CREAT) ? uint64_t(mode & kModeBits) : 0;
  how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
  // An empty path would name the root itself through openat2; Linux says ENOENT.
  if (!*path) {
    errno = ENOENT;
    return -1;
  }
  return int(syscall(SYS_openat2, root, path, &how, sizeof how));
}

// A NUL-terminated path inside the payload, or null.
const char *payloadPath(const gpuvm_mailbox &box, size_t at = 0) {
  const char *start = reinterpret_cast<const char *>(box.payload) + at;
  size_t room = GPUVM_MAILBOX_PAYLOAD - at;
  return at < GPUVM_MAILBOX_PAYLOAD && strnlen(start, room) < room ? start : nullptr;
}

bool isDevice(const char *path, const char *name) {
  while (*path == '/')
    ++path;
  return std::strcmp(path, name) == 0;
}

// GPUVM_RPC_UTIME's times as utimensat takes them.
timespec timeOf(int64_t ns) {
  if (ns == GPUVM_TIME_NOW)
    return {0, UTIME_NOW};
  if (ns == GPUVM_TIME_OMIT)
    return {0, UTIME_OMIT};
  int64_t seconds = ns / 1000000000, rest = ns % 1000000000;
  if (rest < 0) {
    rest += 1000000000;
    --seconds;
  }
  return {seconds, rest};
}

// Splits "a/b/c" into its parent ("a/b") and last component ("c").
bool splitParent(const char *path, std::string &parent, std::string &name) {
  std::string p(path);
  while (p.size() > 1 && p.back() == '/')
    p.pop_back();
  size_t slash = p.rfind('/');
  parent = slash == std::string::npos ? "." : (slash == 0 ? "/" : p.substr(0, slash));
  name = slash == std::string::npos ? p : p.substr(slash + 1);
  return !name.empty() && name != "." && name != ".." && name != "/";
}

} // namespace

struct FileService::OpenFile {
  enum class Kind { File, Directory, Null, Random } kind = Kind::File;
  bool shared = false; // in the read-only data set, not the VM's root
  bool seekable = true;
  std::string path; // inside its root, as the VM named it
  int flags = 0;    // for reopening: no O_CREAT, O_EXCL or O_TRUNC
  dev_t dev = 0;
  ino_t ino = 0;
  int64_t offset = 0; // files: the position; directories: getdents64's cookie
  DescriptorCache::Slot slot;
};

struct FileService::Vm {
  DescriptorCache::Slot root;
  // After chroot: the directory, relative to the VM's root, that the VM's
  // paths start from ("" until then), and its descriptor.
  std::string jail;
  DescriptorCache::Slot jailSlot;
  std::vector<std::unique_ptr<OpenFile>> files; // slot i is VM fd kFirstFd + i
  // Whether the VM's own root may hold a path of the shared data set, which
  // its kernel must then leave to the host to open (checked at its first
  // file call, set by what it creates since).
  bool shadowChecked = false;
  bool mayShadowDataSet = false;
};

FileService::FileService(const FileSystemOptions &options, uint32_t vmCount,
                         DescriptorCache &descriptors,
                         std::function<void(const std::string &)> hostLimit, const DataSet *dataSet)
    : options_(options), descriptors_(descriptors), hostLimit_(std::move(hostLimit)),
      dataSet_(dataSet), unlinked_(UnlinkedFiles::besideRootsOf(options.root)), vms_(vmCount) {}

FileService::~FileService() {
  for (Vm &vm : vms_) {
    for (auto &file : vm.files)
      if (file)
        descriptors_.release(file->slot);
    descriptors_.release(vm.jailSlot);
    descriptors_.release(vm.root);
  }
  if (roRootFd_ >= 0)
    ::close(roRootFd_);
}

std::string FileService::rootPath(uint32_t vm) const {
  std::string path = options_.root;
  for (size_t at = path.find("{vm}"); at != std::string::npos; at = path.find("{vm}", at))
    path.replace(at, 4, std::to_string(vm));
  return path;
}

std::string FileService::prepare() {
  if (!options_.roRoot.empty()) {
    roRootFd_ = ::open(options_.roRoot.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (roRootFd_ < 0)
      return "--ro-root " + options_.roRoot + ": " + std::strerror(errno);
  }
  if (options_.root.empty())
    return {};
  for (uint32_t vm = 0; vm < vms_.size(); ++vm) {
    std::error_code ec;
    std::string path = rootPath(vm);
    std::filesystem::create_directories(path, ec);
    if (!std::filesystem::is_directory(path))
      return "--root " + path + ": cannot create the VM's root directory" +
             (ec ? ": " + ec.message() : std::string());
    if (options_.root.find("{vm}") == std::string::npos)
      break; // one root shared by all VMs
  }
  return {};
}

// EMFILE and ENFILE here mean the host ran out, not the VM (whose own limit
// is kMaxOpenFiles, checked before): said once, with what fixes it.
int64_t FileService::failed(int error) {
  if ((error == EMFILE || error == ENFILE) && hostLimit_ && !hostLimitReported_.exchange(true))
    hostLimit_("host descriptors ran out (" + std::to_string(descriptors_.capacity()) +
               " kept for the VMs' files and logs, " + std::to_string(descriptors_.openCount()) +
               " open): VMs get EMFILE; raise the limit (ulimit -n) or close files");
  return -error;
}

DescriptorCache::Lease FileService::rootOf(uint32_t vm) {
  if (options_.root.empty()) {
    errno = ENOENT;
    return {};
  }
  return descriptors_.get(vms_[vm].root, [&] {
    return ::open(rootPath(vm).c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  });
}

DescriptorCache::Lease FileService::viewOf(uint32_t vm) {
  Vm &v = vms_[vm];
  if (v.jail.empty())
    return rootOf(vm);
  return descriptors_.get(v.jailSlot, [&] {
    DescriptorCache::Lease root = rootOf(vm);
    return root ? openInRoot(root.fd(), v.jail.c_str(), O_PATH | O_DIRECTORY, 0) : -1;
  });
}

std::string FileService::fromRoot(uint32_t vm, const char *path) const {
  const std::string &jail = vms_[vm].jail;
  if (jail.empty())
    return path;
  while (*path == '/')
    ++path;
  return jail + "/" + path;
}

// The directory is looked up in the VM's present view (so a chroot inside a
// chroot stays inside), and kept by its path from the VM's root, which
// /proc gives for the descriptor openat2 confined there.
int64_t FileService::chroot(uint32_t vm, const char *path) {
  DescriptorCache::Lease view = viewOf(vm);
  DescriptorCache::Lease root = rootOf(vm);
  if (!view || !root)
    return failed(errno);
  int dir = openInRoot(view.fd(), path, O_PATH | O_DIRECTORY, 0);
  if (dir < 0)
    return failed(errno);
  std::error_code error;
  std::string at = std::filesystem::read_symlink("/proc/self/fd/" + std::to_string(dir), error);
  std::string base =
      std::filesystem::read_symlink("/proc/self/fd/" + std::to_string(root.fd()), error);
  ::close(dir);
  if (error)
    return -error.value();
  if (at != base && at.compare(0, base.size() + 1, base + "/") != 0)
    return -EACCES; // openat2 kept it inside; a rename since may not have
  std::string jail = at == base ? "" : at.substr(base.size() + 1);
  descriptors_.release(vms_[vm].jailSlot);
  vms_[vm].jail = jail;
  return 0;
}

bool FileService::handles(uint32_t op, int64_t fd) {
  return (op >= GPUVM_RPC_OPEN && op <= GPUVM_RPC_CHROOT) ||
         (op == GPUVM_RPC_WRITE && fd >= kFirstFd);
}

FileService::OpenFile *FileService::fileOf(Vm &vm, int64_t fd) {
  int64_t slot = fd - kFirstFd;
  return slot >= 0 && size_t(slot) < vm.files.size() ? vm.files[size_t(slot)].get() : nullptr;
}

bool FileService::hasHostName(const OpenFile &file) {
  return file.kind == OpenFile::Kind::File && file.seekable && !file.shared;
}

// Opens the file again by its name, or by the name it was given when the
// VM took its last one away, and makes sure that leads to the same file.
int FileService::reopen(int root, const OpenFile &file) {
  auto same = [&](int fd) {
    struct stat st;
    if (fd < 0 || (fstat(fd, &st) == 0 && st.st_dev == file.dev && st.st_ino == file.ino))
      return fd;
    ::close(fd);
    errno = ESTALE;
    return -1;
  };
  int fd = same(openInRoot(root, file.path.c_str(), file.flags, 0));
  if (fd < 0 && hasHostName(file)) {
    int error = errno;
    fd = same(unlinked_.reopen(file.dev, file.ino, file.flags));
    if (fd < 0)
      errno = error;
  }
  return fd;
}

DescriptorCache::Lease FileService::descriptorOf(uint32_t vm, OpenFile &file) {
  if (file.shared)
    return descriptors_.get(file.slot, [&] { return reopen(roRootFd_, file); });
  // The root's descriptor first: reopening the file needs it.
  DescriptorCache::Lease root = rootOf(vm);
  if (!root)
    return {};
  return descriptors_.get(file.slot, [&] { return reopen(root.fd(), file); });
}

int64_t FileService::open(uint32_t vmId, const char *path, int flags, int mode, bool &inDataSet) {
  if (flags & ~kAllowedOpenFlags)
    return -EINVAL;
  Vm &vm = vms_[vmId];
  size_t slot = 0;
  while (slot < vm.files.size() && vm.files[slot])
    ++slot;
  if (slot == kMaxOpenFiles)
    return -EMFILE;
  auto file = std::make_unique<OpenFile>();
  file->path = fromRoot(vmId, path);
  file->flags = flags & ~(O_CREAT | O_EXCL | O_TRUNC);
  if (isDevice(path, "dev/null")) {
    file->kind = OpenFile::Kind::Null;
  } else if (isDevice(path, "dev/urandom") || isDevice(path, "dev/random")) {
    file->kind = OpenFile::Kind::Random;
  } else {
    std::shared_lock names(namesMutex_);
    DescriptorCache::Lease root = viewOf(vmId);
    if (!root && errno != ENOENT)
      return failed(errno);
    struct stat st;
    int statError = 0;
    {
      DescriptorCache::Lease opened = descriptors_.get(file->slot, [&] {
        int fd = root ? openInRoot(root.fd(), path, flags, mode) : (errno = ENOENT, -1);
        // The shared data set answers reads of what the VM's own root lacks.
        if (fd < 0 && errno == ENOENT && roRootFd_ >= 0) {
          int shared = openInRoot(roRootFd_, path, flags & ~(O_CREAT | O_EXCL | O_TRUNC), mode);
          if (shared >= 0 && (flags & O_ACCMODE) != O_RDONLY) {
            ::close(shared);
            errno = EROFS;
            shared = -1;
          }
          if (shared >= 0) {
            file->shared = true;
            file->path = path; // the shared data set is not re-rooted
          }
          if (shared >= 0 || errno != ENOENT)
            fd = shared;
          else
            errno = ENOENT;
        }
        return fd;
      });
      if (!opened)
        return failed(errno);
      if (fstat(opened.fd(), &st) != 0)
        statError = errno;
    }
    if (statError) {
      descriptors_.release(file->slot); // before the record goes
      return -statError;
    }
    // A file of the data set as loaded is read in place: no record, no
    // descriptor kept.
    if (int64_t index = file->shared && dataSet_ ? dataSet_->find(st) : -1; index >= 0) {
      descriptors_.release(file->slot);
      inDataSet = true;
      return index;
    }
    file->dev = st.st_dev;
    file->ino = st.st_ino;
    if (S_ISDIR(st.st_mode))
      file->kind = OpenFile::Kind::Directory;
    // A FIFO or a device is used where it is: it cannot be reopened.
    file->seekable = S_ISREG(st.st_mode) || S_ISDIR(st.st_mode);
    if (hasHostName(*file))
      unlinked_.opened(file->dev, file->ino);
  }
  OpenFile &placed = *file;
  if (slot == vm.files.size())
    vm.files.push_back(std::move(file));
  else
    vm.files[slot] = std::move(file);
  if (!placed.seekable)
    pin(vmId, placed);
  return kFirstFd + int64_t(slot);
}

void FileService::pin(uint32_t vm, OpenFile &file) {
  if (file.slot.pinned || file.kind == OpenFile::Kind::Null || file.kind == OpenFile::Kind::Random)
    return;
  if (file.shared) {
    descriptors_.pin(file.slot, [&] { return reopen(roRootFd_, file); });
    return;
  }
  DescriptorCache::Lease root = rootOf(vm);
  if (root)
    descriptors_.pin(file.slot, [&] { return reopen(root.fd(), file); });
}

// Before `path` (in the VM's root) is unlinked or renamed over (`moving`
// false), a regular file open in any VM gets a name of its own
// (UnlinkedFiles.h); where it cannot, and for anything else, the VM's open
// files on it keep their descriptors. Before a directory is renamed
// (`moving` true), every open file of the VM does, as their names may change
// with it (a file renamed is followed instead).
void FileService::pinFilesNamed(uint32_t vmId, const char *path, bool moving) {
  Vm &vm = vms_[vmId];
  DescriptorCache::Lease root = viewOf(vmId);
  if (!root)
    return;
  open_how how{};
  how.flags = O_PATH | O_NOFOLLOW | O_CLOEXEC;
  how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
  int fd = *path ? int(syscall(SYS_openat2, root.fd(), path, &how, sizeof how)) : -1;
  struct stat st;
  bool known = fd >= 0 && fstat(fd, &st) == 0;
  bool named = known && !moving && S_ISREG(st.st_mode) && unlinked_.keep(fd, st.st_dev, st.st_ino);
  if (fd >= 0)
    ::close(fd);
  if (!known || named)
    return;
  if (moving && !S_ISDIR(st.st_mode))
    return;
  for (auto &file : vm.files)
    if (file && !file->shared && (moving || (file->dev == st.st_dev && file->ino == st.st_ino)))
      pin(vmId, *file);
}

int64_t FileService::readOrWrite(uint32_t vm, OpenFile &file, bool read, std::span<uint8_t> data,
                                 int64_t at) {
  const size_t length = data.size();
  uint8_t *bytes = data.data();
  switch (file.kind) {
  case OpenFile::Kind::Null:
    return read ? 0 : int64_t(length);
  case OpenFile::Kind::Random: {
    ssize_t got = read ? getrandom(bytes, length, 0) : ssize_t(length);
    return got < 0 ? -errno : got;
  }
  case OpenFile::Kind::Directory:
    return -EISDIR;
  case OpenFile::Kind::File:
    break;
  }
  const bool positioned = at >= 0;
  if (positioned && !file.seekable)
    return -ESPIPE;
  DescriptorCache::Lease descriptor = descriptorOf(vm, file);
  if (!descriptor)
    return failed(errno);
  int fd = descriptor.fd();
  const int64_t offset = positioned ? at : file.offset;
  ssize_t done;
  if (!file.seekable)
    done = read ? ::read(fd, bytes, length) : ::write(fd, bytes, length);
  else if (read)
    done = ::pread(fd, bytes, length, offset);
  else if (file.flags & O_APPEND)
    done = ::write(fd, bytes, length); // at the end, atomically; pwrite too, as on Linux
  else
    done = ::pwrite(fd, bytes, length, offset);
  if (done < 0)
    return -errno;
  if (file.seekable && !positioned) {
    if (!read && (file.flags & O_APPEND))
      file.offset = ::lseek(fd, 0, SEEK_CUR); // a write with O_APPEND ends at the end
    else
      file.offset += done;
  }
  return done;
}

int64_t FileService::seek(uint32_t vm, OpenFile &file, int64_t offset, int whence) {
  if (file.kind == OpenFile::Kind::Null || file.kind == OpenFile::Kind::Random)
    return 0;
  if (!file.seekable)
    return -ESPIPE;
  if (file.kind == OpenFile::Kind::Directory) {
    // A directory's position is a cookie that getdents64 gave (telldir), or 0.
    if (whence == SEEK_CUR && offset == 0)
      return file.offset;
    if (whence != SEEK_SET || offset < 0)
      return -EINVAL;
    return file.offset = offset;
  }
  int64_t base;
  if (whence == SEEK_SET) {
    base = 0;
  } else if (whence == SEEK_CUR) {
    base = file.offset;
  } else {
    // SEEK_END, SEEK_DATA, SEEK_HOLE: the file decides.
    DescriptorCache::Lease descriptor = descriptorOf(vm, file);
    if (!descriptor)
      return failed(errno);
    off_t at = ::lseek(descriptor.fd(), offset, whence);
    if (at < 0)
      return -errno;
    return file.offset = at;
  }
  if ((offset > 0 && base > INT64_MAX - offset) || base + offset < 0)
    return -EINVAL;
  return file.offset = base + offset;
}

int64_t FileService::stat(uint32_t vm, gpuvm_mailbox &box) {
  struct stat st;
  if (box.arg[0] == 2) {
    OpenFile *file = fileOf(vms_[vm], box.arg[1]);
    if (!file)
      return -EBADF;
    if (file->kind == OpenFile::Kind::Random) {
      std::memset(&st, 0, sizeof st);
      st.st_mode = S_IFCHR | 0444;
    } else if (file->kind == OpenFile::Kind::Null) {
      if (::stat("/dev/null", &st) != 0)
        return -errno;
    } else {
      DescriptorCache::Lease descriptor = descriptorOf(vm, *file);
      if (!descriptor)
        return failed(errno);
      if (fstat(descriptor.fd(), &st) != 0)
        return -errno;
    }
  } else {
    const char *path = payloadPath(box);
    if (!path)
      return -ENAMETOOLONG;
    int flags = O_PATH | (box.arg[0] ? 0 : O_NOFOLLOW);
    int fd;
    if (isDevice(path, "dev/null") || isDevice(path, "dev/urandom")) {
      fd = ::open(isDevice(path, "dev/null") ? "/dev/null" : "/dev/urandom", O_PATH | O_CLOEXEC);
    } else {
      DescriptorCache::Lease root = viewOf(vm);
      fd = root ? openInRoot(root.fd(), path, flags, 0) : -1;
      if (fd < 0 && errno == ENOENT && roRootFd_ >= 0)
        fd = openInRoot(roRootFd_, path, flags, 0);
    }
    if (fd < 0)
      return failed(errno);
    int rc = fstat(fd, &st);
    int saved = errno;
    ::close(fd);
    if (rc != 0)
      return -saved;
  }
  // The name an unlinked open file keeps on the host is not one of its links.
  if (S_ISREG(st.st_mode) && st.st_nlink > 0 && unlinked_.holds(st.st_dev, st.st_ino))
    --st.st_nlink;
  gpuvm_stat out;
  fillStat(st, out);
  std::memcpy(box.payload, &out, sizeof out);
  return 0;
}

// Runs `op` on the parent directory of `path` (resolved inside the root) and
// the last component's name, which is placed in the payload for it.
int64_t FileService::onParent(uint32_t vm, const char *path,
                              int (*op)(int, const char *, gpuvm_mailbox &), gpuvm_mailbox &box) {
  std::string parent, name;
  if (!splitParent(path, parent, name))
    return parent == "/" && name.empty() ? -EEXIST : -EINVAL;
  DescriptorCache::Lease root = viewOf(vm);
  if (!root)
    return options_.root.empty() && roRootFd_ >= 0 ? -EROFS : failed(errno);
  int dir = openInRoot(root.fd(), parent.c_str(), O_PATH | O_DIRECTORY, 0);
  if (dir < 0)
    return failed(errno);
  int rc = op(dir, name.c_str(), box);
  int saved = errno;
  ::close(dir);
  return rc == 0 ? 0 : -saved;
}

int64_t FileService::rename(uint32_t vm, gpuvm_mailbox &box) {
  const char *from = payloadPath(box);
  const char *to = from ? payloadPath(box, std::strlen(from) + 1) : nullptr;
  if (!from || !to)
    return -ENAMETOOLONG;
  std::string fromParent, fromName, toParent, toName;
  if (!splitParent(from, fromParent, fromName) || !splitParent(to, toParent, toName))
    return -EINVAL;
  // What is renamed over loses its name; what moves with a directory gets
  // a new one: those keep their descriptors. A file renamed is followed.
  std::unique_lock names(namesMutex_);
  pinFilesNamed(vm, to, false);
  pinFilesNamed(vm, from, true);
  DescriptorCache::Lease root = viewOf(vm);
  if (!root)
    return failed(errno);
  int fromDir = openInRoot(root.fd(), fromParent.c_str(), O_PATH | O_DIRECTORY, 0);
  if (fromDir < 0)
    return failed(errno);
  int toDir = openInRoot(root.fd(), toParent.c_str(), O_PATH | O_DIRECTORY, 0);
  if (toDir < 0) {
    int saved = errno;
    ::close(fromDir);
    return failed(saved);
  }
  struct stat moved;
  bool known = fstatat(fromDir, fromName.c_str(), &moved, AT_SYMLINK_NOFOLLOW) == 0;
  int rc = renameat(fromDir, fromName.c_str(), toDir, toName.c_str());
  int saved = errno;
  ::close(fromDir);
  ::close(toDir);
  if (rc != 0)
    return -saved;
  if (known && !S_ISDIR(moved.st_mode))
    for (auto &file : vms_[vm].files)
      if (file && !file->shared && file->dev == moved.st_dev && file->ino == moved.st_ino)
        file->path = fromRoot(vm, to);
  return 0;
}

// Both names inside the VM's own root: a file of the shared data set cannot
// be linked into it (the link would make it writable there).
int64_t FileService::link(uint32_t vm, gpuvm_mailbox &box) {
  const char *from = payloadPath(box);
  const char *to = from ? payloadPath(box, std::strlen(from) + 1) : nullptr;
  if (!from || !to)
    return -ENAMETOOLONG;
  std::string fromParent, fromName, toParent, toName;
  if (!splitParent(from, fromParent, fromName) || !splitParent(to, toParent, toName))
    return -EINVAL;
  DescriptorCache::Lease root = viewOf(vm);
  if (!root)
    return options_.root.empty() && roRootFd_ >= 0 ? -EROFS : failed(errno);
  int fromDir = openInRoot(root.fd(), fromParent.c_str(), O_PATH | O_DIRECTORY, 0);
  if (fromDir < 0)
    return failed(errno);
  int toDir = openInRoot(root.fd(), toParent.c_str(), O_PATH | O_DIRECTORY, 0);
  if (toDir < 0) {
    int saved = errno;
    ::close(fromDir);
    return failed(saved);
  }
  int rc = linkat(fromDir, fromName.c_str(), toDir, toName.c_str(), 0);
  int saved = errno;
  ::close(fromDir);
  ::close(toDir);
  return rc == 0 ? 0 : -saved;
}

// The link's text whole, or ENAMETOOLONG: never cut short in silence. The
// VM's root first, then the shared data set, as open() looks.
int64_t FileService::readlink(uint32_t vm, gpuvm_mailbox &box) {
  const char *path = payloadPath(box);
  if (!path)
    return -ENAMETOOLONG;
  std::string parent, name;
  if (!splitParent(path, parent, name))
    return -EINVAL;
  char text[GPUVM_MAILBOX_PAYLOAD];
  auto readIn = [&](int rootFd) -> ssize_t {
    int dir = openInRoot(rootFd, parent.c_str(), O_PATH | O_DIRECTORY, 0);
    if (dir < 0)
      return -1;
    ssize_t length = readlinkat(dir, name.c_str(), text, sizeof text);
    int saved = errno;
    ::close(dir);
    errno = saved;
    return length;
  };
  DescriptorCache::Lease root = viewOf(vm);
  ssize_t length = root ? readIn(root.fd()) : (errno = ENOENT, -1);
  if (length < 0 && errno == ENOENT && roRootFd_ >= 0)
    length = readIn(roRootFd_);
  if (length < 0)
    return failed(errno);
  if (size_t(length) >= sizeof text)
    return -ENAMETOOLONG;
  std::memcpy(box.payload, text, size_t(length));
  return length;
}

int64_t FileService::statvfs(uint32_t vm, gpuvm_mailbox &box) {
  struct statvfs st;
  int rc;
  if (box.arg[0] == 2) {
    OpenFile *file = fileOf(vms_[vm], box.arg[1]);
    if (!file)
      return -EBADF;
    DescriptorCache::Lease descriptor = descriptorOf(vm, *file);
    if (!descriptor)
      return failed(errno);
    rc = fstatvfs(descriptor.fd(), &st);
  } else {
    const char *path = payloadPath(box);
    if (!path)
      return -ENAMETOOLONG;
    DescriptorCache::Lease root = viewOf(vm);
    int fd = root ? openInRoot(root.fd(), path, O_PATH, 0) : -1;
    if (fd < 0 && (root ? errno == ENOENT : true) && roRootFd_ >= 0)
      fd = openInRoot(roRootFd_, path, O_PATH, 0);
    if (fd < 0)
      return failed(errno);
    rc = fstatvfs(fd, &st);
    int saved = errno;
    ::close(fd);
    errno = saved;
  }
  if (rc != 0)
    return -errno;
  gpuvm_statvfs out{st.f_bsize, st.f_frsize, st.f_blocks, st.f_bfree, st.f_bavail, st.f_files,
                    st.f_ffree, st.f_favail, st.f_fsid,   st.f_flag,  st.f_namemax};
  std::memcpy(box.payload, &out, sizeof out);
  return 0;
}

int64_t FileService::readdir(uint32_t vm, OpenFile &file, gpuvm_mailbox &box) {
  if (file.kind != OpenFile::Kind::Directory)
    return -ENOTDIR;
  DescriptorCache::Lease descriptor = descriptorOf(vm, file);
  if (!descriptor)
    return failed(errno);
  // Where the last call stopped: the descriptor may be a new one.
  if (::lseek(descriptor.fd(), file.offset, SEEK_SET) < 0)
    return -errno;
  // Linux records carry d_off too, so ours always fit in the same space.
  alignas(8) char raw[GPUVM_MAILBOX_PAYLOAD];
  long got = syscall(SYS_getdents64, descriptor.fd(), raw, sizeof raw);
  if (got < 0)
    return -errno;
  size_t out = 0;
  for (long at = 0; at < got;) {
    struct LinuxDirent {
      uint64_t ino;
      int64_t off;
      uint16_t reclen;
      uint8_t type;
      char name[];
    };
    auto *in = reinterpret_cast<LinuxDirent *>(raw + at);
    size_t nameLen = std::strlen(in->name);
    size_t length = (sizeof(gpuvm_dirent) + nameLen + 1 + 7) & ~size_t(7);
    auto *entry = reinterpret_cast<gpuvm_dirent *>(box.payload + out);
    entry->ino = in->ino;
    entry->record_length = uint16_t(length);
    entry->type = in->type;
    std::memcpy(entry->name, in->name, nameLen + 1);
    out += length;
    at += in->reclen;
    file.offset = in->off;
  }
  return int64_t(out);
}

int64_t FileService::onOpenFile(uint32_t vm, OpenFile &file, gpuvm_mailbox &box) {
  // /dev/null and /dev/urandom have no size, data or mode of their own to change
  if (file.kind == OpenFile::Kind::Null || file.kind == OpenFile::Kind::Random)
    return box.op == GPUVM_RPC_FCHMOD || box.op == GPUVM_RPC_UTIME ? 0 : -EINVAL;
  if (box.op == GPUVM_RPC_FTRUNCATE &&
      (file.kind != OpenFile::Kind::File || (file.flags & O_ACCMODE) == O_RDONLY))
    return -EINVAL; // as Linux: only a regular file open for writing
  if (box.op == GPUVM_RPC_FTRUNCATE && box.arg[1] < 0)
    return -EINVAL;
  if (file.shared && box.op != GPUVM_RPC_FSYNC)
    return -EROFS;
  DescriptorCache::Lease descriptor = descriptorOf(vm, file);
  if (!descriptor)
    return failed(errno);
  int fd = descriptor.fd(), rc;
  // a directory's descriptor may be O_PATH, which fchmod and futimens
  // refuse: its /proc name reaches the same inode
  std::string self = "/proc/self/fd/" + std::to_string(fd);
  if (box.op == GPUVM_RPC_FTRUNCATE) {
    rc = ::ftruncate(fd, off_t(box.arg[1]));
  } else if (box.op == GPUVM_RPC_FSYNC) {
    rc = box.arg[1] ? ::fdatasync(fd) : ::fsync(fd);
  } else if (box.op == GPUVM_RPC_UTIME) {
    timespec times[2] = {timeOf(box.arg[2]), timeOf(box.arg[3])};
    rc = ::utimensat(AT_FDCWD, self.c_str(), times, 0);
  } else {
    rc = ::chmod(self.c_str(), mode_t(box.arg[1] & kModeBits));
  }
  return rc == 0 ? 0 : -errno;
}

int64_t FileService::onPath(uint32_t vm, const char *path, gpuvm_mailbox &box) {
  DescriptorCache::Lease root = viewOf(vm);
  if (!root)
    return options_.root.empty() && roRootFd_ >= 0 ? -EROFS : failed(errno);
  // Resolved inside the root (symlinks included), as open() resolves.
  bool truncating = box.op == GPUVM_RPC_TRUNCATE;
  if (truncating && box.arg[0] < 0)
    return -EINVAL;
  int fd = openInRoot(root.fd(), path, truncating ? O_WRONLY : O_PATH, 0);
  if (fd < 0 && errno == ENOENT && roRootFd_ >= 0) {
    int shared = openInRoot(roRootFd_, path, O_PATH, 0);
    if (shared >= 0) {
      ::close(shared);
      return -EROFS; // the shared data set is read-only
    }
    errno = ENOENT;
  }
  if (fd < 0)
    return failed(errno);
  int rc;
  std::string self = "/proc/self/fd/" + std::to_string(fd);
  if (truncating) {
    rc = ::ftruncate(fd, off_t(box.arg[0]));
  } else if (box.op == GPUVM_RPC_UTIME) {
    timespec times[2] = {timeOf(box.arg[2]), timeOf(box.arg[3])};
    rc = ::utimensat(AT_FDCWD, self.c_str(), times, 0);
  } else {
    rc = ::chmod(self.c_str(), mode_t(box.arg[0] & kModeBits));
  }
  int saved = errno;
  ::close(fd);
  return rc == 0 ? 0 : -saved;
}

// The most entries of a VM's root looked at for what could hide the data set.
constexpr size_t kShadowWalkLimit = 10000;

// What the VM's kernel may open in the data set by itself: nothing once its
// own root (or a chroot's view of it) may hide a path of the set.
void FileService::noteShadows(uint32_t vmId, const gpuvm_mailbox &box) {
  Vm &vm = vms_[vmId];
  if (!dataSet_ || options_.root.empty() || vm.mayShadowDataSet)
    return;
  // One root for all VMs: what one makes there, the others see at once, and
  // their kernels would not know. Their opens stay the host's.
  if (options_.root.find("{vm}") == std::string::npos) {
    vm.mayShadowDataSet = true;
    return;
  }
  if (!vm.shadowChecked) {
    // A top entry named as one of the set's hides it; a symlink anywhere may
    // lead a path made later to the top. A big root is not walked: assumed.
    vm.shadowChecked = true;
    namespace fs = std::filesystem;
    std::error_code ec;
    size_t walked = 0;
    for (fs::recursive_directory_iterator it(rootPath(vmId), ec), end;
         !ec && it != end && !vm.mayShadowDataSet; it.increment(ec))
      vm.mayShadowDataSet = ++walked > kShadowWalkLimit || it->is_symlink() ||
                            (it.depth() == 0 && dataSet_->mayShadow(it->path().filename().c_str()));
    if (ec) // a part of the root not looked at may hide anything
      vm.mayShadowDataSet = true;
  }
  const char *first = payloadPath(box);
  const char *second = first ? payloadPath(box, std::strlen(first) + 1) : nullptr;
  switch (box.op) {
  case GPUVM_RPC_OPEN:
    if ((box.arg[0] & O_CREAT) && first && dataSet_->mayShadow(first))
      vm.mayShadowDataSet = true;
    break;
  case GPUVM_RPC_MKDIR:
    if (first && dataSet_->mayShadow(first))
      vm.mayShadowDataSet = true;
    break;
  case GPUVM_RPC_RENAME:
  case GPUVM_RPC_LINK:
    if (second && dataSet_->mayShadow(second))
      vm.mayShadowDataSet = true;
    break;
  case GPUVM_RPC_SYMLINK: // a link can lead a later path anywhere in the root
  case GPUVM_RPC_CHROOT:
    vm.mayShadowDataSet = true;
    break;
  }
}

void FileService::serve(uint32_t vmId, gpuvm_mailbox &box, std::span<uint8_t> data) {
  Vm &vm = vms_[vmId];
  noteShadows(vmId, box);
  box.data_set_in_place = dataSet_ && !vm.mayShadowDataSet;
  int64_t result = -EINVAL;
  switch (box.op) {
  case GPUVM_RPC_OPEN: {
    const char *path = payloadPath(box);
    bool inDataSet = false;
    result = path ? open(vmId, path, int(box.arg[0]), int(box.arg[1]), inDataSet) : -ENAMETOOLONG;
    box.arg[2] = inDataSet ? GPUVM_OPEN_IN_DATA_SET : 0;
    break;
  }
  case GPUVM_RPC_CLOSE: {
    OpenFile *file = fileOf(vm, box.arg[0]);
    if (!file) {
      result = -EBADF;
      break;
    }
    descriptors_.release(file->slot);
    if (hasHostName(*file))
      unlinked_.closed(file->dev, file->ino);
    vm.files[size_t(box.arg[0] - kFirstFd)].reset();
    while (!vm.files.empty() && !vm.files.back())
      vm.files.pop_back();
    result = 0;
    break;
  }
  case GPUVM_RPC_READ:
  case GPUVM_RPC_WRITE: {
    OpenFile *file = fileOf(vm, box.arg[0]);
    if (box.arg[1] < 0 || uint64_t(box.arg[1]) > data.size())
      result = -EINVAL;
    else
      result = file ? readOrWrite(vmId, *file, box.op == GPUVM_RPC_READ,
                                  data.first(size_t(box.arg[1])), box.arg[3])
                    : -EBADF;
    break;
  }
  case GPUVM_RPC_LSEEK: {
    OpenFile *file = fileOf(vm, box.arg[0]);
    result = file ? seek(vmId, *file, box.arg[1], int(box.arg[2])) : -EBADF;
    break;
  }
  case GPUVM_RPC_STAT:
    result = stat(vmId, box);
    break;
  case GPUVM_RPC_MKDIR:
  case GPUVM_RPC_RMDIR:
  case GPUVM_RPC_UNLINK:
  case GPUVM_RPC_SYMLINK: {
    size_t at =
        box.op == GPUVM_RPC_SYMLINK
            ? strnlen(reinterpret_cast<const char *>(box.payload), GPUVM_MAILBOX_PAYLOAD) + 1
            : 0;
    const char *path = payloadPath(box, at);
    if (!path) {
      result = -ENAMETOOLONG;
      break;
    }
    int (*op)(int, const char *, gpuvm_mailbox &) = nullptr;
    if (box.op == GPUVM_RPC_MKDIR)
      op = [](int dir, const char *name, gpuvm_mailbox &b) {
        return mkdirat(dir, name, mode_t(b.arg[0] & kModeBits));
      };
    else if (box.op == GPUVM_RPC_RMDIR)
      op = [](int dir, const char *name, gpuvm_mailbox &) {
        return unlinkat(dir, name, AT_REMOVEDIR);
      };
    else if (box.op == GPUVM_RPC_UNLINK)
      op = [](int dir, const char *name, gpuvm_mailbox &) { return unlinkat(dir, name, 0); };
    else // the target is text: it is resolved inside the root when followed
      op = [](int dir, const char *name, gpuvm_mailbox &b) {
        return symlinkat(reinterpret_cast<const char *>(b.payload), dir, name);
      };
    // An open file about to lose its name keeps its descriptor.
    std::unique_lock<std::shared_mutex> names(namesMutex_, std::defer_lock);
    if (box.op == GPUVM_RPC_UNLINK || box.op == GPUVM_RPC_RMDIR) {
      names.lock();
      pinFilesNamed(vmId, path, false);
    }
    result = onParent(vmId, path, op, box);
    break;
  }
  case GPUVM_RPC_RENAME:
    result = rename(vmId, box);
    break;
  case GPUVM_RPC_LINK:
    result = link(vmId, box);
    break;
  case GPUVM_RPC_READLINK:
    result = readlink(vmId, box);
    break;
  case GPUVM_RPC_STATVFS:
    result = statvfs(vmId, box);
    break;
  case GPUVM_RPC_CHROOT: {
    const char *path = payloadPath(box);
    result = path ? chroot(vmId, path) : -ENAMETOOLONG;
    break;
  }
  case GPUVM_RPC_FD_PATH: {
    OpenFile *file = fileOf(vm, box.arg[0]);
    if (!file) {
      result = -EBADF;
      break;
    }
    // As the VM names it: inside its chroot when it is there.
    std::string path = file->path;
    const std::string &jail = vm.jail;
    if (!file->shared && !jail.empty() && path.compare(0, jail.size() + 1, jail + "/") == 0)
      path = path.substr(jail.size());
    if (path.empty() || path[0] != '/')
      path = "/" + path;
    if (path.size() + 1 > GPUVM_MAILBOX_PAYLOAD) {
      result = -ENAMETOOLONG;
      break;
    }
    std::memcpy(box.payload, path.c_str(), path.size() + 1);
    result = int64_t(path.size());
    break;
  }
  case GPUVM_RPC_READDIR: {
    OpenFile *file = fileOf(vm, box.arg[0]);
    result = file ? readdir(vmId, *file, box) : -EBADF;
    break;
  }
  case GPUVM_RPC_FTRUNCATE:
  case GPUVM_RPC_FSYNC:
  case GPUVM_RPC_FCHMOD: {
    OpenFile *file = fileOf(vm, box.arg[0]);
    result = file ? onOpenFile(vmId, *file, box) : -EBADF;
    break;
  }
  case GPUVM_RPC_UTIME:
    if (box.arg[0] == 2) {
      OpenFile *file = fileOf(vm, box.arg[1]);
      result = file ? onOpenFile(vmId, *file, box) : -EBADF;
      break;
    }
    if (box.arg[0] == 0) { // the last symlink itself
      const char *path = payloadPath(box);
      result = path ? onParent(
                          vmId, path,
                          [](int dir, const char *name, gpuvm_mailbox &b) {
                            timespec times[2] = {timeOf(b.arg[2]), timeOf(b.arg[3])};
                            return utimensat(dir, name, times, AT_SYMLINK_NOFOLLOW);
                          },
                          box)
                    : -ENAMETOOLONG;
      break;
    }
    [[fallthrough]];
  case GPUVM_RPC_TRUNCATE:
  case GPUVM_RPC_CHMOD: {
    const char *path = payloadPath(box);
    result = path ? onPath(vmId, path, box) : -ENAMETOOLONG;
    break;
  }
  case GPUVM_RPC_RANDOM:
    result = box.arg[0] < 0 || uint64_t(box.arg[0]) > GPUVM_MAILBOX_PAYLOAD
                 ? -EINVAL
                 : getrandom(box.payload, size_t(box.arg[0]), 0);
    if (result < 0 && result != -EINVAL)
      result = -errno;
    break;
  default:
    result = -ENOSYS;
  }
  box.error = result < 0 ? -result : 0;
  box.result = result < 0 ? -1 : result;
}

} // namespace gpuvm::runtime
