/* Boot of one VM: its private segment from the image's template, its
 * arguments, then the C library. Trusted (LK_TRUSTED) but for its failure
 * report: it runs before any of the VM's code, and reads the launch's
 * arguments in the runtime's memory. */
#include <lightkernel/arch.h>
#include <lightkernel/boot.h>
#include <lightkernel/confine.h>
#include <lightkernel/syscall.h>

#include <gpuvm/image.h>

extern const struct gpuvm_image_info __gpuvm_image_info;
extern const unsigned char __gpuvm_data_template[];
extern const uint64_t __gpuvm_fixups[];

char *lk_heap_start;

LK_TRUSTED static void copy_bytes(char *dst, const unsigned char *src, uint64_t n) {
  uint64_t i = 0;
  for (; i + 8 <= n; i += 8)
    *(uint64_t *)(dst + i) = *(const uint64_t *)(src + i);
  for (; i < n; ++i)
    dst[i] = (char)src[i];
}

LK_TRUSTED static void zero_bytes(char *dst, uint64_t n) {
  uint64_t i = 0;
  for (; i < n && ((uintptr_t)(dst + i) & 7); ++i)
    dst[i] = 0;
  for (; i + 8 <= n; i += 8)
    *(uint64_t *)(dst + i) = 0;
  for (; i < n; ++i)
    dst[i] = 0;
}

LK_TRUSTED static uint64_t align_up(uint64_t v, uint64_t a) {
  return (v + a - 1) & ~(a - 1);
}

static void fail_boot(const char *why) {
  size_t len = 0;
  while (why[len])
    ++len;
  lk_write(2, why, len);
  lk_exit(127, GPUVM_EXIT_ABORT);
}

static const char *hostname;

const char *lk_hostname(void) {
  return hostname;
}

struct placement {
  const char *src; /* the next packed string */
  char *out;       /* where its expansion goes */
  char *end;
  char digits[12]; /* the VM id, last digit first */
  int ndigits;
};

/* Copies the next packed string to p->out, expanding "{vm}"; returns where
 * the copy starts. */
LK_TRUSTED static char *place_string(struct placement *p) {
  char *start = p->out;
  for (; *p->src; ++p->src) {
    const char *s = p->src;
    if (s[0] == '{' && s[1] == 'v' && s[2] == 'm' && s[3] == '}') {
      if (p->out + p->ndigits >= p->end)
        fail_boot("gpuvm: arguments do not fit in --mem-per-vm\n");
      for (int d = p->ndigits - 1; d >= 0; --d)
        *p->out++ = p->digits[d];
      p->src += 3;
      continue;
    }
    if (p->out + 1 >= p->end)
      fail_boot("gpuvm: arguments do not fit in --mem-per-vm\n");
    *p->out++ = *s;
  }
  *p->out++ = 0;
  ++p->src;
  return start;
}

/* Copies argv/envp, then the hostname, into the slice after the private
 * data. */
LK_TRUSTED static struct lk_args place_arguments(char *at, char *end) {
  uint32_t count = __gpuvm_launch.argc + __gpuvm_launch.envc;
  char **vec = (char **)at;
  struct placement p = {
      (const char *)(uintptr_t)__gpuvm_launch.args, at + (count + 2) * sizeof(char *), end, {0}, 0};
  for (uint32_t id = lk_vm_id();; id /= 10) {
    p.digits[p.ndigits++] = (char)('0' + id % 10);
    if (id < 10)
      break;
  }
  uint32_t slot = 0;
  for (uint32_t i = 0; i < count; ++i) {
    if (i == __gpuvm_launch.argc)
      vec[slot++] = 0; /* argv[argc] */
    vec[slot++] = place_string(&p);
  }
  if (__gpuvm_launch.envc == 0 || count == __gpuvm_launch.argc)
    vec[slot++] = 0;
  vec[slot] = 0;
  if (__gpuvm_launch.hostnamec)
    hostname = place_string(&p);
  lk_heap_start = (char *)align_up((uintptr_t)p.out, 16);
  struct lk_args args = {(int)__gpuvm_launch.argc, vec, vec + __gpuvm_launch.argc + 1};
  return args;
}

/* A packed struct can hold an address at any byte offset, and GPUs fault on
 * a misaligned 8-byte access. */
LK_TRUSTED static void relocate(char *at, uint64_t base) {
  if (((uintptr_t)at & 7) == 0) {
    *(uint64_t *)at += base;
    return;
  }
  uint64_t value = 0;
  for (int i = 7; i >= 0; --i)
    value = value << 8 | (unsigned char)at[i];
  value += base;
  for (int i = 0; i < 8; ++i, value >>= 8)
    at[i] = (char)value;
}

LK_TRUSTED _Noreturn void lk_boot(void) {
  const struct gpuvm_image_info *info = &__gpuvm_image_info;
  char *base = (char *)__gpuvm_private_base();
  char *end = base + __gpuvm_launch.slice_size - __gpuvm_launch.net.rx_ring_bytes;
  uint64_t private_size = align_up(info->data_size + info->bss_size, 16);
  if (private_size + __gpuvm_launch.net.rx_ring_bytes >= __gpuvm_launch.slice_size)
    arch_exit(); /* the runtime refuses such launches; never touch memory past the slice */

  copy_bytes(base, __gpuvm_data_template, info->data_size);
  zero_bytes(base + info->data_size, info->bss_size);
  /* Pointers to private data are stored as offsets in the segment. */
  for (uint32_t i = 0; i < info->fixup_count; ++i)
    relocate(base + __gpuvm_fixups[i], (uintptr_t)base);

  struct lk_args args = place_arguments(base + private_size, end);
  __libc_start_main(args.argc, args.argv, args.envp);
}
