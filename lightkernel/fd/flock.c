/* flock(2) among the VM's own open files. A lock belongs to an open file
 * (the fds dup shares it with) and covers the host file it names (its
 * device and inode), so two opens of one file conflict as on Linux. A VM is
 * one process: only its own files can hold a lock, and a wait for one can
 * end only by a signal's handler (EINTR) or not at all, as a single-
 * threaded Linux process would find. */
#include <gpuvm/mailbox.h>

#include "../mem/memory.h"
#include "../net/socket/socket.h"
#include "../rpc/host.h"
#include "data_set.h"
#include "fd.h"

#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8
#define LOCK_MAND 32

struct file_lock {
  struct lk_file *owner;
  uint64_t dev, ino;
  int exclusive;
  struct file_lock *next;
};

static struct file_lock *locks;

static struct file_lock **find_owned(struct lk_file *owner) {
  struct file_lock **link = &locks;
  while (*link && (*link)->owner != owner)
    link = &(*link)->next;
  return link;
}

void lk_flock_release(struct lk_file *owner) {
  struct file_lock **link = find_owned(owner);
  if (*link) {
    struct file_lock *gone = *link;
    *link = gone->next;
    lk_kfree(gone);
  }
}

static int conflicts(const struct lk_file *owner, uint64_t dev, uint64_t ino, int exclusive) {
  for (const struct file_lock *l = locks; l; l = l->next)
    if (l->owner != owner && l->dev == dev && l->ino == ino && (l->exclusive || exclusive))
      return 1;
  return 0;
}

long lk_flock(int fd, int operation) {
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  /* Linux ignores the old mandatory locks, with success. */
  if (operation & LOCK_MAND)
    return 0;
  int what = operation & ~LOCK_NB;
  if (what != LOCK_SH && what != LOCK_EX && what != LOCK_UN)
    return -NET_EINVAL;
  /* Sockets, pipes and the console: no other open file can name them. */
  if (file->ops->kind != LK_FILE_HOST && file->ops->kind != LK_FILE_DATA_SET)
    return 0;
  /* A change of lock gives up the old one first, as Linux's does. */
  lk_flock_release(file);
  if (what == LOCK_UN)
    return 0;
  struct gpuvm_stat status;
  long rc = 0;
  if (file->ops->kind == LK_FILE_DATA_SET)
    lk_data_set_stat(file, &status);
  else
    rc = host_fstat(file->host_fd, &status);
  if (rc < 0)
    return rc;
  int exclusive = what == LOCK_EX;
  while (conflicts(file, status.dev, status.ino, exclusive)) {
    if (operation & LOCK_NB)
      return -NET_EAGAIN; /* EWOULDBLOCK */
    int parked = net_park(-1);
    if (parked)
      return parked;
  }
  struct file_lock *lock = (struct file_lock *)lk_kalloc(sizeof *lock);
  if (!lock)
    return -NET_ENOMEM; /* Linux's ENOLCK has no cause here but memory */
  *lock = (struct file_lock){file, status.dev, status.ino, exclusive, locks};
  locks = lock;
  return 0;
}
