/* The RPC mailbox: one per VM, in memory both the VM and the host see.
 * The VM fills op/arg/payload and sets state to REQUEST; the host serves it
 * and sets state to REPLY (EXIT gets no reply). Shared by host and device. */
#ifndef GPUVM_ABI_MAILBOX_H
#define GPUVM_ABI_MAILBOX_H

#include <stdint.h>

#define GPUVM_MAILBOX_PAYLOAD 960u

enum gpuvm_mailbox_state {
  GPUVM_MAILBOX_IDLE = 0,
  GPUVM_MAILBOX_REQUEST = 1,
  GPUVM_MAILBOX_REPLY = 2,
};

enum gpuvm_rpc_op {
  /* arg[0] = fd (1 stdout, 2 stderr), arg[1] = length (<= payload); data in
   * payload, or with arg[2] != 0 at that address in the VM's own slice
   * (length <= gpuvm_launch.bulk_max). Files: arg[3] >= 0 writes at that
   * offset, leaving the file's (pwrite); -1 at the file's offset. result =
   * bytes written. */
  GPUVM_RPC_WRITE = 1,
  /* result = host CLOCK_REALTIME in ns, arg[0] (out) = CLOCK_MONOTONIC ns. */
  GPUVM_RPC_CLOCK = 2,
  /* arg[0] = exit status, arg[1] = enum gpuvm_exit_kind, arg[2] = length of
   * the reason in payload (a crash's: "wild write of ..."), 0 for none. No
   * reply. */
  GPUVM_RPC_EXIT = 3,

  /* Files, inside the VM's root directory (never outside it). Paths are
   * NUL-terminated in payload; flags and modes use Linux's values; errors
   * come back in `error` as Linux errno values. fds are the VM's own. */
  GPUVM_RPC_OPEN = 4,       /* path; arg[0] = flags, arg[1] = mode -> result = fd, or with
                               arg[2] = GPUVM_OPEN_IN_DATA_SET the index of a file of the
                               data set (gpuvm/data_set.h) the VM reads in place */
  GPUVM_RPC_CLOSE = 5,      /* arg[0] = fd */
  GPUVM_RPC_READ = 6,       /* arg[0] = fd, arg[1] = length (<= payload) -> payload, or
                               with arg[2] != 0 to that address in the VM's own slice
                               (length <= gpuvm_launch.bulk_max); arg[3] >= 0 reads at
                               that offset, leaving the file's (pread), -1 at the file's */
  GPUVM_RPC_LSEEK = 7,      /* arg[0] = fd, arg[1] = offset, arg[2] = whence -> offset */
  GPUVM_RPC_STAT = 8,       /* path, or arg[1] = fd when arg[0] = 2; arg[0] = 1 follows a
                               last symlink, 0 does not -> struct gpuvm_stat in payload */
  GPUVM_RPC_MKDIR = 9,      /* path; arg[0] = mode */
  GPUVM_RPC_RMDIR = 10,     /* path */
  GPUVM_RPC_UNLINK = 11,    /* path */
  GPUVM_RPC_RENAME = 12,    /* old path NUL new path NUL */
  GPUVM_RPC_READDIR = 13,   /* arg[0] = fd of a directory -> struct gpuvm_dirent
                              records in payload, result = bytes; 0 at the end */
  GPUVM_RPC_UTIME = 14,     /* path (arg[0] = 1 follows a last symlink, 0 does not), or
                               arg[1] = fd when arg[0] = 2; arg[2] = atime, arg[3] = mtime:
                               ns since the epoch, or GPUVM_TIME_NOW / GPUVM_TIME_OMIT */
  GPUVM_RPC_RANDOM = 15,    /* arg[0] = length (<= payload) -> random bytes */
  GPUVM_RPC_FTRUNCATE = 16, /* arg[0] = fd, arg[1] = length */
  GPUVM_RPC_TRUNCATE = 17,  /* path; arg[0] = length */
  GPUVM_RPC_FSYNC = 18,     /* arg[0] = fd, arg[1] = 1: data only (fdatasync) */
  GPUVM_RPC_FCHMOD = 19,    /* arg[0] = fd, arg[1] = mode */
  GPUVM_RPC_CHMOD = 20,     /* path; arg[0] = mode */
  GPUVM_RPC_SYMLINK = 21,   /* target NUL link path NUL (the target is kept as text) */
  GPUVM_RPC_LINK = 22,      /* existing path NUL new path NUL */
  GPUVM_RPC_READLINK = 23,  /* path -> the link's text in payload, result = its length */
  GPUVM_RPC_STATVFS = 24,   /* path, or arg[1] = fd when arg[0] = 2 -> struct gpuvm_statvfs */
  GPUVM_RPC_FD_PATH = 25,   /* arg[0] = fd -> the path it was opened by, NUL-terminated */
  GPUVM_RPC_CHROOT = 26,    /* path: the VM's paths start there from now on (the last
                               file op: the host's FileService serves GPUVM_RPC_OPEN
                               to here) */
};

/* GPUVM_RPC_OPEN's answer in arg[2]. */
#define GPUVM_OPEN_IN_DATA_SET 1

/* GPUVM_RPC_UTIME's special times. */
#define GPUVM_TIME_NOW INT64_MIN
#define GPUVM_TIME_OMIT (INT64_MIN + 1)

/* GPUVM_RPC_STAT's answer. */
struct gpuvm_stat {
  uint64_t dev;
  uint64_t ino;
  uint32_t mode; /* Linux st_mode */
  uint32_t nlink;
  uint64_t size;
  int64_t atime_sec, atime_nsec;
  int64_t mtime_sec, mtime_nsec;
  int64_t ctime_sec, ctime_nsec;
};

/* GPUVM_RPC_STATVFS's answer: the host file system's, as statvfs(3) has it. */
struct gpuvm_statvfs {
  uint64_t block_size, fragment_size;
  uint64_t blocks, blocks_free, blocks_available;
  uint64_t files, files_free, files_available;
  uint64_t fsid, flags, name_max;
};

/* One GPUVM_RPC_READDIR record; records are 8-byte aligned. */
struct gpuvm_dirent {
  uint64_t ino;
  uint16_t record_length; /* this record, name and padding included */
  uint8_t type;           /* Linux DT_* */
  char name[];            /* NUL-terminated */
};

enum gpuvm_exit_kind {
  GPUVM_EXIT_NORMAL = 0, /* exit() or return from main */
  GPUVM_EXIT_ABORT = 1,  /* abort(), a failed assert, a would-be throw */
  GPUVM_EXIT_CRASH = 2,  /* a fault the runtime or the VM's confinement caught */
};

/* What a VM's kernel refused or delayed at its limits (struct gpuvm_limits
 * in gpuvm/launch.h); the host reads them when the VM exits. */
struct gpuvm_limit_counters {
  uint64_t files_refused;   /* descriptors refused at max_files (EMFILE) */
  uint64_t sockets_refused; /* sockets and connections refused at max_sockets */
  uint64_t console_wait_ns; /* time console writes waited for console_bytes_per_s */
};

struct gpuvm_mailbox {
  uint32_t state; /* enum gpuvm_mailbox_state, written last */
  uint32_t op;    /* enum gpuvm_rpc_op */
  int64_t arg[4];
  /* Written by the host with every file reply: 1 while nothing in the VM's
   * own root can shadow the shared data set (gpuvm/data_set.h), so that the
   * VM's kernel may open the set's files by path itself. 0 at launch. */
  int64_t data_set_in_place;
  /* Written by the host (gpuvm stop): nonzero asks the VM to end. Its kernel
   * looks once a millisecond of its waits and system calls (not at each: on
   * a GPU this is host memory) and, in confined code, every 32,768
   * iterations of a loop that never waits. */
  int64_t stop;
  struct gpuvm_limit_counters limits; /* written by the VM's kernel */
  int64_t result;
  int64_t error; /* an errno value, 0 on success */
  uint8_t payload[GPUVM_MAILBOX_PAYLOAD];
};

#endif
