/* timerfd(2): expirations are computed from the clock when asked, so a timer
 * costs nothing between reads. */
#include <lightkernel/confine.h>

#include "../fd/fd.h"
#include "../net/socket/socket.h"

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_BOOTTIME 7
#define TFD_TIMER_ABSTIME 1
#define TFD_TIMER_CANCEL_ON_SET 2
#define TFD_CLOEXEC 02000000
#define TFD_NONBLOCK 04000
#define NS 1000000000ll

struct timespec64 {
  int64_t seconds, nanoseconds;
};
struct itimerspec64 {
  struct timespec64 interval, value;
};

struct timerfd {
  struct lk_file file;
  int clock;
  int64_t next;     /* absolute ns on `clock`; 0: disarmed */
  int64_t interval; /* ns; 0: one shot */
};

static int64_t clock_now(int clock) {
  return clock == CLOCK_REALTIME ? lk_clock_realtime_ns() : net_now();
}

/* Expirations since the last read, moving `next` past now. */
static uint64_t take_expirations(struct timerfd *t) {
  if (!t->next)
    return 0;
  int64_t now = clock_now(t->clock);
  if (now < t->next)
    return 0;
  if (!t->interval) {
    t->next = 0;
    return 1;
  }
  uint64_t count = 1 + (uint64_t)((now - t->next) / t->interval);
  t->next += (int64_t)count * t->interval;
  return count;
}

static long timerfd_read(struct lk_file *file, void *buf, size_t len) {
  struct timerfd *t = (struct timerfd *)file;
  if (len < 8)
    return -NET_EINVAL;
  for (;;) {
    uint64_t count = take_expirations(t);
    if (count) {
      net_copy(buf, &count, 8);
      return 8;
    }
    if (!lk_file_blocking(file, 0))
      return lk_file_result(file, -NET_EAGAIN);
    int parked = net_park(t->next ? t->next : -1);
    if (parked == -NET_EINTR)
      return parked;
  }
}

static unsigned timerfd_poll(struct lk_file *file) {
  struct timerfd *t = (struct timerfd *)file;
  return t->next && clock_now(t->clock) >= t->next ? NET_POLLIN : 0;
}

static const struct lk_file_ops timerfd_ops = {LK_FILE_TIMERFD, timerfd_read, 0, timerfd_poll, 0};

long lk_timerfd_create(int clock, int flags) {
  if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC && clock != CLOCK_BOOTTIME)
    return -NET_EINVAL;
  if (flags & ~(TFD_CLOEXEC | TFD_NONBLOCK))
    return -NET_EINVAL;
  /* O_RDWR as Linux's anonymous inode has it, though only read works. */
  struct timerfd *t = (struct timerfd *)lk_file_new(
      sizeof *t, &timerfd_ops, LK_O_RDWR | (flags & TFD_NONBLOCK ? LK_O_NONBLOCK : 0));
  if (!t)
    return -NET_ENOMEM;
  t->clock = clock == CLOCK_REALTIME ? CLOCK_REALTIME : CLOCK_MONOTONIC;
  int fd = lk_fd_install(&t->file, (flags & TFD_CLOEXEC) != 0);
  if (fd < 0)
    net_free(t);
  return fd;
}

static struct timerfd *timerfd_of(int fd, long *error) {
  struct lk_file *file = lk_fd_get(fd);
  *error = !file ? -NET_EBADF : file->ops->kind != LK_FILE_TIMERFD ? -NET_EINVAL : 0;
  return *error ? 0 : (struct timerfd *)file;
}

static void current_value(struct timerfd *t, struct itimerspec64 *out) {
  /* The time to the next expiration, leaving unread ones to read(). */
  int64_t left = 0;
  if (t->next) {
    int64_t now = clock_now(t->clock), next = t->next;
    if (now >= next && t->interval)
      next += ((now - next) / t->interval + 1) * t->interval;
    left = next > now ? next - now : 0;
  }
  out->interval.seconds = t->interval / NS;
  out->interval.nanoseconds = t->interval % NS;
  out->value.seconds = left / NS;
  out->value.nanoseconds = left % NS;
}

long lk_timerfd_settime(int fd, int flags, const void *new_value, void *old_value) {
  long error;
  struct timerfd *t = timerfd_of(fd, &error);
  if (!t)
    return error;
  if (flags & ~(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET))
    return -NET_EINVAL;
  struct itimerspec64 spec;
  if (!new_value || !lk_may_read(new_value, sizeof spec) ||
      (old_value && !lk_may_write(old_value, sizeof spec)))
    return -NET_EFAULT;
  net_copy(&spec, new_value, sizeof spec);
  if (spec.value.nanoseconds < 0 || spec.value.nanoseconds >= NS || spec.value.seconds < 0 ||
      spec.interval.nanoseconds < 0 || spec.interval.nanoseconds >= NS || spec.interval.seconds < 0)
    return -NET_EINVAL;
  if (old_value) {
    struct itimerspec64 old;
    current_value(t, &old);
    net_copy(old_value, &old, sizeof old);
  }
  int64_t value = spec.value.seconds * NS + spec.value.nanoseconds;
  t->interval = spec.interval.seconds * NS + spec.interval.nanoseconds;
  if (value == 0) {
    t->next = 0;
  } else {
    t->next = flags & TFD_TIMER_ABSTIME ? value : clock_now(t->clock) + value;
    if (t->next <= 0)
      t->next = 1; /* an absolute time in the past: expired at once */
  }
  return 0;
}

long lk_timerfd_gettime(int fd, void *current) {
  long error;
  struct timerfd *t = timerfd_of(fd, &error);
  if (!t)
    return error;
  struct itimerspec64 now;
  if (!current || !lk_may_write(current, sizeof now))
    return -NET_EFAULT;
  current_value(t, &now);
  net_copy(current, &now, sizeof now);
  return 0;
}
