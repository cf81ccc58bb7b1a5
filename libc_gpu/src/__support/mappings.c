#include "mappings.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lightkernel/syscall.h>

/* The heap block behind one mmap call; munmap may split its mapping into
 * pieces, and the block goes back to the heap with the last of them. */
struct __mapping_block {
  void *memory;
  int pieces;
  int fd;       /* the file's descriptor (a dup), -1 for anonymous memory */
  int in_place; /* memory is the shared data set's copy of the file: never
                   freed, never written */
};

static struct __mapping *mappings;

static size_t whole_pages(size_t length) {
  return (length + __MAPPING_PAGE - 1) & ~(__MAPPING_PAGE - 1);
}

/* Fills [to, to + length) from the file at `offset`; what lies past the
 * file's end stays zero, as Linux shows it. */
static int read_file(int fd, char *to, size_t length, off_t offset) {
  memset(to, 0, length);
  size_t done = 0;
  while (done < length) {
    ssize_t got = pread(fd, to + done, length - done, offset + (off_t)done);
    if (got < 0)
      return errno;
    if (got == 0)
      break;
    done += (size_t)got;
  }
  return 0;
}

static void drop_piece(struct __mapping_block *block) {
  if (--block->pieces > 0)
    return;
  if (block->fd >= 0)
    close(block->fd);
  if (!block->in_place)
    free(block->memory);
  free(block);
}

void *__mapping_create(size_t length, int protection, int flags, int fd, off_t offset) {
  int type = flags & MAP_TYPE;
  if (!length || offset < 0 || offset % (off_t)__MAPPING_PAGE ||
      (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE)) {
    errno = EINVAL;
    return NULL;
  }
  /* There is no page table to put a mapping at a chosen address. */
  if ((flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) || length > SIZE_MAX - __MAPPING_PAGE) {
    errno = ENOMEM;
    return NULL;
  }
  int shared = type != MAP_PRIVATE;
  int anonymous = (flags & MAP_ANONYMOUS) != 0;
  if (!anonymous) {
    struct stat st;
    if (fstat(fd, &st) < 0)
      return NULL;
    if (!S_ISREG(st.st_mode)) {
      errno = ENODEV;
      return NULL;
    }
    int access = fcntl(fd, F_GETFL) & O_ACCMODE;
    if (access == O_WRONLY || (shared && (protection & PROT_WRITE) && access != O_RDWR)) {
      errno = EACCES;
      return NULL;
    }
  }
  size_t size = whole_pages(length);
  /* A read-only mapping of a data-set file, within its pages, is the one
   * copy every VM reads. */
  uint64_t file_size = 0;
  const char *in_place =
      anonymous || (protection & PROT_WRITE) ? NULL : lk_file_in_place(fd, &file_size);
  if (in_place && (uint64_t)offset + size > whole_pages(file_size))
    in_place = NULL;
  /* Mappings never overlap: a second one of the same pages is a copy. */
  for (struct __mapping *m = mappings; in_place && m; m = m->next)
    if (m->start < in_place + offset + size && in_place + offset < m->start + m->length)
      in_place = NULL;
  struct __mapping *mapping = malloc(sizeof *mapping);
  struct __mapping_block *block = malloc(sizeof *block);
  void *memory = in_place ? (void *)(in_place + offset) : aligned_alloc(__MAPPING_PAGE, size);
  int own_fd = anonymous || in_place ? -1 : fcntl(fd, F_DUPFD_CLOEXEC, 0);
  int error = !mapping || !block || !memory           ? ENOMEM
              : own_fd < 0 && !anonymous && !in_place ? errno
                                                      : 0;
  if (!error && !in_place) {
    if (anonymous)
      memset(memory, 0, size);
    else
      error = read_file(own_fd, memory, size, offset);
  }
  if (error) {
    if (own_fd >= 0)
      close(own_fd);
    if (!in_place)
      free(memory);
    free(block);
    free(mapping);
    errno = error;
    return NULL;
  }
  *block = (struct __mapping_block){memory, 1, own_fd, in_place != NULL};
  *mapping = (struct __mapping){memory, size, block, offset, shared, protection, mappings};
  mappings = mapping;
  return memory;
}

int __mapping_write_back(struct __mapping *mapping, char *from, size_t length, int sync) {
  int fd = mapping->block->fd;
  if (!mapping->shared || fd < 0 || !(mapping->protection & PROT_WRITE))
    return 0;
  struct stat st;
  if (fstat(fd, &st) < 0)
    return errno;
  /* Bytes past the file's end are not the file's: Linux drops them too. */
  off_t at = mapping->offset + (from - mapping->start);
  if (at >= st.st_size)
    return 0;
  if ((off_t)length > st.st_size - at)
    length = (size_t)(st.st_size - at);
  size_t done = 0;
  while (done < length) {
    ssize_t wrote = pwrite(fd, from + done, length - done, at + (off_t)done);
    if (wrote < 0)
      return errno;
    done += (size_t)wrote;
  }
  return sync && fsync(fd) < 0 ? errno : 0;
}

int __mapping_remove(char *start, size_t length) {
  char *end = start + whole_pages(length);
  for (struct __mapping **link = &mappings; *link;) {
    struct __mapping *m = *link;
    char *m_end = m->start + m->length;
    if (m_end <= start || m->start >= end) {
      link = &m->next;
      continue;
    }
    char *from = m->start > start ? m->start : start;
    char *to = m_end < end ? m_end : end;
    int error = __mapping_write_back(m, from, (size_t)(to - from), 0);
    if (error)
      return error;
    if (from > m->start && to < m_end) {
      /* A hole in the middle: the tail becomes a mapping of its own. */
      struct __mapping *tail = malloc(sizeof *tail);
      if (!tail)
        return ENOMEM;
      *tail = *m;
      tail->start = to;
      tail->length = (size_t)(m_end - to);
      tail->offset = m->offset + (to - m->start);
      ++m->block->pieces;
      m->length = (size_t)(from - m->start);
      m->next = tail;
      link = &tail->next;
    } else if (from > m->start) {
      m->length = (size_t)(from - m->start);
      link = &m->next;
    } else if (to < m_end) {
      m->offset += to - m->start;
      m->length = (size_t)(m_end - to);
      m->start = to;
      link = &m->next;
    } else {
      *link = m->next;
      drop_piece(m->block);
      free(m);
    }
  }
  return 0;
}

int __mapping_each(char *start, size_t length,
                   int (*visit)(struct __mapping *, char *, size_t, int), int argument) {
  char *end = start + whole_pages(length);
  size_t covered = 0;
  for (struct __mapping *m = mappings; m; m = m->next) {
    char *from = m->start > start ? m->start : start;
    char *to = m->start + m->length < end ? m->start + m->length : end;
    if (from < to)
      covered += (size_t)(to - from);
  }
  if (covered != (size_t)(end - start))
    return ENOMEM;
  for (struct __mapping *m = mappings; m; m = m->next) {
    char *from = m->start > start ? m->start : start;
    char *to = m->start + m->length < end ? m->start + m->length : end;
    if (from >= to)
      continue;
    int error = visit(m, from, (size_t)(to - from), argument);
    if (error)
      return error;
  }
  return 0;
}

int __mapping_restore(struct __mapping *mapping, char *from, size_t length) {
  if (mapping->block->in_place)
    return 0; /* never written */
  if (mapping->block->fd < 0) {
    memset(from, 0, length);
    return 0;
  }
  return read_file(mapping->block->fd, from, length, mapping->offset + (from - mapping->start));
}

int __mapping_in_place(const struct __mapping *mapping) {
  return mapping->block->in_place;
}
