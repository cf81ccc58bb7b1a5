// Software fault isolation: one hostile VM of 100 tries to reach another
// VM's memory, jump where it should not, overflow its stack, spin forever,
// take all its memory or flood the console (argv[2] says how) while the other
// 99 plant a secret, compute a checksum to a known answer and check their
// secret is intact. The hostile VM must end alone (or fail alone), reported
// with its kind of fault and the line it was at; nothing of the others may
// change or leak. argv: the VM's id, the mode.
// RUN: rm -rf %t && mkdir -p %t
// RUN: gcc -O2 -Wall -Werror -Wno-comment %s -o %t/linux && %t/linux 0 none | sed 's/ secret.*//' > %t/sum
// RUN: %gpucxx --target=host -O2 -g %s -o %t/confined.img
// RUN: %gpuvm inspect %t/confined.img | FileCheck %s --check-prefix=INSPECT
// INSPECT: confined: yes
//
// RUN: for mode in wild-write wild-read const-write memset-past huge-stack-index bad-call \
// RUN:     kernel-state endless-loop budget-escape deep-recursion huge-frame unsafe-recursion \
// RUN:     variadic-recursion \
// RUN:     return-address loop-past loop-wrap malloc-all console-flood; do \
// RUN:   timeout 60 %gpuvm run %t/confined.img --vms 100 --mem-per-vm 1M --max-cpu-ms 300 \
// RUN:     --status-file %t/$mode.status -- {vm} $mode > %t/$mode.out 2> %t/$mode.err; \
// RUN:   echo "$mode exit $?" >> %t/exits; \
// RUN:   grep -c "^\[vm [0-9]*\] $(cat %t/sum) secret intact$" %t/$mode.out >> %t/exits; \
// RUN:   grep -v ' exit 0 ' %t/$mode.status | cut -d' ' -f1-3 >> %t/exits; \
// RUN:   grep 'crashed:' %t/$mode.err >> %t/exits; \
// RUN:   grep -a '^\[vm 37\] ' %t/$mode.out | grep -v '^\[vm 37\] f*$' >> %t/exits; true; \
// RUN: done
// RUN: FileCheck %s --check-prefix=HOSTILE < %t/exits
// RUN: not grep -h 'stolen' %t/*.out
// Host stacks have guard pages as far as vm.max_map_count leaves room
// (about 30,000 VMs by its default); past that a confined image's
// split-stack prologues alone keep each VM within its stack: 40,000 VMs,
// one recursing until its stack would overflow, the others intact.
// RUN: timeout 600 %gpuvm run %t/confined.img --vms 40000 --mem-per-vm 256K --stack-size 64K \
// RUN:   --verbose -- {vm} deep-recursion > %t/scale.out 2> %t/scale.err; true
// RUN: grep -c "^\[vm [0-9]*\] $(cat %t/sum) secret intact$" %t/scale.out >> %t/scale.err
// RUN: FileCheck %s --check-prefix=NO-GUARDS < %t/scale.err
// NO-GUARDS: host: 40000 VMs on {{.*}}, no guard pages (vm.max_map_count leaves room for {{[0-9]+}}): the stack limits of confined images alone
// NO-GUARDS: gpuvm: vm 37 crashed: stack overflow (--stack-size 65536 bytes): {{[0-9]+}} in use and a frame of {{[0-9]+$}}
// NO-GUARDS: {{^39999$}}
// HOSTILE: wild-write exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: wild write of 1 byte at 0x{{[0-9a-f]+}} ({{.*}}confinement.c:[[#]])
// HOSTILE-NEXT: wild-read exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: wild read of 64 bytes at 0x{{[0-9a-f]+}} ({{.*}}confinement.c:[[#]])
// HOSTILE-NEXT: const-write exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: wild write of 1 byte at 0x{{[0-9a-f]+}} ({{.*}}confinement.c:[[#]])
// HOSTILE-NEXT: memset-past exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: wild write of 2097152 bytes at 0x{{[0-9a-f]+}} ({{.*}}confinement.c:[[#]])
// HOSTILE-NEXT: huge-stack-index exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: wild write of 1 byte at 0x{{[0-9a-f]+}} ({{.*}}confinement.c:[[#]])
// HOSTILE-NEXT: bad-call exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: indirect call to 0x{{[0-9a-f]+}}, not a function of the image ({{.*}}confinement.c:[[#]])
// HOSTILE-NEXT: kernel-state exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: wild {{read|write}} of {{[0-9]+}} bytes at 0x{{[0-9a-f]+}} by the light kernel, its state overwritten
// HOSTILE-NEXT: endless-loop exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 152
// HOSTILE-NEXT: gpuvm: vm 37 crashed: ran {{[0-9]+}} ms without waiting (--max-cpu-ms 300)
// The budget ends it; leaving, its kernel finds its own state overwritten:
// the budget is what is reported, the second crash after it.
// HOSTILE-NEXT: budget-escape exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 152
// HOSTILE-NEXT: gpuvm: vm 37 crashed: ran {{[0-9]+}} ms without waiting (--max-cpu-ms 300); as it left, wild {{read|write}} of {{[0-9]+ bytes?}} at 0x{{[0-9a-f]+}} by the light kernel, its state overwritten
// Each function's split-stack prologue compares the stack pointer, less
// its frame, with the runtime's limit for the VM's stack.
// HOSTILE-NEXT: deep-recursion exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: stack overflow (--stack-size 262144 bytes): {{[0-9]+}} in use and a frame of {{[0-9]+$}}
// A local array indexed at run time lies in the unsafe stack, whose end is
// checked before a frame is set up there.
// HOSTILE-NEXT: huge-frame exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: stack overflow (--stack-size 262144 bytes): {{[0-9]+}} in use and a frame of 4194304
// HOSTILE-NEXT: unsafe-recursion exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: stack overflow (--stack-size 262144 bytes): {{[0-9]+}} in use and a frame of 512
// A variadic function has no such prologue (LLVM cannot give it one):
// gpu-c++ checks it at its entry, with its arrays' size, and names it.
// HOSTILE-NEXT: variadic-recursion exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: stack overflow (--stack-size 262144 bytes): {{[0-9]+}} in use and a frame of {{[0-9]+}} in recurse_variadic ({{.*}}confinement.c:[[#]])
// The return address lies in the hardware stack, which no pointer may write.
// HOSTILE-NEXT: return-address exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: wild write of 8 bytes at 0x{{[0-9a-f]+}} ({{.*}}confinement.c:[[#]])
// A loop's checks become checks before it of all it will reach (one for
// each of the unrolled loop's stores): about 2 MiB refused before the first
// byte is written.
// HOSTILE-NEXT: loop-past exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: wild write of {{20971[0-9][0-9]}} bytes at 0x{{[0-9a-f]+}} ({{.*}}confinement.c:[[#]])
// A count that wraps (2^64 iterations): the span is the whole address space.
// HOSTILE-NEXT: loop-wrap exit 1
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: 37 crash 139
// HOSTILE-NEXT: gpuvm: vm 37 crashed: wild read of 18446744073709551615 bytes at 0x{{[0-9a-f]+}} ({{.*}}confinement.c:[[#]])
// HOSTILE-NEXT: malloc-all exit 0
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: [vm 37] malloc failed after {{[0-9]+}} KiB
// HOSTILE-NEXT: console-flood exit 0
// HOSTILE-NEXT: 99
// HOSTILE-NEXT: [vm 37] flooded 4096 lines
// HOSTILE-NOT: {{.}}
// Every line of the flood arrived whole.
// RUN: grep -c '^\[vm 37\] f\{1023\}$' %t/console-flood.out | FileCheck %s --check-prefix=FLOOD
// FLOOD: 4096
//
// A pointer outside the slice handed to the kernel is EFAULT, and the VM
// goes on.
// RUN: %gpuvm run %t/confined.img --vms 100 --mem-per-vm 1M --root %t/root{vm} -- {vm} bad-syscall \
// RUN:   > %t/syscall.out
// RUN: grep -c "$(cat %t/sum) secret intact$" %t/syscall.out | FileCheck %s --check-prefix=COUNT
// RUN: not grep 'secret of' %t/syscall.out
// COUNT: 99
// RUN: FileCheck %s --check-prefix=SYSCALL < %t/syscall.out
// SYSCALL: [vm 37] write EFAULT, read EFAULT, pread EFAULT, pwrite EFAULT, getrandom EFAULT,
// SYSCALL-SAME: poll EFAULT, sendto EFAULT, recv EFAULT
// SYSCALL: [vm 37] kernel calls: 12 of 12 EFAULT
//
// Without confinement the same attack works: the test can tell. gpuvm
// refuses such an image unless told.
// RUN: %gpucxx --target=host -O2 -fno-gpuvm-sfi %s -o %t/unconfined.img
// RUN: %gpuvm run %t/unconfined.img --vms 2 -- {vm} wild-write 2> %t/refused; echo "exit $?" >> %t/refused
// RUN: FileCheck %s --check-prefix=REFUSED < %t/refused
// REFUSED: unconfined.img: image built without software fault isolation
// REFUSED: exit 3
// RUN: %gpuvm run %t/unconfined.img --allow-unconfined --vms 100 --mem-per-vm 1M -- {vm} \
// RUN:   wild-write | grep 'secret damaged' | FileCheck %s --check-prefix=HARMED
// HARMED: [vm 38] sum {{[0-9a-f]+}} secret damaged
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>
#ifdef __gpuvm__
// The light kernel's system calls (lightkernel/syscall.h) the attack makes.
struct gpuvm_stat;
struct gpuvm_statvfs;
long lk_open(const char *path, int flags, int mode);
long lk_stat(const char *path, int follow_last_link, struct gpuvm_stat *out);
long lk_fstat(int fd, struct gpuvm_stat *out);
long lk_rename(const char *from, const char *to);
long lk_readlink(const char *path, char *buf, size_t size);
long lk_statvfs(const char *path, struct gpuvm_statvfs *out);
long lk_pipe2(int *fds, int flags);
long lk_getsockopt(int fd, int level, int name, void *value, uint32_t *length);
long lk_getsockname(int fd, void *address, uint32_t *length);
long lk_ioctl(int fd, unsigned long request, void *argument);
long lk_epoll_create1(int flags);
long lk_epoll_ctl(int epfd, int op, int fd, void *event);
long lk_write(int fd, const void *buf, size_t len);
void lk_heap_region(char **start, char **end);
#endif

#define HOSTILE_VM 37
#define SLICE (1u << 20) /* --mem-per-vm */

static char secret[64]; /* a global: in the VM's slice, at the same offset in every VM's */

/* Opaque to the optimizer, so each attack happens as written. */
static uintptr_t launder(uintptr_t value) {
  __asm__ volatile("" : "+r"(value));
  return value;
}

static uint64_t checksum(void) {
  enum { N = 65536 };
  unsigned char *data = malloc(N);
  uint64_t hash = 0xcbf29ce484222325ull;
  for (int round = 0; round < 8; ++round) {
    for (int i = 0; i < N; ++i)
      data[i] = (unsigned char)(i * 31 + round);
    for (int i = 0; i < N; ++i)
      hash = (hash ^ data[i]) * 0x100000001b3ull;
    usleep(20000); /* let the hostile VM act while the others run */
  }
  free(data);
  return hash;
}

/* Deep enough to overflow any stack, and not a tail call. */
static int recurse(uintptr_t depth) {
  volatile char frame[512];
  frame[0] = (char)depth;
  if (!depth)
    return frame[0];
  return recurse(depth - 1) + frame[0];
}

/* The same, with each frame's array indexed at run time. */
static int recurse_indexed(uintptr_t depth) {
  volatile char frame[512];
  frame[launder(0)] = (char)depth;
  if (!depth)
    return frame[0];
  return recurse_indexed(depth - 1) + frame[launder(1)];
}

/* The same through a variadic function. */
static int recurse_variadic(uintptr_t depth, ...) {
  volatile char frame[512];
  va_list more;
  va_start(more, depth);
  frame[0] = (char)va_arg(more, int);
  va_end(more);
  if (!depth)
    return frame[0];
  return recurse_variadic(depth - 1, (int)depth) + frame[0];
}

/* Past the stack, and past the VMs' stacks below it. Not inlined: its frame
 * would be every VM's. */
__attribute__((noinline)) static int huge_frame(void) {
  volatile char frame[4 << 20];
  frame[0] = 1;
  return frame[launder(0)];
}

static const char *fault_name(long result) {
  return result < 0 && errno == EFAULT ? "EFAULT" : "no error";
}

static int attack(const char *mode) {
  uintptr_t neighbour = launder((uintptr_t)secret + SLICE);
  usleep(50000);
  if (!strcmp(mode, "wild-write")) {
    *(volatile char *)neighbour = 'X';
  } else if (!strcmp(mode, "wild-read")) {
    char stolen[64];
    memcpy(stolen, (const void *)neighbour, sizeof stolen);
    printf("stolen: %.64s\n", stolen);
  } else if (!strcmp(mode, "const-write")) {
    char *text = (char *)launder((uintptr_t) "a constant string");
    text[0] = 'X';
  } else if (!strcmp(mode, "memset-past")) {
    memset((void *)launder((uintptr_t)secret), 0, 2 * SLICE);
  } else if (!strcmp(mode, "huge-stack-index")) {
    volatile char local[16];
    local[launder(SLICE * 4)] = 1;
    return local[0];
  } else if (!strcmp(mode, "bad-call")) {
    /* One byte into a function: past its checks, were it allowed. */
    int (*jump)(uintptr_t) = (int (*)(uintptr_t))launder((uintptr_t)&recurse + 1);
    return jump(0);
  } else if (!strcmp(mode, "kernel-state")) {
#ifdef __gpuvm__
    /* The kernel keeps its objects (a pipe's files and buffer) in the VM's
     * heap: every pointer there into the heap is moved to the same place in
     * the neighbour's, then the kernel is asked to write into the pipe. */
    int pipe_ends[2];
    if (pipe(pipe_ends))
      return 1;
    char *start, *end;
    lk_heap_region(&start, &end);
    for (uintptr_t *word = (uintptr_t *)start; (char *)(word + 1) <= end; ++word)
      if (*word >= (uintptr_t)start && *word < (uintptr_t)end)
        *word += SLICE;
    lk_write(pipe_ends[1], "into the neighbour's memory", 27);
#endif
  } else if (!strcmp(mode, "endless-loop")) {
    volatile uint64_t spins = 0;
    for (;;)
      spins = spins + 1;
  } else if (!strcmp(mode, "budget-escape")) {
#ifdef __gpuvm__
    /* Every word of the VM's globals, its kernel's among them, made odd: an
     * odd wait epoch says the VM is waiting, and were the epoch among them,
     * the run budget would never run out. The globals lie below the heap,
     * down to the slice's start, found as a thief would: the first bytes
     * the kernel refuses to fill. */
    char *heap, *top, *low;
    lk_heap_region(&heap, &top);
    for (low = heap; getrandom(low - 16, 16, 0) == 16; low -= 16)
      ;
    for (uint32_t *word = (uint32_t *)low; (char *)(word + 1) <= heap; ++word)
      *word = 1;
#endif
    volatile uint64_t spins = 0;
    for (;;)
      spins = spins + 1;
  } else if (!strcmp(mode, "deep-recursion")) {
    return recurse(launder(1) << 30);
  } else if (!strcmp(mode, "huge-frame")) {
    return huge_frame();
  } else if (!strcmp(mode, "unsafe-recursion")) {
    return recurse_indexed(launder(1) << 30);
  } else if (!strcmp(mode, "variadic-recursion")) {
    return recurse_variadic(launder(1) << 30, 1);
  } else if (!strcmp(mode, "return-address")) {
#if !defined(__NVPTX__) && !defined(__AMDGPU__)
    /* x86-64: this function's return address, just above its frame pointer,
     * made to return one byte into a function, past its checks. */
    uintptr_t *slot = (uintptr_t *)launder((uintptr_t)__builtin_frame_address(0) + 8);
    *slot = launder((uintptr_t)&recurse + 1);
#endif
  } else if (!strcmp(mode, "loop-past")) {
    volatile char *bytes = (volatile char *)launder((uintptr_t)secret);
    for (uintptr_t i = 0; i < 2 * SLICE; ++i)
      bytes[i] = 0;
  } else if (!strcmp(mode, "loop-wrap")) {
    const volatile char *bytes = (const volatile char *)launder((uintptr_t)secret);
    const uintptr_t end = launder(0);
    uintptr_t i = 0;
    char sum = 0;
    do
      sum += bytes[i];
    while (++i != end);
    return sum;
  } else if (!strcmp(mode, "malloc-all")) {
    size_t total = 0;
    for (void *block; (block = malloc(65536)); total += 65536)
      memset(block, 1, 65536);
    printf("malloc failed after %zu KiB\n", total >> 10);
  } else if (!strcmp(mode, "console-flood")) {
    char line[1025];
    memset(line, 'f', 1023);
    line[1023] = '\n';
    line[1024] = 0;
    for (int i = 0; i < 4096; ++i)
      fputs(line, stdout);
    printf("flooded 4096 lines\n");
  } else if (!strcmp(mode, "bad-syscall")) {
    int fd = open("/scratch", O_RDWR | O_CREAT, 0600);
    if (write(fd, "some bytes to read", 18) != 18 || lseek(fd, 0, SEEK_SET) != 0)
      return 1;
    printf("write %s,", fault_name(write(1, (const void *)neighbour, 64)));
    printf(" read %s,", fault_name(read(fd, (void *)neighbour, 64)));
    printf(" pread %s,", fault_name(pread(fd, (void *)neighbour, 64, 0)));
    printf(" pwrite %s,", fault_name(pwrite(fd, (const void *)neighbour, 64, 0)));
    printf(" getrandom %s,", fault_name(getrandom((void *)neighbour, 16, 0)));
    printf(" poll %s,", fault_name(poll((struct pollfd *)neighbour, 4, 0)));
    int udp = socket(AF_INET6, SOCK_DGRAM, 0);
    struct sockaddr_in6 self = {.sin6_family = AF_INET6, .sin6_port = htons(9)};
    self.sin6_addr = in6addr_loopback;
    printf(" sendto %s,", fault_name(sendto(udp, (const void *)neighbour, 64, 0,
                                            (const struct sockaddr *)&self, sizeof self)));
    printf(" recv %s\n", fault_name(recv(udp, (void *)neighbour, 64, MSG_DONTWAIT)));
#ifdef __gpuvm__
    // The light kernel's own calls, which libc's wrappers reach through
    // copies of their own: paths, and buffers the kernel fills.
    void *other = (void *)neighbour;
    uint32_t length = 64;
    int epoll = (int)lk_epoll_create1(0);
    symlink("scratch", "/link");
    long kernel_calls[] = {lk_open((const char *)other, 0, 0),
                           lk_stat((const char *)other, 1, (struct gpuvm_stat *)other),
                           lk_stat("/scratch", 1, (struct gpuvm_stat *)other),
                           lk_fstat(fd, (struct gpuvm_stat *)other),
                           lk_rename("/scratch", (const char *)other),
                           lk_readlink("/link", (char *)other, 64),
                           lk_statvfs("/", (struct gpuvm_statvfs *)other),
                           lk_pipe2((int *)other, 0),
                           lk_getsockopt(udp, SOL_SOCKET, SO_TYPE, other, &length),
                           lk_getsockname(udp, other, &length),
                           lk_ioctl(udp, FIONREAD, other),
                           lk_epoll_ctl(epoll, 1 /* EPOLL_CTL_ADD */, udp, other)};
    int refused = 0;
    for (unsigned i = 0; i < sizeof kernel_calls / sizeof *kernel_calls; ++i)
      refused += kernel_calls[i] == -EFAULT;
    printf("kernel calls: %d of %d EFAULT\n", refused,
           (int)(sizeof kernel_calls / sizeof *kernel_calls));
#endif
    return 0;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3)
    return 2;
  unsigned long vm = strtoul(argv[1], 0, 10);
  snprintf(secret, sizeof secret, "secret of vm %lu", vm);
  char copy[64];
  memcpy(copy, secret, sizeof copy);
  if (vm == HOSTILE_VM)
    return attack(argv[2]);
  uint64_t sum = checksum();
  usleep(100000);
  printf("sum %016llx secret %s\n", (unsigned long long)sum,
         memcmp(copy, secret, sizeof copy) ? "damaged" : "intact");
  return 0;
}
