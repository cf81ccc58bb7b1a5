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

// Linux's d_type for a mode.
uint8_t direntType(mode_t mode) {
  switch (mode & S_IFMT) {
  case S_IFREG:
    return 8;
  case S_IFDIR:
    return 4;
  case S_IFLNK:
    return 10;
  case S_IFIFO:
    return 1;
  case S_IFSOCK:
    return 12;
  case S_IFCHR:
    return 2;
  case S_IFBLK:
    return 6;
  default:
    return 0;
  }
}

struct Entry {
  std::string name;
  uint64_t ino;
  uint8_t type;
};

uint64_t recordLength(const std::string &name) {
  return (sizeof(gpuvm_dirent) + name.size() + 1 + 7) & ~uint64_t(7);
}

// A directory's listing as GPUVM_RPC_READDIR records: ".", "..", then its
// entries by name.
uint64_t listingSize(const std::vector<Entry> &entries) {
  uint64_t bytes = recordLength(".") + recordLength("..");
  for (const Entry &e : entries)
    bytes += recordLength(e.name);
  return bytes;
}

void writeListing(uint8_t *to, uint64_t self, uint64_t parent, std::vector<Entry> entries) {
  std::sort(entries.begin(), entries.end(),
            [](const Entry &a, const Entry &b) { return a.name < b.name; });
  entries.insert(entries.begin(), {{".", self, 4}, {"..", parent, 4}});
  for (const Entry &e : entries) {
    auto *record = reinterpret_cast<gpuvm_dirent *>(to);
    record->ino = e.ino;
    record->record_length = uint16_t(recordLength(e.name));
    record->type = e.type;
    std::memcpy(record->name, e.name.c_str(), e.name.size() + 1);
    to += record->record_length;
  }
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
  std::vector<Planned> planned; // regular files
  struct Directory {
    std::string relative;
    struct stat st;
    std::vector<Entry> entries;
    int64_t index = -1;
  };
  std::vector<Directory> directories;
  std::map<std::string, size_t> directoryByPath;  // relative path -> directories[]
  std::map<std::string, uint64_t> directoryInode; // of every directory, loaded or not
  struct Name {
    std::string path;
    size_t which;
    bool directory;
  };
  std::vector<Name> names; // relative paths of what may be loaded
  std::map<std::pair<uint64_t, uint64_t>, size_t> byInode;
  std::error_code ec;
  namespace fs = std::filesystem;
  auto skip = [&](const std::string &path, uint64_t bytes, const std::string &why) {
    ++figures_.skippedFiles;
    figures_.skippedBytes += bytes;
    if (figures_.firstSkipped.empty())
      figures_.firstSkipped = path + " (" + why + ")";
  };
  struct stat top;
  if (::stat(dir.c_str(), &top) != 0)
    return "--ro-root " + dir + ": " + std::strerror(errno);
  std::vector<std::pair<std::string, Entry>> listed; // parent's relative path, entry
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    fs::path relativePath = it->path().lexically_relative(dir);
    std::string relative = relativePath.generic_string();
    if (it.depth() == 0)
      topNames_.insert(relative);
    struct stat st;
    if (::lstat(it->path().c_str(), &st) != 0)
      continue;
    listed.push_back(
        {relativePath.parent_path().generic_string(),
         {relativePath.filename().string(), uint64_t(st.st_ino), direntType(st.st_mode)}});
    if (S_ISDIR(st.st_mode))
      directoryInode[relative] = uint64_t(st.st_ino);
    // A directory this process cannot list whole is the host's to answer.
    if (S_ISDIR(st.st_mode) && ::access(it->path().c_str(), R_OK | X_OK) == 0) {
      directoryByPath[relative] = directories.size();
      names.push_back({relative, directories.size(), true});
      directories.push_back({relative, st, {}});
    }
    if (!S_ISREG(st.st_mode))
      continue;
    auto [at, added] =
        byInode.emplace(std::make_pair(uint64_t(st.st_dev), uint64_t(st.st_ino)), planned.size());
    if (added) // a second name of a file planned is a hard link to it
      planned.push_back({it->path().string(), st});
    names.push_back({relative, at->second, false});
  }
  if (ec)
    return "--ro-root " + dir + ": " + ec.message();
  for (auto &[parent, entry] : listed)
    if (auto found = directoryByPath.find(parent); found != directoryByPath.end())
      directories[found->second].entries.push_back(std::move(entry));
  std::sort(names.begin(), names.end(),
            [](const Name &a, const Name &b) { return a.path < b.path; });
  uint64_t strings = 0, listings = 0;
  for (const Name &name : names)
    strings += name.path.size() + 1;
  for (const Directory &d : directories)
    listings += listingSize(d.entries);
  // Listings fit in the budget whole, or none is loaded (directories are
  // then the host's, as files past the budget are).
  auto headerBytes = [&](bool withDirectories) {
    return wholePages(sizeof(gpuvm_data_set) +
                      (planned.size() + (withDirectories ? directories.size() : 0)) *
                          sizeof(gpuvm_data_set_file) +
                      names.size() * sizeof(gpuvm_data_set_name) + strings +
                      (withDirectories ? listings : 0));
  };
  const bool withDirectories = headerBytes(true) <= budget;
  if (!withDirectories) {
    std::erase_if(names, [](const Name &n) { return n.directory; });
    directories.clear();
  }
  uint64_t header = headerBytes(withDirectories);
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
  if (size == header && directories.empty()) { // nothing fits, or nothing to load
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
  auto remember = [&](const struct stat &st, int64_t index) {
    byIdentity_[{uint64_t(st.st_dev), uint64_t(st.st_ino)}] = uint64_t(index);
  };
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
    file.size = uint64_t(p.st.st_size);
    fillStat(p.st, file.stat);
    remember(p.st, p.index);
    ++figures_.files;
    figures_.bytes += uint64_t(p.st.st_size);
  }
  for (Directory &d : directories) {
    d.index = int64_t(set->file_count++);
    ++figures_.directories;
    fillStat(d.st, set->files[d.index].stat);
    remember(d.st, d.index);
  }
  // The names of what was loaded, then their paths, then the listings,
  // after the files.
  set->names = sizeof(gpuvm_data_set) + set->file_count * sizeof(gpuvm_data_set_file);
  auto *table = reinterpret_cast<gpuvm_data_set_name *>(block_.get() + set->names);
  uint64_t text = set->names + names.size() * sizeof(gpuvm_data_set_name);
  for (const Name &name : names) {
    int64_t index = name.directory ? directories[name.which].index : planned[name.which].index;
    if (index < 0)
      continue;
    table[set->name_count++] = {text, uint64_t(index)};
    if (!set->files[index].path)
      set->files[index].path = text;
    std::memcpy(block_.get() + text, name.path.c_str(), name.path.size() + 1);
    text += name.path.size() + 1;
  }
  text = (text + 7) & ~uint64_t(7);
  for (Directory &d : directories) {
    gpuvm_data_set_file &file = set->files[d.index];
    file.offset = text;
    file.size = listingSize(d.entries);
    const size_t slash = d.relative.rfind('/');
    const uint64_t parentIno = slash == std::string::npos
                                   ? uint64_t(top.st_ino)
                                   : directoryInode[d.relative.substr(0, slash)];
    writeListing(block_.get() + text, uint64_t(d.st.st_ino), parentIno, std::move(d.entries));
    text += file.size;
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
