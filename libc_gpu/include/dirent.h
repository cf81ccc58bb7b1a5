/* Listing directories. */
#ifndef __LIBC_GPU_DIRENT_H
#define __LIBC_GPU_DIRENT_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>

/* d_type's values, Linux's. */
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12
#define DT_WHT 14
#define _DIRENT_HAVE_D_TYPE

__LIBC_BEGIN_DECLS

/* Its layout is private to the library (src/__support/dir.h). */
typedef struct __libc_gpu_dir DIR;

struct dirent {
  ino_t d_ino;
  unsigned char d_type;
  char d_name[256];
};

/* Paths are the VM's (see open in fcntl.h). */
DIR *opendir(const char *path) __LIBC_NOEXCEPT;
/* The entry lives in the DIR until the next readdir or closedir. NULL at the
 * end (errno unchanged) or on an error (errno set). "." and ".." are listed. */
struct dirent *readdir(DIR *dir) __LIBC_NOEXCEPT;
void rewinddir(DIR *dir) __LIBC_NOEXCEPT;
int closedir(DIR *dir) __LIBC_NOEXCEPT;
int dirfd(DIR *dir) __LIBC_NOEXCEPT;
DIR *fdopendir(int fd) __LIBC_NOEXCEPT;
int scandir(const char *__LIBC_RESTRICT path, struct dirent ***__LIBC_RESTRICT list,
            int (*keep)(const struct dirent *),
            int (*compare)(const struct dirent **, const struct dirent **)) __LIBC_NOEXCEPT;
int alphasort(const struct dirent **a, const struct dirent **b) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
