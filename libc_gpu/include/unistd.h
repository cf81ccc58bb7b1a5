#ifndef __LIBC_GPU_UNISTD_H
#define __LIBC_GPU_UNISTD_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/seek.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#define __need_NULL
#include <stddef.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

/* sysconf's names, with glibc's values. */
#define _SC_ARG_MAX 0
#define _SC_CLK_TCK 2
#define _SC_OPEN_MAX 4
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_LINE_MAX 43
#define _SC_IOV_MAX 60
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84
#define _SC_HOST_NAME_MAX 180

/* access's modes. */
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

__LIBC_BEGIN_DECLS

/* The environment, "NAME=value" strings ending with NULL; set before main. */
extern char **environ;

/* fds 0, 1 and 2 are the console: fd 0 is always at end of file, 1 and 2
 * reach the host's terminal or log; closing them does nothing, and they
 * cannot seek (ESPIPE). Files, sockets, pipes, epoll sets, eventfds and
 * timerfds the VM opens are fd 3 and up, the lowest free number first. read and
 * write on a socket are recv and send with no flags. */
ssize_t read(int fd, void *data, size_t size) __LIBC_NOEXCEPT;
ssize_t write(int fd, const void *data, size_t size) __LIBC_NOEXCEPT;
int close(int fd) __LIBC_NOEXCEPT;
off_t lseek(int fd, off_t offset, int whence) __LIBC_NOEXCEPT;
/* At a position, the file's offset left where it was. */
ssize_t pread(int fd, void *data, size_t size, off_t offset) __LIBC_NOEXCEPT;
ssize_t pwrite(int fd, const void *data, size_t size, off_t offset) __LIBC_NOEXCEPT;
int truncate(const char *path, off_t length) __LIBC_NOEXCEPT;
int ftruncate(int fd, off_t length) __LIBC_NOEXCEPT;
/* They reach the host's file (fsync(2) there). */
int fsync(int fd) __LIBC_NOEXCEPT;
int fdatasync(int fd) __LIBC_NOEXCEPT;
/* New fds for what fd names, sharing its offset and status flags, as on
 * Linux. dup2 and dup3 first close new_fd, even a console fd. dup3 takes
 * O_CLOEXEC (there is no exec, so it changes nothing) and fails with EINVAL
 * when both fds are one. */
int dup(int fd) __LIBC_NOEXCEPT;
int dup2(int fd, int new_fd) __LIBC_NOEXCEPT;
int dup3(int fd, int new_fd, int flags) __LIBC_NOEXCEPT;
/* A pipe inside the VM (fds[0] reads, fds[1] writes), 64 KiB by default
 * (fcntl F_SETPIPE_SZ changes it), its memory taken from the VM's heap only
 * as it fills. Writing with no reader left fails with EPIPE and, as with
 * sockets, raises no SIGPIPE. pipe2 takes O_CLOEXEC, O_NONBLOCK and O_DIRECT
 * (accepted; the pipe stays a byte stream). */
int pipe(int fds[2]) __LIBC_NOEXCEPT;
int pipe2(int fds[2], int flags) __LIBC_NOEXCEPT;
/* SIGALRM after `seconds` (0 cancels); returns the seconds the previous
 * alarm had left. pause waits for a signal's handler (see signal.h). */
unsigned alarm(unsigned seconds) __LIBC_NOEXCEPT;
int pause(void) __LIBC_NOEXCEPT;
/* Always 0: a VM has no terminal. errno is ENOTTY (as glibc for a pipe), or
 * EBADF for a bad fd. */
int isatty(int fd) __LIBC_NOEXCEPT;

/* Page size 4096, one processor (a VM is one thread), 65,536 fds (the VM's
 * kernel's table: sockets, epoll sets and the like; at most 64 of them may
 * be files open on the host at once), 1024 iovecs, and Linux's values for
 * the rest; -1 with EINVAL for a name not listed above. */
long sysconf(int name) __LIBC_NOEXCEPT;

/* Paths are the VM's (see open in fcntl.h). */
int unlink(const char *path) __LIBC_NOEXCEPT;
int unlinkat(int dir, const char *path, int flags) __LIBC_NOEXCEPT;
int faccessat(int dir, const char *path, int mode, int flags) __LIBC_NOEXCEPT;
/* Links inside the VM's root: a symlink's target is kept as text and
 * resolved inside the root when followed; a hard link needs both names in
 * the VM's own root (EXDEV for the shared data set). readlink fails with
 * ENAMETOOLONG for a target of 960 bytes or more. */
int symlink(const char *target, const char *path) __LIBC_NOEXCEPT;
int symlinkat(const char *target, int dir, const char *path) __LIBC_NOEXCEPT;
int link(const char *from, const char *to) __LIBC_NOEXCEPT;
int linkat(int from_dir, const char *from, int to_dir, const char *to, int flags) __LIBC_NOEXCEPT;
ssize_t readlink(const char *__LIBC_RESTRICT path, char *__LIBC_RESTRICT out,
                 size_t size) __LIBC_NOEXCEPT;
ssize_t readlinkat(int dir, const char *__LIBC_RESTRICT path, char *__LIBC_RESTRICT out,
                   size_t size) __LIBC_NOEXCEPT;
/* Ownership is not kept (a VM's files belong to gpuvm's user): root may
 * change it (accepted, stat shows no change); others only to their own ids
 * or -1 (EPERM). The file must exist. */
int chown(const char *path, uid_t owner, gid_t group) __LIBC_NOEXCEPT;
int lchown(const char *path, uid_t owner, gid_t group) __LIBC_NOEXCEPT;
int fchown(int fd, uid_t owner, gid_t group) __LIBC_NOEXCEPT;
int fchownat(int dir, const char *path, uid_t owner, gid_t group, int flags) __LIBC_NOEXCEPT;
int fchdir(int fd) __LIBC_NOEXCEPT;
/* Closes (or, with CLOSE_RANGE_CLOEXEC, marks) every fd from first to last. */
int close_range(unsigned first, unsigned last, int flags) __LIBC_NOEXCEPT;
/* Root only (EPERM): the VM's paths start at `path` from now on, symlinks
 * inside resolve there too, and the working directory becomes its top; the
 * shared data set (--ro-root) is not re-rooted. Files opened before keep
 * working. */
int chroot(const char *path) __LIBC_NOEXCEPT;
char *get_current_dir_name(void) __LIBC_NOEXCEPT;
int rmdir(const char *path) __LIBC_NOEXCEPT;
/* The working directory is the VM's own, "/" (its root) at the start. It is
 * kept as text: "dir/.." is undone by the text, not through a symlink's
 * target as Linux would. */
int chdir(const char *path) __LIBC_NOEXCEPT;
/* With a NULL buffer, allocates one (size bytes, or just enough if size is 0). */
char *getcwd(char *buffer, size_t size) __LIBC_NOEXCEPT;
/* Judged from the owner's permission bits: the VM owns its files. */
int access(const char *path, int mode) __LIBC_NOEXCEPT;

/* VM k is process k + 1, so that no VM has pid 0. */
pid_t getpid(void) __LIBC_NOEXCEPT;
/* A VM is one process, its own session and group, whose parent is init. */
pid_t getppid(void) __LIBC_NOEXCEPT;
pid_t setsid(void) __LIBC_NOEXCEPT;
pid_t getsid(pid_t pid) __LIBC_NOEXCEPT;
pid_t getpgid(pid_t pid) __LIBC_NOEXCEPT;
pid_t getpgrp(void) __LIBC_NOEXCEPT;
/* No fork or exec: -1 with ENOSYS, and a note on the VM's console. */
pid_t fork(void) __LIBC_NOEXCEPT;
int execve(const char *path, char *const argv[], char *const envp[]) __LIBC_NOEXCEPT;
int execv(const char *path, char *const argv[]) __LIBC_NOEXCEPT;
int execvp(const char *file, char *const argv[]) __LIBC_NOEXCEPT;
int execl(const char *path, const char *arg, ...) __LIBC_NOEXCEPT;
int execlp(const char *file, const char *arg, ...) __LIBC_NOEXCEPT;
int execle(const char *path, const char *arg, ...) __LIBC_NOEXCEPT;
/* Succeeds without forking: a VM has no terminal or parent to leave. It
 * changes to / and sends fds 0-2 to /dev/null unless told to keep them. */
int daemon(int keep_directory, int keep_console) __LIBC_NOEXCEPT;
/* Users and groups: a VM starts as root (0, 0, no supplementary groups);
 * the set* calls follow Linux's rules for an unprivileged process once the
 * effective uid is not 0. */
uid_t getuid(void) __LIBC_NOEXCEPT;
uid_t geteuid(void) __LIBC_NOEXCEPT;
gid_t getgid(void) __LIBC_NOEXCEPT;
gid_t getegid(void) __LIBC_NOEXCEPT;
int setuid(uid_t uid) __LIBC_NOEXCEPT;
int seteuid(uid_t uid) __LIBC_NOEXCEPT;
int setgid(gid_t gid) __LIBC_NOEXCEPT;
int setegid(gid_t gid) __LIBC_NOEXCEPT;
int setresuid(uid_t real, uid_t effective, uid_t saved) __LIBC_NOEXCEPT;
int setresgid(gid_t real, gid_t effective, gid_t saved) __LIBC_NOEXCEPT;
int getresuid(uid_t *real, uid_t *effective, uid_t *saved) __LIBC_NOEXCEPT;
int getresgid(gid_t *real, gid_t *effective, gid_t *saved) __LIBC_NOEXCEPT;
int getgroups(int size, gid_t list[]) __LIBC_NOEXCEPT;
/* Linux declares it in <grp.h>; a VM keeps 64 groups at most (EINVAL). */
int setgroups(size_t count, const gid_t *list) __LIBC_NOEXCEPT;
/* The VM's own hostname, "vm<id>" until sethostname (root only). */
int gethostname(char *name, size_t size) __LIBC_NOEXCEPT;
int sethostname(const char *name, size_t length) __LIBC_NOEXCEPT;
/* sysconf(_SC_PAGESIZE): 4096. */
int getpagesize(void) __LIBC_NOEXCEPT;
__LIBC_NORETURN void _exit(int status);
/* Park the VM until the time has passed (its network keeps running), or a
 * timer's signal runs a handler (usleep: -1 with EINTR; sleep: the seconds
 * left). */
int usleep(useconds_t microseconds);
unsigned sleep(unsigned seconds);

/* Command-line options, as glibc's getopt: non-options are moved after the
 * options unless optstring starts with '+' or POSIXLY_CORRECT is set, and
 * optind = 0 starts a new scan. The long forms are in <getopt.h>. */
extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring) __LIBC_NOEXCEPT;

/* No fd is a terminal (see isatty): NULL with ENOTTY, or EBADF. */
char *ttyname(int fd) __LIBC_NOEXCEPT;
int ttyname_r(int fd, char *buffer, size_t size) __LIBC_NOEXCEPT;
/* A VM has no Linux system call table: -1 with ENOSYS for every number,
 * and the VM's console says so once. */
long syscall(long number, ...) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
