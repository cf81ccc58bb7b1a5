// The shared data set read in place: --ro-root's files are loaded once at
// launch and every VM reads, seeks, stats and maps them without a round trip
// to the host, and lists its directories the same way. 1,000 VMs hash every
// file four ways (read in odd chunks, pread, lseek from the end, mmap) and
// list every directory of maps/ (with a file, a symlink and a FIFO the set
// does not load) and must print what the same program prints natively over
// the same directory. Then, in VMs alone: a read-only mapping
// is the one shared copy (the same address in every VM), it cannot be made
// writable, the file rejects writes as a read-only file does, flock conflicts
// between two opens, a symlink out of the set stays inside, and a data set
// larger than --ro-root-memory is read through the host instead, unchanged
// (a mapping then takes heap: 4 MiB per VM).
// RUN: rm -rf %t && mkdir -p %t/set/maps/deep %t/root
// RUN: printf '' > %t/set/empty && printf x > %t/set/one
// RUN: head -c 4095 /dev/urandom > %t/set/maps/short && head -c 4096 /dev/urandom > %t/set/maps/page
// RUN: head -c 4097 /dev/urandom > %t/set/maps/over && head -c 100000 /dev/urandom > %t/set/maps/deep/big
// RUN: head -c 1048576 /dev/urandom > %t/set/maps/deep/mib && ln %t/set/one %t/set/hardlink
// RUN: ln -s maps/page %t/set/inside && ln -s /etc/hostname %t/set/escape
// RUN: ln -s page %t/set/maps/link && mkfifo %t/set/maps/deep/fifo && mkdir %t/set/maps/none
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/linux && %t/linux %t/set/ > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 1000 --ro-root %t/set --verbose --log-dir %t/logs -- / 2> %t/err
// RUN: FileCheck %s --check-prefix=LOADED < %t/err
// LOADED: gpuvm: --ro-root: 7 files (1.1 MiB) and 3 directories loaded in
// LOADED: 1000 exited with status 0
// RUN: diff %t/expected %t/logs/vm-0.out && diff %t/expected %t/logs/vm-999.out
// RUN: cat %t/logs/vm-*.out | sort | uniq -c | awk '{print $1}' | sort -u | FileCheck %s --check-prefix=ALL
// ALL: 1000
// ALL-NOT: {{.}}
// RUN: FileCheck %s < %t/expected
// CHECK: empty 0 bytes
// CHECK: one 1 bytes
// CHECK: maps/short 4095 bytes
// CHECK: maps/deep/mib 1048576 bytes
// CHECK: hardlink 1 bytes
// CHECK: inside 4096 bytes
// CHECK: maps: . d, .. d, deep d, link l, none d, over f, page f, short f; self 1
// CHECK: maps/deep: . d, .. d, big f, fifo p, mib f; self 1
// CHECK: maps/none: . d, .. d; self 1
// RUN: %gpuvm run %t/host.img --vms 2 --ro-root %t/set -- / in-place | sort | FileCheck %s --check-prefix=PLACE
// PLACE: [vm 0] directory: openat 4096 bytes, fchdir 4095 bytes, read EISDIR, file as directory ENOTDIR, mmap ENODEV, rewound 1, seek between records EINVAL
// PLACE: [vm 0] mapped at [[ADDRESS:0x[0-9a-f]+]]
// PLACE: [vm 0] second map apart 1, trailing slash ENOTDIR, seek data 10 hole 100000
// PLACE: [vm 0] write EBADF, ftruncate EINVAL, fchmod EROFS, futimens EROFS, fsync 0, mprotect write EACCES, epoll EPERM, flock second EWOULDBLOCK, escape ENOENT, seek -1 EINVAL, past end 0
// PLACE: [vm 1] mapped at [[ADDRESS]]
// In place, a VM's kernel opens and stats the set's files itself after its
// first call to the host: 10 VMs hashing every file make a few calls each
// (first open, console, exit), against thousands each through the mailbox.
// RUN: %gpuvm run %t/host.img --vms 10 --ro-root %t/set --verbose -- / 2>&1 >/dev/null \
// RUN:   | sed -n 's/.* \([0-9]*\) host calls served.*/\1/p' > %t/calls-in-place
// RUN: %gpuvm run %t/host.img --vms 10 --ro-root %t/set --ro-root-memory 0 --mem-per-vm 4M \
// RUN:   --verbose -- / 2>&1 >/dev/null | sed -n 's/.* \([0-9]*\) host calls served.*/\1/p' > %t/calls-mailbox
// RUN: echo "$(cat %t/calls-in-place) $(cat %t/calls-mailbox)" | awk '{print ($1 <= 300), ($2 >= 10000)}' \
// RUN:   | FileCheck %s --check-prefix=CALLS
// CALLS: 1 1
// Listing every directory of maps/ twice: in place a few calls per VM (the
// first, the console, the exit), through the mailbox an open, reads and a
// close for each directory each time.
// RUN: %gpuvm run %t/host.img --vms 10 --ro-root %t/set --verbose -- / list 2>&1 >/dev/null \
// RUN:   | sed -n 's/.* \([0-9]*\) host calls served.*/\1/p' > %t/list-in-place
// RUN: %gpuvm run %t/host.img --vms 10 --ro-root %t/set --ro-root-memory 0 --verbose -- / list \
// RUN:   2>&1 >/dev/null | sed -n 's/.* \([0-9]*\) host calls served.*/\1/p' > %t/list-mailbox
// RUN: echo "$(cat %t/list-in-place) $(cat %t/list-mailbox)" | awk '{print ($1 <= 50), ($2 >= 200)}' \
// RUN:   | FileCheck %s --check-prefix=CALLS
// A VM's own root shadows the set: one that holds /one from the start reads
// its own, and a VM that writes /one reads its own from then on, while the
// others read the set's.
// RUN: mkdir -p %t/roots/root0 && echo mine > %t/roots/root0/one
// RUN: %gpuvm run %t/host.img --vms 3 --root %t/roots/root{vm} --ro-root %t/set -- / shadow \
// RUN:   | sort | FileCheck %s --check-prefix=SHADOW
// SHADOW: [vm 0] before "mine" after "own"; page 4096 bytes
// SHADOW: [vm 1] before "x" after "own"; page 4096 bytes
// SHADOW: [vm 2] before "x" after "own"; page 4096 bytes
// RUN: %gpuvm run %t/host.img --vms 3 --ro-root %t/set --ro-root-memory 16K --mem-per-vm 4M --log-dir %t/small -- / 2> %t/small.err
// RUN: FileCheck %s --check-prefix=SMALL < %t/small.err
// SMALL: gpuvm: --ro-root: {{[1-9]}} files ({{.*}}) are read through the host, not in place: first {{.*}} (past --ro-root-memory)
// RUN: diff %t/expected %t/small/vm-2.out
// A file that is not what its size says (a sysfs file: 4,096 bytes by stat,
// fewer to read) is left to the host, which gpuvm says, and reads as on
// Linux.
// RUN: mkdir -p %t/odd && touch %t/odd/sysfile
// RUN: unshare -m sh -c 'mount --bind /sys/kernel/mm/transparent_hugepage/enabled %t/odd/sysfile && \
// RUN:   %gpuvm run %t/host.img --vms 2 --ro-root %t/odd --console raw -- / cat sysfile' \
// RUN:   > %t/odd.out 2> %t/odd.err
// RUN: FileCheck %s --check-prefix=ODD < %t/odd.err
// ODD: gpuvm: --ro-root: 1 files (4.0 KiB) are read through the host, not in place: first {{.*}}sysfile (changed while loading (shorter than its size))
// RUN: cat /sys/kernel/mm/transparent_hugepage/enabled /sys/kernel/mm/transparent_hugepage/enabled > %t/odd.expected
// RUN: diff %t/odd.expected %t/odd.out
// RUN: not %gpuvm run %t/host.img --ro-root %t/set --ro-root-memory lots 2>&1 | FileCheck %s --check-prefix=BADSIZE
// BADSIZE: gpuvm: error: --ro-root-memory: invalid size 'lots'
// RUN: not %gpuvm run %t/host.img --ro-root %t/absent 2>&1 | FileCheck %s --check-prefix=ABSENT
// ABSENT: gpuvm: error: --ro-root {{.*}}absent: No such file or directory
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const names[] = {"empty",         "one",       "maps/short",
                                    "maps/page",     "maps/over", "maps/deep/big",
                                    "maps/deep/mib", "hardlink",  "inside"};

static uint64_t fnv(uint64_t hash, const unsigned char *bytes, size_t n) {
  for (size_t i = 0; i < n; ++i)
    hash = (hash ^ bytes[i]) * 0x100000001b3ull;
  return hash;
}

static unsigned char buffer[1000];

static int hash_file(const char *base, const char *name) {
  char path[256];
  snprintf(path, sizeof path, "%s%s", base, name);
  int fd = open(path, O_RDONLY);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0) {
    printf("%s: %s\n", name, strerror(errno));
    return 1;
  }
  size_t size = (size_t)st.st_size;
  /* Read in chunks of 1000 bytes, so that reads straddle pages. */
  uint64_t by_read = 0xcbf29ce484222325ull;
  ssize_t got;
  while ((got = read(fd, buffer, 1000)) > 0)
    by_read = fnv(by_read, buffer, (size_t)got);
  /* pread in 777-byte pieces from the start, with the offset at the end. */
  uint64_t by_pread = 0xcbf29ce484222325ull;
  for (size_t at = 0; at < size; at += 777) {
    size_t n = size - at < 777 ? size - at : 777;
    if (pread(fd, buffer, n, (off_t)at) != (ssize_t)n)
      printf("%s: short pread at %zu\n", name, at);
    by_pread = fnv(by_pread, buffer, n);
  }
  /* The last 10 bytes, from the end. */
  off_t tail = lseek(fd, size < 10 ? -(off_t)size : -10, SEEK_END);
  got = read(fd, buffer, 10);
  /* The whole file mapped. */
  uint64_t by_map = 0xcbf29ce484222325ull;
  if (size) {
    void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
      printf("%s: mmap %s\n", name, strerror(errno));
      return 1;
    }
    by_map = fnv(by_map, map, size);
    /* Past the end of the file, the last page reads zeros. */
    size_t pages = (size + 4095) & ~(size_t)4095;
    for (size_t at = size; at < pages; ++at)
      if (((unsigned char *)map)[at])
        printf("%s: byte %zu past the end is not zero\n", name, at);
    munmap(map, size);
  }
  printf("%s %zu bytes, read %016llx pread %016llx map %016llx, tail at %lld got %zd, mode %o\n",
         name, size, (unsigned long long)by_read, (unsigned long long)by_pread,
         (unsigned long long)by_map, (long long)tail, got, (unsigned)(st.st_mode & 0777));
  close(fd);
  return 0;
}

static const char *error_name(int error) {
  switch (error) {
  case EBADF:
    return "EBADF";
  case EINVAL:
    return "EINVAL";
  case EROFS:
    return "EROFS";
  case EACCES:
    return "EACCES";
  case EPERM:
    return "EPERM";
  case EWOULDBLOCK:
    return "EWOULDBLOCK";
  case ENOENT:
    return "ENOENT";
  case ENOTDIR:
    return "ENOTDIR";
  case EISDIR:
    return "EISDIR";
  case ENODEV:
    return "ENODEV";
  default:
    return strerror(error);
  }
}

#define ANSWER(call) ((call) == 0 ? "0" : error_name(errno))

/* What only a VM's data set answers: it is read-only, and shared. */
static void in_place(void) {
  int fd = open("/maps/deep/big", O_RDONLY);
  void *map = mmap(NULL, 100000, PROT_READ, MAP_PRIVATE, fd, 0);
  printf("mapped at %p\n", map);
  const char *write_answer = write(fd, "x", 1) < 0 ? error_name(errno) : "wrote";
  const char *ftruncate_answer = ANSWER(ftruncate(fd, 0));
  const char *fchmod_answer = ANSWER(fchmod(fd, 0777));
  const char *futimens_answer = ANSWER(futimens(fd, NULL));
  const char *fsync_answer = ANSWER(fsync(fd));
  const char *mprotect_answer = ANSWER(mprotect(map, 4096, PROT_READ | PROT_WRITE));
  int poller = epoll_create1(0);
  struct epoll_event event = {EPOLLIN, {0}};
  const char *epoll_answer = ANSWER(epoll_ctl(poller, EPOLL_CTL_ADD, fd, &event));
  int second = open("/maps/deep/big", O_RDONLY);
  flock(fd, LOCK_EX);
  const char *flock_answer = ANSWER(flock(second, LOCK_EX | LOCK_NB));
  const char *escape_answer = open("/escape", O_RDONLY) < 0 ? error_name(errno) : "opened";
  void *again = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
  int second_map_apart = again != MAP_FAILED && again != map && !memcmp(again, map, 4096) &&
                         munmap(again, 4096) == 0 && madvise(map, 100000, MADV_SEQUENTIAL) == 0;
  const char *slash_answer = open("/maps/deep/big/", O_RDONLY) < 0 ? error_name(errno) : "opened";
  long data = lseek(fd, 10, SEEK_DATA), hole = lseek(fd, 10, SEEK_HOLE);
  const char *seek_answer = lseek(fd, -1, SEEK_SET) < 0 ? error_name(errno) : "moved";
  lseek(fd, 200000, SEEK_SET);
  char byte;
  printf("write %s, ftruncate %s, fchmod %s, futimens %s, fsync %s, mprotect write %s, epoll %s, "
         "flock second %s, escape %s, seek -1 %s, past end %zd\n",
         write_answer, ftruncate_answer, fchmod_answer, futimens_answer, fsync_answer,
         mprotect_answer, epoll_answer, flock_answer, escape_answer, seek_answer,
         read(fd, &byte, 1));
  printf("second map apart %d, trailing slash %s, seek data %ld hole %ld\n", second_map_apart,
         slash_answer, data, hole);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directory `relative` under `base` and every one below it: each
 * entry's name and type by name (the order readdir gives is the file
 * system's), and whether "." is the directory itself. */
static void list_tree(const char *base, const char *relative, int print) {
  char path[256];
  snprintf(path, sizeof path, "%s%s", base, relative);
  DIR *dir = opendir(path);
  struct stat st;
  if (!dir || stat(path, &st) != 0) {
    printf("%s: %s\n", relative, strerror(errno));
    return;
  }
  char *entries[32];
  size_t count = 0;
  int self = 0;
  for (struct dirent *entry; (entry = readdir(dir)) && count < 32;) {
    const char *type = entry->d_type == DT_DIR    ? "d"
                       : entry->d_type == DT_REG  ? "f"
                       : entry->d_type == DT_LNK  ? "l"
                       : entry->d_type == DT_FIFO ? "p"
                                                  : "?";
    if (!strcmp(entry->d_name, "."))
      self = entry->d_ino == st.st_ino;
    entries[count] = malloc(strlen(entry->d_name) + 3);
    sprintf(entries[count++], "%s %s", entry->d_name, type);
  }
  closedir(dir);
  qsort(entries, count, sizeof *entries, by_name);
  if (print) {
    printf("%s: ", relative);
    for (size_t i = 0; i < count; ++i)
      printf("%s%s", i ? ", " : "", entries[i]);
    printf("; self %d\n", self);
  }
  for (size_t i = 0; i < count; ++i) {
    size_t length = strlen(entries[i]);
    if (entries[i][length - 1] == 'd' && strcmp(entries[i], ". d") && strcmp(entries[i], ".. d")) {
      char below[256];
      snprintf(below, sizeof below, "%s/%.*s", relative, (int)(length - 2), entries[i]);
      list_tree(base, below, print);
    }
    free(entries[i]);
  }
}

static size_t file_size(int fd) {
  struct stat st;
  return fd >= 0 && fstat(fd, &st) == 0 ? (size_t)st.st_size : 0;
}

static size_t entries_of(DIR *dir) {
  size_t count = 0;
  while (readdir(dir))
    ++count;
  return count;
}

/* A directory of the set, open in place: the *at calls and fchdir start
 * from it, it reads as a directory does, and a position must be where one
 * of its records starts. */
static void directory_in_place(void) {
  DIR *dir = opendir("/maps");
  int fd = dirfd(dir);
  size_t at_size = file_size(openat(fd, "page", O_RDONLY));
  const char *fchdir_answer = ANSWER(fchdir(fd));
  size_t relative_size = file_size(open("short", O_RDONLY));
  chdir("/");
  char byte;
  const char *read_answer = read(fd, &byte, 1) < 0 ? error_name(errno) : "read";
  const char *not_directory =
      open("/maps/page", O_RDONLY | O_DIRECTORY) < 0 ? error_name(errno) : "opened";
  const char *mmap_answer =
      mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED ? error_name(errno) : "mapped";
  size_t first = entries_of(dir);
  rewinddir(dir);
  size_t again = entries_of(dir);
  const char *between = lseek(fd, 3, SEEK_SET) < 0 ? error_name(errno) : "moved";
  printf("directory: openat %zu bytes, fchdir %s%zu bytes, read %s, file as directory %s, "
         "mmap %s, rewound %d, seek between records %s\n",
         at_size, strcmp(fchdir_answer, "0") ? fchdir_answer : "", relative_size, read_answer,
         not_directory, mmap_answer, first == again && first == 8, between);
  closedir(dir);
}

static void first_line(const char *path, char *out, size_t size) {
  int fd = open(path, O_RDONLY);
  ssize_t got = fd < 0 ? 0 : read(fd, out, size - 1);
  out[got > 0 ? got : 0] = 0;
  out[strcspn(out, "\n")] = 0;
  close(fd);
}

static void shadow(void) {
  char before[16], after[16];
  first_line("/one", before, sizeof before);
  int fd = open("/one", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0 || write(fd, "own\n", 4) != 4)
    printf("write /one: %s\n", strerror(errno));
  close(fd);
  first_line("/one", after, sizeof after);
  struct stat page;
  stat("/maps/page", &page);
  printf("before \"%s\" after \"%s\"; page %lld bytes\n", before, after, (long long)page.st_size);
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  if (argc > 2 && !strcmp(argv[2], "shadow")) {
    shadow();
    return 0;
  }
  if (argc > 2 && !strcmp(argv[2], "in-place")) {
    in_place();
    directory_in_place();
    return 0;
  }
  if (argc > 3 && !strcmp(argv[2], "cat")) {
    char path[256];
    snprintf(path, sizeof path, "%s%s", argv[1], argv[3]);
    int fd = open(path, O_RDONLY);
    ssize_t got = fd < 0 ? -1 : read(fd, buffer, sizeof buffer);
    if (got < 0)
      printf("%s: %s\n", path, strerror(errno));
    else
      fwrite(buffer, 1, (size_t)got, stdout);
    return got < 0;
  }
  if (argc > 2 && !strcmp(argv[2], "list")) {
    list_tree(argv[1], "maps", 0);
    list_tree(argv[1], "maps", 0);
    return 0;
  }
  int failures = 0;
  for (size_t i = 0; i < sizeof names / sizeof *names; ++i)
    failures += hash_file(argv[1], names[i]);
  list_tree(argv[1], "maps", 1);
  return failures != 0;
}
