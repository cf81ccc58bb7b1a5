/* Files and directories of the shared data set (gpuvm/data_set.h): the
 * host's open named one by its index, or this kernel found it by its path,
 * and everything after that is served here, in place. */
#include "data_set.h"

#include <gpuvm/data_set.h>
#include <lightkernel/arch.h>
#include <lightkernel/confine.h>
#include <lightkernel/syscall.h>

#include "../net/net.h"

#define EBADF 9
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define S_IFMT 0170000
#define S_IFDIR 0040000
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_DATA 3
#define SEEK_HOLE 4
#define ENXIO 6

struct data_set_file {
  struct lk_file file;
  const struct gpuvm_data_set_file *entry;
  uint64_t offset; /* a directory's: of its next record in the listing */
};

static int is_directory(const struct gpuvm_data_set_file *entry) {
  return (entry->stat.mode & S_IFMT) == S_IFDIR;
}

static const struct gpuvm_data_set *data_set(void) {
  return (const struct gpuvm_data_set *)(uintptr_t)__gpuvm_launch.data_set;
}

static const uint8_t *bytes_of(const struct data_set_file *f) {
  return (const uint8_t *)data_set() + f->entry->offset;
}

long lk_data_set_pread(struct lk_file *file, void *buf, size_t len, uint64_t offset) {
  struct data_set_file *f = (struct data_set_file *)file;
  if (is_directory(f->entry))
    return -EISDIR;
  uint64_t size = f->entry->size;
  if (offset >= size)
    return 0;
  if (len > size - offset)
    len = (size_t)(size - offset);
  net_copy(buf, bytes_of(f) + offset, len);
  return (long)len;
}

static long data_set_read(struct lk_file *file, void *buf, size_t len) {
  struct data_set_file *f = (struct data_set_file *)file;
  long got = lk_data_set_pread(file, buf, len, f->offset);
  if (got > 0)
    f->offset += (uint64_t)got;
  return got;
}

long lk_data_set_readdir(struct lk_file *file, void *buf, size_t len) {
  struct data_set_file *f = (struct data_set_file *)file;
  if (!is_directory(f->entry))
    return -ENOTDIR;
  if (!lk_may_write(buf, len))
    return -14; /* EFAULT */
  const uint8_t *listing = (const uint8_t *)data_set() + f->entry->offset;
  size_t done = 0;
  while (f->offset < f->entry->size) {
    const struct gpuvm_dirent *record = (const struct gpuvm_dirent *)(listing + f->offset);
    if (done + record->record_length > len)
      break;
    net_copy((uint8_t *)buf + done, record, record->record_length);
    done += record->record_length;
    f->offset += record->record_length;
  }
  /* As getdents64: a buffer too small for the next record is EINVAL. */
  return done || f->offset >= f->entry->size ? (long)done : -EINVAL;
}

/* Opened read-only: Linux's answer to a write is EBADF. */
static long data_set_write(struct lk_file *file, const void *buf, size_t len) {
  (void)file, (void)buf, (void)len;
  return -EBADF;
}

static const struct lk_file_ops data_set_ops = {LK_FILE_DATA_SET, data_set_read, data_set_write, 0,
                                                0};

/* `path` as the data set names its files: no leading '/', no "." or empty
 * components. 0 for a path with ".." (it may pass through a symlink: the
 * host resolves it), one that ends in '/' or "/." (a file there is
 * ENOTDIR: the host says so) or too long for `out`. */
static int normalize(const char *path, char *out, size_t size) {
  size_t used = 0, length = 0;
  while (path[length])
    ++length;
  if (length && (path[length - 1] == '/' ||
                 (path[length - 1] == '.' && (length == 1 || path[length - 2] == '/'))))
    return 0;
  while (*path) {
    while (*path == '/')
      ++path;
    const char *end = path;
    while (*end && *end != '/')
      ++end;
    size_t part = (size_t)(end - path);
    if (part == 2 && path[0] == '.' && path[1] == '.')
      return 0;
    if (part && !(part == 1 && path[0] == '.')) {
      if (used + (used != 0) + part + 1 > size)
        return 0;
      if (used)
        out[used++] = '/';
      for (size_t i = 0; i < part; ++i)
        out[used++] = path[i];
    }
    path = end;
  }
  out[used] = 0;
  return used != 0;
}

static int compare(const char *a, const char *b) {
  while (*a && *a == *b)
    ++a, ++b;
  return (int)(unsigned char)*a - (int)(unsigned char)*b;
}

long lk_data_set_find(const char *path) {
  const struct gpuvm_data_set *set = data_set();
  char name[512];
  if (!set || !normalize(path, name, sizeof name))
    return -1;
  const struct gpuvm_data_set_name *names =
      (const struct gpuvm_data_set_name *)((const char *)set + set->names);
  uint64_t low = 0, high = set->name_count;
  while (low < high) {
    uint64_t middle = low + (high - low) / 2;
    int order = compare(name, (const char *)set + names[middle].path);
    if (order == 0)
      return (long)names[middle].file;
    if (order < 0)
      high = middle;
    else
      low = middle + 1;
  }
  return -1;
}

void lk_data_set_stat_index(long index, struct gpuvm_stat *out) {
  *out = data_set()->files[index].stat;
}

struct lk_file *lk_data_set_open(long index, int status) {
  const struct gpuvm_data_set *set = data_set();
  if (!set || index < 0 || (uint64_t)index >= set->file_count)
    return 0;
  struct data_set_file *f = (struct data_set_file *)lk_file_new(sizeof *f, &data_set_ops, status);
  if (!f)
    return 0;
  f->entry = &set->files[index];
  return &f->file;
}

long lk_data_set_seek(struct lk_file *file, long offset, int whence) {
  struct data_set_file *f = (struct data_set_file *)file;
  long size = (long)f->entry->size;
  /* A directory's position is where a record starts, as telldir gave it. */
  if (is_directory(f->entry)) {
    if (whence == SEEK_CUR && offset == 0)
      return (long)f->offset;
    if (whence != SEEK_SET || offset < 0 || offset > size)
      return -EINVAL;
    const uint8_t *listing = (const uint8_t *)data_set() + f->entry->offset;
    uint64_t at = 0;
    while (at < (uint64_t)offset)
      at += ((const struct gpuvm_dirent *)(listing + at))->record_length;
    if (at != (uint64_t)offset)
      return -EINVAL;
    f->offset = at;
    return offset;
  }
  /* A file with no holes: its data runs to its end, where the hole is. */
  if (whence == SEEK_DATA || whence == SEEK_HOLE) {
    if (offset < 0)
      return -EINVAL;
    if (offset >= size)
      return -ENXIO;
    f->offset = (uint64_t)(whence == SEEK_DATA ? offset : size);
    return (long)f->offset;
  }
  long base = whence == SEEK_SET   ? 0
              : whence == SEEK_CUR ? (long)f->offset
              : whence == SEEK_END ? size
                                   : -1;
  if (base < 0 || (offset < 0 ? offset < -base : offset > __LONG_MAX__ - base))
    return -EINVAL;
  f->offset = (uint64_t)(base + offset);
  return (long)f->offset;
}

void lk_data_set_stat(struct lk_file *file, struct gpuvm_stat *out) {
  *out = ((struct data_set_file *)file)->entry->stat;
}

const void *lk_data_set_bytes(struct lk_file *file, uint64_t *size) {
  struct data_set_file *f = (struct data_set_file *)file;
  if (is_directory(f->entry))
    return 0;
  *size = f->entry->size;
  return bytes_of(f);
}

int lk_data_set_is_directory(long index) {
  return is_directory(&data_set()->files[index]);
}

long lk_data_set_path(struct lk_file *file, char *buf, size_t size) {
  struct data_set_file *f = (struct data_set_file *)file;
  if (!is_directory(f->entry))
    return -ENOTDIR;
  const char *name = (const char *)data_set() + f->entry->path;
  size_t length = 0;
  while (name[length])
    ++length;
  if (length + 2 > size)
    return -36; /* ENAMETOOLONG */
  if (!lk_may_write(buf, length + 2))
    return -14; /* EFAULT */
  buf[0] = '/';
  net_copy(buf + 1, name, length + 1);
  return (long)length + 1;
}
