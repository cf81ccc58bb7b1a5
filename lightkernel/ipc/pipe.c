/* pipe(2) inside one VM: two descriptors over one byte queue. The queue's
 * memory grows with what it holds, up to the pipe's capacity (Linux's 64 KiB
 * by default), because a VM with a 1 MiB slice cannot keep 64 KiB for each
 * self-pipe that only ever carries one byte. */
#include <lightkernel/confine.h>

#include "../fd/fd.h"
#include "../mem/memory.h"
#include "../net/socket/socket.h"

#define O_CLOEXEC 02000000
#define O_NONBLOCK 04000
#define O_DIRECT 040000
#define PIPE_BUF 4096
#define DEFAULT_CAPACITY 65536u
#define MAX_CAPACITY 1048576u /* Linux's /proc/sys/fs/pipe-max-size */
#define MAX_ASKED (1ul << 31) /* Linux's round_pipe_size gives up above it */
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032

struct pipe_queue {
  char *data;
  size_t allocated, capacity;
  size_t head, count; /* bytes [head, head + count) modulo allocated */
  int readers, writers;
};

struct pipe_end {
  struct lk_file file;
  struct pipe_queue *queue;
};

static struct pipe_queue *queue_of(struct lk_file *file) {
  return ((struct pipe_end *)file)->queue;
}

static void copy_out(const struct pipe_queue *q, char *to, size_t length) {
  size_t first = q->allocated - q->head < length ? q->allocated - q->head : length;
  net_copy(to, q->data + q->head, first);
  net_copy(to + first, q->data, length - first);
}

/* The queue's bytes move to the start of a new block of `size` bytes. */
static void move_to(struct pipe_queue *q, char *block, size_t size) {
  copy_out(q, block, q->count);
  lk_kfree(q->data);
  q->data = block;
  q->allocated = size;
  q->head = 0;
}

/* Makes room for `wanted` more bytes where memory allows; the queue's bytes
 * move to the start of the new block. Returns the room there is. */
static size_t make_room(struct pipe_queue *q, size_t wanted) {
  size_t room = q->allocated - q->count;
  if (room >= wanted || q->allocated >= q->capacity)
    return room;
  size_t size = q->allocated ? q->allocated : 256;
  while (size - q->count < wanted && size < q->capacity)
    size *= 2;
  if (size > q->capacity)
    size = q->capacity;
  char *bigger = (char *)lk_kalloc(size);
  if (!bigger)
    return room;
  move_to(q, bigger, size);
  return size - q->count;
}

/* The queue is a ring: a run of bytes is at most two pieces of its block. */
static void put(struct pipe_queue *q, const char *from, size_t length) {
  size_t tail = (q->head + q->count) % q->allocated;
  size_t first = q->allocated - tail < length ? q->allocated - tail : length;
  net_copy(q->data + tail, from, first);
  net_copy(q->data, from + first, length - first);
  q->count += length;
}

static void take(struct pipe_queue *q, char *to, size_t length) {
  copy_out(q, to, length);
  q->head = (q->head + length) % q->allocated;
  q->count -= length;
  if (q->count == 0 && q->allocated > 4096) {
    /* A burst is over: its memory goes back to the VM. */
    lk_kfree(q->data);
    q->data = 0;
    q->allocated = q->head = 0;
  }
}

static long pipe_read(struct lk_file *file, void *buf, size_t len) {
  struct pipe_queue *q = queue_of(file);
  if (len == 0)
    return 0;
  while (q->count == 0) {
    if (q->writers == 0)
      return 0;
    if (!lk_file_blocking(file, 0))
      return lk_file_result(file, -NET_EAGAIN);
    int parked = net_park(-1);
    if (parked)
      return parked;
  }
  size_t n = len < q->count ? len : q->count;
  take(q, (char *)buf, n);
  return (long)n;
}

/* Writes of PIPE_BUF bytes or less go in whole or not at all, as POSIX
 * requires; a blocking write of more returns once every byte is queued. */
static long pipe_write(struct lk_file *file, const void *buf, size_t len) {
  struct pipe_queue *q = queue_of(file);
  const char *from = (const char *)buf;
  size_t done = 0;
  while (done < len) {
    if (q->readers == 0)
      return done ? (long)done : -NET_EPIPE;
    size_t left = len - done;
    size_t room = make_room(q, left);
    size_t atomic_need = len <= PIPE_BUF ? left : 1;
    if (room >= atomic_need) {
      size_t n = left < room ? left : room;
      put(q, from + done, n);
      done += n;
      continue;
    }
    if (q->count == 0 && room == 0)
      return done ? (long)done : -NET_ENOMEM; /* nothing queued will ever free room */
    if (!lk_file_blocking(file, 0))
      return done ? (long)done : lk_file_result(file, -NET_EAGAIN);
    int parked = net_park(-1);
    if (parked)
      return done ? (long)done : parked;
  }
  return (long)done;
}

static unsigned read_end_poll(struct lk_file *file) {
  struct pipe_queue *q = queue_of(file);
  return (q->count ? NET_POLLIN : 0) | (q->writers ? 0 : NET_POLLHUP);
}

static unsigned write_end_poll(struct lk_file *file) {
  struct pipe_queue *q = queue_of(file);
  if (q->readers == 0)
    return NET_POLLOUT | NET_POLLERR;
  return q->capacity - q->count >= PIPE_BUF || q->count == 0 ? NET_POLLOUT : 0;
}

static void release_queue(struct pipe_queue *q) {
  if (q->readers || q->writers)
    return;
  lk_kfree(q->data);
  lk_kfree(q);
}

static void read_end_release(struct lk_file *file) {
  struct pipe_queue *q = queue_of(file);
  --q->readers;
  release_queue(q);
}

static void write_end_release(struct lk_file *file) {
  struct pipe_queue *q = queue_of(file);
  --q->writers;
  release_queue(q);
}

/* Each end is open for one direction only (EBADF the other way, as Linux). */
static long wrong_end_read(struct lk_file *file, void *buf, size_t len) {
  (void)file, (void)buf, (void)len;
  return -NET_EBADF;
}
static long wrong_end_write(struct lk_file *file, const void *buf, size_t len) {
  (void)file, (void)buf, (void)len;
  return -NET_EBADF;
}

static const struct lk_file_ops read_end_ops = {LK_FILE_PIPE, pipe_read, wrong_end_write,
                                                read_end_poll, read_end_release};
static const struct lk_file_ops write_end_ops = {LK_FILE_PIPE, wrong_end_read, pipe_write,
                                                 write_end_poll, write_end_release};

long lk_pipe2(int *fds, int flags) {
  if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
    return -NET_EINVAL;
  if (!fds || !lk_may_write(fds, 2 * sizeof *fds))
    return -NET_EFAULT;
  int status = flags & O_NONBLOCK ? LK_O_NONBLOCK : 0;
  struct pipe_queue *q = (struct pipe_queue *)lk_kalloc(sizeof *q);
  struct pipe_end *in = (struct pipe_end *)lk_file_new(sizeof *in, &read_end_ops, status);
  struct pipe_end *out = (struct pipe_end *)lk_file_new(sizeof *out, &write_end_ops, status | 1);
  if (!q || !in || !out) {
    lk_kfree(q), lk_kfree(in), lk_kfree(out);
    return -NET_ENOMEM;
  }
  net_zero(q, sizeof *q);
  q->capacity = DEFAULT_CAPACITY;
  in->queue = out->queue = q;
  q->readers = q->writers = 1;
  int close_on_exec = (flags & O_CLOEXEC) != 0;
  int read_fd = lk_fd_install(&in->file, close_on_exec);
  if (read_fd < 0) {
    lk_kfree(q), lk_kfree(in), lk_kfree(out);
    return read_fd;
  }
  int write_fd = lk_fd_install(&out->file, close_on_exec);
  if (write_fd < 0) {
    lk_close(read_fd); /* releases the read end; the queue stays for `out` */
    --q->writers;
    release_queue(q);
    lk_kfree(out);
    return write_fd;
  }
  fds[0] = read_fd;
  fds[1] = write_fd;
  return 0;
}

long lk_pipe_size(struct lk_file *file, int command, long argument) {
  struct pipe_queue *q = queue_of(file);
  if (command == F_GETPIPE_SZ)
    return (long)q->capacity;
  /* Linux reads the argument as unsigned: -1 is too big, 0 a page. */
  unsigned long asked = (unsigned int)argument;
  if (command != F_SETPIPE_SZ || asked > MAX_ASKED)
    return -NET_EINVAL;
  if (asked > MAX_CAPACITY)
    return -NET_EPERM; /* a VM has no CAP_SYS_RESOURCE */
  size_t capacity = 4096;
  while (capacity < asked)
    capacity *= 2;
  if (capacity < q->count)
    return -16; /* EBUSY */
  if (capacity < q->allocated) {
    /* The queue fits in the new capacity: shrink its block with it. */
    char *smaller = (char *)lk_kalloc(capacity);
    if (!smaller)
      return -NET_ENOMEM;
    move_to(q, smaller, capacity);
  }
  q->capacity = capacity;
  return (long)capacity;
}

long lk_pipe_unread(struct lk_file *file) {
  return (long)queue_of(file)->count;
}
