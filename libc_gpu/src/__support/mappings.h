/* The VM's memory mappings (sys/mman.h): each a page-aligned range of a
 * heap block, remembered so that munmap frees the block once all of it is
 * gone and msync knows which file a shared mapping writes back to. A
 * read-only mapping of a file of the shared data set is its bytes in place,
 * not a heap block. Plain globals: per VM. */
#ifndef LIBC_GPU_SUPPORT_MAPPINGS_H
#define LIBC_GPU_SUPPORT_MAPPINGS_H

#include <__libc_gpu/types.h>

#define __need_size_t
#include <stddef.h>

#define __MAPPING_PAGE 4096ul

struct __mapping_block; /* one heap block, shared by the pieces of a split mapping */

struct __mapping {
  char *start;
  size_t length; /* a multiple of the page */
  struct __mapping_block *block;
  off_t offset; /* of `start` in the file */
  int shared;   /* MAP_SHARED: writes go back to the file */
  int protection;
  struct __mapping *next;
};

/* Makes a mapping; returns its start, or NULL with errno set. */
void *__mapping_create(size_t length, int protection, int flags, int fd, off_t offset);
/* Removes [start, start + length) from every mapping, writing shared file
 * pieces back first. Returns 0 or an errno value. */
int __mapping_remove(char *start, size_t length);
/* Calls `visit` for each mapped piece of [start, start + length); returns
 * ENOMEM when some of the range is not mapped (nothing visited then), or
 * the first non-zero answer of `visit`. */
int __mapping_each(char *start, size_t length,
                   int (*visit)(struct __mapping *, char *, size_t, int), int argument);
/* Writes a shared file mapping's [from, from + length) back to its file
 * (sync: and fsyncs it). Returns 0 or an errno value. */
int __mapping_write_back(struct __mapping *mapping, char *from, size_t length, int sync);
/* Whether the mapping is a data-set file's bytes in place (read-only). */
int __mapping_in_place(const struct __mapping *mapping);
/* Gives a piece of a mapping its first contents back: zeros, or the
 * file's bytes. Returns 0 or an errno value. */
int __mapping_restore(struct __mapping *mapping, char *from, size_t length);

#endif
