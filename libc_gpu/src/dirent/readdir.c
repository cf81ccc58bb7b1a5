#include <dirent.h>
#include <string.h>

#include <lightkernel/syscall.h>

#include "../__support/dir.h"
#include "../__support/syscall_result.h"

struct dirent *readdir(DIR *dir) {
  if (dir->at == dir->end) {
    long got = __syscall_result(lk_readdir(dir->fd, dir->records, sizeof dir->records));
    if (got <= 0)
      return NULL;
    dir->at = 0;
    dir->end = (size_t)got;
  }
  const struct gpuvm_dirent *record = (const struct gpuvm_dirent *)(dir->records + dir->at);
  dir->at += record->record_length;
  dir->entry.d_ino = record->ino;
  dir->entry.d_type = record->type;
  size_t length = strnlen(record->name, sizeof dir->entry.d_name - 1);
  memcpy(dir->entry.d_name, record->name, length);
  dir->entry.d_name[length] = '\0';
  return &dir->entry;
}
