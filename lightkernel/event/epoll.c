/* epoll(7): a set of descriptors with the events each waits for. Readiness
 * is asked of each file when the VM waits (no callbacks into the stack).
 * Edge-triggered entries report a bit that was not ready at the last look,
 * or that the program has since drained (a call on the file answered
 * EAGAIN, as a program written for EPOLLET reads until). Unlike Linux, new
 * data on a socket the program has not drained is not a new edge. */
#include <lightkernel/confine.h>

#include "../fd/fd.h"
#include "../mem/memory.h"
#include "../net/socket/socket.h"

#define EPOLL_CLOEXEC 02000000
#define EPOLL_CTL_ADD 1
#define EPOLL_CTL_DEL 2
#define EPOLL_CTL_MOD 3
#define EPOLLEXCLUSIVE (1u << 28)
#define EPOLLWAKEUP (1u << 29)
#define EPOLLONESHOT (1u << 30)
#define EPOLLET (1u << 31)
#define EPOLL_INPUT_BITS 0x3fffu

/* Linux's x86-64 layout, which libc_gpu's <sys/epoll.h> keeps everywhere. */
struct __attribute__((packed)) epoll_event_linux {
  uint32_t events;
  uint64_t data;
};

struct epoll_item {
  struct epoll_item *next;
  int fd;
  struct lk_file *file;
  uint32_t events;
  uint64_t data;
  unsigned last_ready; /* what the last look found (edge-triggered) */
  uint32_t drained;    /* the file's drained count at that look */
  int disarmed;        /* EPOLLONESHOT fired: nothing until EPOLL_CTL_MOD */
};

struct epoll {
  struct lk_file file;
  struct epoll *next_set; /* every set of this VM, to forget closed files */
  struct epoll_item *items;
};

static struct epoll *sets;

unsigned lk_file_poll(struct lk_file *file);

static unsigned ready_now(struct epoll *set);

static unsigned epoll_poll(struct lk_file *file) {
  return ready_now((struct epoll *)file) ? NET_POLLIN : 0;
}

static void epoll_release(struct lk_file *file) {
  struct epoll *set = (struct epoll *)file;
  for (struct epoll **p = &sets; *p; p = &(*p)->next_set)
    if (*p == set) {
      *p = set->next_set;
      break;
    }
  while (set->items) {
    struct epoll_item *item = set->items;
    set->items = item->next;
    lk_kfree(item);
  }
}

static const struct lk_file_ops epoll_ops = {LK_FILE_EPOLL, 0, 0, epoll_poll, epoll_release};

void lk_epoll_forget(struct lk_file *file) {
  for (struct epoll *set = sets; set; set = set->next_set)
    for (struct epoll_item **p = &set->items; *p;) {
      if ((*p)->file == file) {
        struct epoll_item *gone = *p;
        *p = gone->next;
        lk_kfree(gone);
      } else {
        p = &(*p)->next;
      }
    }
}

long lk_epoll_create1(int flags) {
  if (flags & ~EPOLL_CLOEXEC)
    return -NET_EINVAL;
  struct epoll *set = (struct epoll *)lk_file_new(sizeof *set, &epoll_ops, LK_O_RDWR);
  if (!set)
    return -NET_ENOMEM;
  int fd = lk_fd_install(&set->file, (flags & EPOLL_CLOEXEC) != 0);
  if (fd < 0) {
    lk_kfree(set);
    return fd;
  }
  set->next_set = sets;
  sets = set;
  return fd;
}

static struct epoll *epoll_of(int epfd, long *error) {
  struct lk_file *file = lk_fd_get(epfd);
  *error = !file ? -NET_EBADF : file->ops->kind != LK_FILE_EPOLL ? -NET_EINVAL : 0;
  return *error ? 0 : (struct epoll *)file;
}

long lk_epoll_ctl(int epfd, int op, int fd, void *event) {
  long error;
  struct epoll *set = epoll_of(epfd, &error);
  if (!set)
    return error;
  struct lk_file *file = lk_fd_get(fd);
  if (!file)
    return -NET_EBADF;
  if (file == &set->file)
    return -NET_EINVAL;
  if (file->ops->kind == LK_FILE_HOST || file->ops->kind == LK_FILE_DATA_SET)
    return -NET_EPERM; /* regular files are always ready: Linux refuses them */
  struct epoll_item **at = &set->items;
  while (*at && !((*at)->fd == fd && (*at)->file == file))
    at = &(*at)->next;
  struct epoll_event_linux ev = {0, 0};
  if (op != EPOLL_CTL_DEL) {
    if (!event || !lk_may_read(event, sizeof ev))
      return -NET_EFAULT;
    net_copy(&ev, event, sizeof ev);
  }
  switch (op) {
  case EPOLL_CTL_ADD: {
    if (*at)
      return -NET_EEXIST;
    if (file->ops->kind == LK_FILE_EPOLL && (ev.events & EPOLLEXCLUSIVE))
      return -NET_EINVAL;
    struct epoll_item *item = (struct epoll_item *)lk_kalloc(sizeof *item);
    if (!item)
      return -NET_ENOMEM;
    net_zero(item, sizeof *item);
    item->fd = fd;
    item->file = file;
    item->events = ev.events;
    item->data = ev.data;
    item->next = set->items;
    set->items = item;
    return 0;
  }
  case EPOLL_CTL_MOD:
    if (!*at)
      return -NET_ENOENT;
    if ((*at)->events & EPOLLEXCLUSIVE)
      return -NET_EINVAL;
    (*at)->events = ev.events;
    (*at)->data = ev.data;
    (*at)->disarmed = 0;
    (*at)->last_ready = 0;
    return 0;
  case EPOLL_CTL_DEL: {
    if (!*at)
      return -NET_ENOENT;
    struct epoll_item *gone = *at;
    *at = gone->next;
    lk_kfree(gone);
    return 0;
  }
  default:
    return -NET_EINVAL;
  }
}

/* The events of `item` to report now (0: none), updating its edge state. */
static unsigned item_events(struct epoll_item *item, int consume) {
  if (item->disarmed)
    return 0;
  unsigned wanted = (item->events & EPOLL_INPUT_BITS) | NET_POLLERR | NET_POLLHUP;
  unsigned ready = lk_file_poll(item->file) & wanted;
  unsigned report = ready;
  unsigned last = item->drained == item->file->drained ? item->last_ready : 0;
  if (item->events & EPOLLET)
    report = ready & ~last;
  if (consume) {
    item->last_ready = ready;
    item->drained = item->file->drained;
    if (report && (item->events & EPOLLONESHOT))
      item->disarmed = 1;
  }
  return report;
}

static unsigned ready_now(struct epoll *set) {
  for (struct epoll_item *item = set->items; item; item = item->next)
    if (item_events(item, 0))
      return 1;
  return 0;
}

long lk_epoll_wait(int epfd, void *events, int max_events, int64_t timeout_ns) {
  long error;
  struct epoll *set = epoll_of(epfd, &error);
  if (!set)
    return error;
  if (max_events <= 0)
    return -NET_EINVAL;
  if (!events || !lk_may_write(events, (uint64_t)max_events * sizeof(struct epoll_event_linux)))
    return -NET_EFAULT;
  struct epoll_event_linux *out = (struct epoll_event_linux *)events;
  int64_t deadline = timeout_ns < 0 ? -1 : net_now() + timeout_ns;
  for (;;) {
    net_poll();
    int count = 0;
    /* Items that reported move to the back, so that a busy few cannot hide
     * the rest from a caller with a small max_events. */
    struct epoll_item *reported = 0, **reported_tail = &reported;
    for (struct epoll_item **at = &set->items; *at && count < max_events;) {
      struct epoll_item *item = *at;
      unsigned report = item_events(item, 1);
      if (!report) {
        at = &item->next;
        continue;
      }
      struct epoll_event_linux ev = {report, item->data};
      net_copy(&out[count++], &ev, sizeof ev);
      *at = item->next;
      item->next = 0;
      *reported_tail = item;
      reported_tail = &item->next;
    }
    if (reported) {
      struct epoll_item **end = &set->items;
      while (*end)
        end = &(*end)->next;
      *end = reported;
    }
    if (count || timeout_ns == 0)
      return count;
    int parked = net_park(deadline);
    if (parked)
      return net_park_answer(parked, 0);
  }
}
