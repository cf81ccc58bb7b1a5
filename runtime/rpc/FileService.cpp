#include "FileService.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace gpuvm::runtime {

namespace {

constexpr int kFirstFd = 3;
constexpr size_t kMaxOpenFiles = 64;
constexpr int kRandomDevice = -2; // an fd slot that reads random bytes

// Flags a VM may pass to open(); anything else (O_PATH, O_TMPFILE's
// directory bit aside) is refused.
constexpr int kAllowedOpenFlags = O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_APPEND | O_DIRECTORY |
                                  O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;

int openInRoot(int root, const char *path, int flags, int mode) {
  open_how how{};
  how.flags = uint64_t(flags | O_CLOEXEC);
  how.mode = (flags & O_CREAT) ? uint64_t(mode & 07777) : 0;
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

void fillStat(const struct stat &st, gpuvm_stat &out) {
  out = {};
  out.dev = st.st_dev;
  out.ino = st.st_ino;
  out.mode = st.st_mode;
  out.nlink = uint32_t(st.st_nlink);
  out.size = uint64_t(st.st_size);
  out.atime_sec = st.st_atim.tv_sec;
  out.atime_nsec = st.st_atim.tv_nsec;
  out.mtime_sec = st.st_mtim.tv_sec;
  out.mtime_nsec = st.st_mtim.tv_nsec;
  out.ctime_sec = st.st_ctim.tv_sec;
  out.ctime_nsec = st.st_ctim.tv_nsec;
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

struct FileService::Vm {
  int root = -1;
  std::vector<int> fds; // slot i is VM fd kFirstFd + i; -1 when free
};

FileService::FileService(const FileSystemOptions &options, uint32_t vmCount)
    : options_(options), vms_(vmCount) {}

FileService::~FileService() {
  for (Vm &vm : vms_) {
    for (int fd : vm.fds)
      if (fd >= 0)
        ::close(fd);
    if (vm.root >= 0)
      ::close(vm.root);
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

int FileService::rootOf(uint32_t vm) {
  Vm &state = vms_[vm];
  if (state.root < 0 && !options_.root.empty())
    state.root = ::open(rootPath(vm).c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  return state.root;
}

bool FileService::handles(uint32_t op, int64_t fd) {
  return (op >= GPUVM_RPC_OPEN && op <= GPUVM_RPC_RANDOM) ||
         (op == GPUVM_RPC_WRITE && fd >= kFirstFd);
}

int64_t FileService::open(Vm &vm, int root, const char *path, int flags, int mode) {
  if (flags & ~kAllowedOpenFlags)
    return -EINVAL;
  int fd;
  if (isDevice(path, "dev/null")) {
    fd = ::open("/dev/null", (flags & O_ACCMODE) | O_CLOEXEC);
  } else if (isDevice(path, "dev/urandom") || isDevice(path, "dev/random")) {
    fd = kRandomDevice;
  } else {
    fd = root >= 0 ? openInRoot(root, path, flags, mode) : (errno = ENOENT, -1);
    // The shared data set answers reads of what the VM's own root lacks.
    if (fd < 0 && errno == ENOENT && roRootFd_ >= 0) {
      int shared = openInRoot(roRootFd_, path, flags & ~(O_CREAT | O_EXCL | O_TRUNC), mode);
      if (shared >= 0 && (flags & O_ACCMODE) != O_RDONLY) {
        ::close(shared);
        errno = EROFS;
        shared = -1;
      }
      if (shared >= 0 || errno != ENOENT)
        fd = shared;
      else
        errno = ENOENT;
    }
  }
  if (fd == -1)
    return -errno;
  for (size_t slot = 0; slot < vm.fds.size(); ++slot)
    if (vm.fds[slot] == -1) {
      vm.fds[slot] = fd;
      return kFirstFd + int64_t(slot);
    }
  if (vm.fds.size() >= kMaxOpenFiles) {
    if (fd >= 0)
      ::close(fd);
    return -EMFILE;
  }
  vm.fds.push_back(fd);
  return kFirstFd + int64_t(vm.fds.size() - 1);
}

int64_t FileService::stat(uint32_t vm, gpuvm_mailbox &box) {
  struct stat st;
  if (box.arg[0] == 2) {
    int64_t slot = box.arg[1] - kFirstFd;
    Vm &state = vms_[vm];
    if (slot < 0 || size_t(slot) >= state.fds.size() || state.fds[slot] == -1)
      return -EBADF;
    if (state.fds[slot] == kRandomDevice) {
      std::memset(&st, 0, sizeof st);
      st.st_mode = S_IFCHR | 0444;
    } else if (fstat(state.fds[slot], &st) != 0) {
      return -errno;
    }
  } else {
    const char *path = payloadPath(box);
    if (!path)
      return -ENAMETOOLONG;
    int flags = O_PATH | (box.arg[0] ? 0 : O_NOFOLLOW);
    int fd;
    if (isDevice(path, "dev/null") || isDevice(path, "dev/urandom"))
      fd = ::open(isDevice(path, "dev/null") ? "/dev/null" : "/dev/urandom", O_PATH | O_CLOEXEC);
    else {
      int root = rootOf(vm);
      fd = root >= 0 ? openInRoot(root, path, flags, 0) : (errno = ENOENT, -1);
      if (fd < 0 && errno == ENOENT && roRootFd_ >= 0)
        fd = openInRoot(roRootFd_, path, flags, 0);
    }
    if (fd < 0)
      return -errno;
    int rc = fstat(fd, &st);
    int saved = errno;
    ::close(fd);
    if (rc != 0)
      return -saved;
  }
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
  int root = rootOf(vm);
  if (root < 0)
    return roRootFd_ >= 0 ? -EROFS : -ENOENT;
  int dir = openInRoot(root, parent.c_str(), O_PATH | O_DIRECTORY, 0);
  if (dir < 0)
    return -errno;
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
  int root = rootOf(vm);
  if (root < 0)
    return -ENOENT;
  int fromDir = openInRoot(root, fromParent.c_str(), O_PATH | O_DIRECTORY, 0);
  if (fromDir < 0)
    return -errno;
  int toDir = openInRoot(root, toParent.c_str(), O_PATH | O_DIRECTORY, 0);
  if (toDir < 0) {
    int saved = errno;
    ::close(fromDir);
    return -saved;
  }
  int rc = renameat(fromDir, fromName.c_str(), toDir, toName.c_str());
  int saved = errno;
  ::close(fromDir);
  ::close(toDir);
  return rc == 0 ? 0 : -saved;
}

int64_t FileService::readdir(Vm &vm, gpuvm_mailbox &box) {
  int64_t slot = box.arg[0] - kFirstFd;
  if (slot < 0 || size_t(slot) >= vm.fds.size() || vm.fds[slot] < 0)
    return -EBADF;
  // Linux records carry d_off too, so ours always fit in the same space.
  alignas(8) char raw[GPUVM_MAILBOX_PAYLOAD];
  long got = syscall(SYS_getdents64, vm.fds[slot], raw, sizeof raw);
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
  }
  return int64_t(out);
}

void FileService::serve(uint32_t vmId, gpuvm_mailbox &box) {
  Vm &vm = vms_[vmId];
  auto slotFd = [&](int64_t fd) -> int {
    int64_t slot = fd - kFirstFd;
    return slot >= 0 && size_t(slot) < vm.fds.size() ? vm.fds[slot] : -1;
  };
  int64_t result = -EINVAL;
  switch (box.op) {
  case GPUVM_RPC_OPEN: {
    const char *path = payloadPath(box);
    result = path ? open(vm, rootOf(vmId), path, int(box.arg[0]), int(box.arg[1])) : -ENAMETOOLONG;
    break;
  }
  case GPUVM_RPC_CLOSE: {
    int fd = slotFd(box.arg[0]);
    if (fd == -1) {
      result = -EBADF;
      break;
    }
    vm.fds[box.arg[0] - kFirstFd] = -1;
    result = fd == kRandomDevice || ::close(fd) == 0 ? 0 : -errno;
    break;
  }
  case GPUVM_RPC_READ:
  case GPUVM_RPC_WRITE: {
    int fd = slotFd(box.arg[0]);
    int64_t length = box.arg[1];
    if (fd == -1)
      result = -EBADF;
    else if (length < 0 || uint64_t(length) > GPUVM_MAILBOX_PAYLOAD)
      result = -EINVAL;
    else {
      if (fd == kRandomDevice)
        result = box.op == GPUVM_RPC_READ ? getrandom(box.payload, size_t(length), 0) : length;
      else
        result = box.op == GPUVM_RPC_READ ? ::read(fd, box.payload, size_t(length))
                                          : ::write(fd, box.payload, size_t(length));
      if (result < 0)
        result = -errno;
    }
    break;
  }
  case GPUVM_RPC_LSEEK: {
    int fd = slotFd(box.arg[0]);
    result = fd == kRandomDevice ? 0 : fd == -1 ? -EBADF : ::lseek(fd, box.arg[1], int(box.arg[2]));
    if (result < 0 && fd >= 0)
      result = -errno;
    break;
  }
  case GPUVM_RPC_STAT:
    result = stat(vmId, box);
    break;
  case GPUVM_RPC_MKDIR:
  case GPUVM_RPC_RMDIR:
  case GPUVM_RPC_UNLINK:
  case GPUVM_RPC_UTIME: {
    const char *path = payloadPath(box);
    if (!path) {
      result = -ENAMETOOLONG;
      break;
    }
    int (*op)(int, const char *, gpuvm_mailbox &) = nullptr;
    if (box.op == GPUVM_RPC_MKDIR)
      op = [](int dir, const char *name, gpuvm_mailbox &b) {
        return mkdirat(dir, name, mode_t(b.arg[0] & 07777));
      };
    else if (box.op == GPUVM_RPC_RMDIR)
      op = [](int dir, const char *name, gpuvm_mailbox &) {
        return unlinkat(dir, name, AT_REMOVEDIR);
      };
    else if (box.op == GPUVM_RPC_UNLINK)
      op = [](int dir, const char *name, gpuvm_mailbox &) { return unlinkat(dir, name, 0); };
    else
      op = [](int dir, const char *name, gpuvm_mailbox &b) {
        timespec times[2] = {{b.arg[0], 0}, {b.arg[1], 0}};
        if (b.arg[0] < 0)
          times[0].tv_nsec = times[1].tv_nsec = UTIME_NOW;
        return utimensat(dir, name, times, AT_SYMLINK_NOFOLLOW);
      };
    result = onParent(vmId, path, op, box);
    break;
  }
  case GPUVM_RPC_RENAME:
    result = rename(vmId, box);
    break;
  case GPUVM_RPC_READDIR:
    result = readdir(vm, box);
    break;
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
