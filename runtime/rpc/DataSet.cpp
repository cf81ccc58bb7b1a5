#include "DataSet.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <vector>

namespace gpuvm::runtime {

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

namespace {
uint64_t wholePages(uint64_t bytes) {
  return (bytes + GPUVM_DATA_SET_PAGE - 1) / GPUVM_DATA_SET_PAGE * GPUVM_DATA_SET_PAGE;
}

bool sameContents(const struct stat &a, const struct stat &b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino && a.st_size == b.st_size &&
         a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

// Reads exactly st.st_size bytes of the file at `path` into `to`, and only
// if the file is still the one lstat saw, unchanged after the read.
std::string readWhole(const std::string &path, const struct stat &seen, uint8_t *to) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return std::strerror(errno);
  struct stat before, after;
  std::string why;
  if (fstat(fd, &before) != 0 || !sameContents(before, seen))
    why = "changed while loading";
  for (off_t done = 0; why.empty() && done < seen.st_size;) {
    ssize_t got = ::pread(fd, to + done, size_t(seen.st_size - done), done);
    if (got < 0)
      why = std::strerror(errno);
    else if (got == 0)
      why = "changed while loading (shorter than its size)";
    done += got > 0 ? got : 0;
  }
  if (why.empty() && (fstat(fd, &after) != 0 || !sameContents(after, seen)))
    why = "changed while loading";
  ::close(fd);
  return why;
}
} // namespace

std::string DataSet::load(const std::string &dir, uint64_t budget) {
  auto start = std::chrono::steady_clock::now();
  struct Planned {
    std::string path;
    struct stat st;
    uint64_t offset = 0; // 0: left out
    int64_t index = -1;  // in files[], once loaded
  };
  std::vector<Planned> planned;
  std::vector<std::pair<std::string, size_t>> names; // relative path, planned file
  std::map<std::pair<uint64_t, uint64_t>, size_t> byInode;
  std::error_code ec;
  namespace fs = std::filesystem;
  auto skip = [&](const std::string &path, uint64_t bytes, const std::string &why) {
    ++figures_.skippedFiles;
    figures_.skippedBytes += bytes;
    if (figures_.firstSkipped.empty())
      figures_.firstSkipped = path + " (" + why + ")";
  };
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    std::string relative = it->path().lexically_relative(dir).generic_string();
    if (it.depth() == 0)
      topNames_.insert(relative);
    struct stat st;
    if (::lstat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode))
      continue;
    auto [at, added] =
        byInode.emplace(std::make_pair(uint64_t(st.st_dev), uint64_t(st.st_ino)), planned.size());
    if (added) // a second name of a file planned is a hard link to it
      planned.push_back({it->path().string(), st});
    names.emplace_back(relative, at->second);
  }
  if (ec)
    return "--ro-root " + dir + ": " + ec.message();
  std::sort(names.begin(), names.end());
  uint64_t strings = 0;
  for (const auto &name : names)
    strings += name.first.size() + 1;
  uint64_t header =
      wholePages(sizeof(gpuvm_data_set) + planned.size() * sizeof(gpuvm_data_set_file) +
                 names.size() * sizeof(gpuvm_data_set_name) + strings);
  uint64_t size = header;
  for (Planned &p : planned) {
    uint64_t bytes = wholePages(uint64_t(p.st.st_size));
    if (size + bytes > budget) {
      skip(p.path, uint64_t(p.st.st_size), "past --ro-root-memory");
      continue;
    }
    p.offset = size;
    size += bytes;
  }
  if (size == header) { // nothing fits, or nothing to load
    figures_.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return {};
  }
  block_.reset(static_cast<uint8_t *>(std::aligned_alloc(GPUVM_DATA_SET_PAGE, size)));
  if (!block_)
    return "--ro-root " + dir + ": no host memory for its " + std::to_string(size) + " bytes";
  std::memset(block_.get(), 0, size);
  size_ = size;
  auto *set = reinterpret_cast<gpuvm_data_set *>(block_.get());
  set->size = size;
  for (Planned &p : planned) {
    if (!p.offset)
      continue;
    if (std::string why = readWhole(p.path, p.st, block_.get() + p.offset); !why.empty()) {
      std::memset(block_.get() + p.offset, 0, uint64_t(p.st.st_size));
      skip(p.path, uint64_t(p.st.st_size), why);
      continue;
    }
    p.index = int64_t(set->file_count++);
    gpuvm_data_set_file &file = set->files[p.index];
    file.offset = p.offset;
    fillStat(p.st, file.stat);
    byIdentity_[{uint64_t(p.st.st_dev), uint64_t(p.st.st_ino)}] = uint64_t(p.index);
    ++figures_.files;
    figures_.bytes += uint64_t(p.st.st_size);
  }
  // The names of what was loaded, then their paths, after the files.
  set->names = sizeof(gpuvm_data_set) + set->file_count * sizeof(gpuvm_data_set_file);
  auto *table = reinterpret_cast<gpuvm_data_set_name *>(block_.get() + set->names);
  uint64_t text = set->names + names.size() * sizeof(gpuvm_data_set_name);
  for (const auto &[path, which] : names) {
    if (planned[which].index < 0)
      continue;
    table[set->name_count++] = {text, uint64_t(planned[which].index)};
    std::memcpy(block_.get() + text, path.c_str(), path.size() + 1);
    text += path.size() + 1;
  }
  figures_.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return {};
}

bool DataSet::mayShadow(const char *path) const {
  if (std::strstr(path, "..")) // "a/../b" may end anywhere: assume the worst
    return true;
  for (;;) {
    while (*path == '/')
      ++path;
    if (path[0] != '.' || (path[1] != '/' && path[1]))
      break;
    ++path;
  }
  const char *slash = std::strchr(path, '/');
  return topNames_.count(std::string(path, slash ? size_t(slash - path) : std::strlen(path))) != 0;
}

int64_t DataSet::find(const struct stat &st) const {
  auto it = byIdentity_.find({uint64_t(st.st_dev), uint64_t(st.st_ino)});
  return it == byIdentity_.end() ? -1 : int64_t(it->second);
}

} // namespace gpuvm::runtime
