// Host backend: host images (x86-64 shared objects) run on CPU threads. Each
// VM is a fiber (Boost.Context) with its own stack; a pool of worker threads
// runs them, each worker owning its VMs (no migration), Seastar style. The
// fiber's private-segment pointer is a thread-local the image reads.
//
// A fault inside a VM (SIGSEGV, SIGBUS, SIGILL, SIGFPE) ends only that VM:
// the signal handler, on its own stack, points the faulting fiber at a
// function that leaves it for good. VMs share the process's address space;
// the compiler's confinement (DESIGN.md decision 10) keeps each VM's
// accesses in its own memory, and its stack within bounds: every function
// of a confined image starts with LLVM's split-stack prologue, which
// compares the stack pointer with a limit this backend keeps per fiber
// (%fs:0x70) and calls the image's __morestack, which ends the VM, where
// the frame would not fit. A host call runs on a stack of the worker's own
// where the VM's has less than kInlineCallRoom left.
#include "backend/Backend.h"

#include "gpuvm/launch.h"
#include "gpuvm/ring.h"
#include "net/Network.h"

#include <boost/context/detail/fcontext.hpp>

#include <dlfcn.h>
#include <link.h>
#include <signal.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

namespace ctx = boost::context::detail;

// The running VM's private segment, the bottom of its stacks' stride (where
// confinement's stack range starts) and its unsafe stack pointer (LLVM's
// SafeStack, which gpu-c++ applies to host images); the image reads them
// through initial-exec TLS, so gpuvm exports them (see
// runtime/CMakeLists.txt). Not in the VM's memory, where the VM could move
// them.
extern "C" {
__attribute__((visibility("default"))) thread_local char *__gpuvm_host_vm_base = nullptr;
__attribute__((visibility("default"))) thread_local char *__gpuvm_host_vm_stack = nullptr;
__attribute__((visibility("default"))) thread_local void *__safestack_unsafe_stack_ptr = nullptr;
}

namespace gpuvm::runtime {

namespace {

struct Fiber {
  uint32_t vm = 0;
  char *base = nullptr;
  char *stackBottom = nullptr; // of its stride, guard page included
  char *stackTop = nullptr;    // of its hardware stack, the bottom of its unsafe one
  char *stackLimit = nullptr;  // below which a split-stack prologue calls __morestack
  void *unsafeStack = nullptr; // its unsafe stack pointer while it is switched out
  char *guard = nullptr;       // the page under its stack, where an overflow faults; null: none
  ctx::fcontext_t context = nullptr;
  bool done = false;
  bool waiting = false; // it last left through pauseFiber
};

// How many VMs' stacks may each have a guard page: each splits the stacks'
// mapping, two more of the kernel's map entries, within vm.max_map_count
// (65,530 by default) less what the process maps already and room for what
// it maps later (worker stacks, the network, the files' cache).
uint64_t guardPagesAllowed() {
  uint64_t limit = 65530;
  if (FILE *f = std::fopen("/proc/sys/vm/max_map_count", "r")) {
    unsigned long long value = 0;
    if (std::fscanf(f, "%llu", &value) == 1)
      limit = value;
    std::fclose(f);
  }
  uint64_t used = 0;
  if (FILE *f = std::fopen("/proc/self/maps", "r")) {
    for (int c; (c = std::fgetc(f)) != EOF;)
      used += c == '\n';
    std::fclose(f);
  }
  constexpr uint64_t kRoom = 4096;
  return limit > used + kRoom ? (limit - used - kRoom) / 2 : 0;
}

// Host calls run on the calling VM's stack where at least kInlineCallRoom
// is left above its limit, else on this stack of the worker's own: the
// runtime's frames are not the VM's to make room for, and a VM may call
// with its stack all but full. Switching stacks costs two context switches
// (90 ns more per call, 0.33 to 0.42 µs for a 64-byte pread here), which
// the common call, with room, does not pay.
constexpr size_t kServiceStack = 256 << 10;
constexpr uintptr_t kInlineCallRoom = 48 << 10;

struct Worker {
  std::vector<Fiber *> fibers;
  ctx::fcontext_t scheduler = nullptr;
  Fiber *current = nullptr;
  std::vector<char> signalStack;
  std::vector<char> serviceStack;
  ctx::fcontext_t service = nullptr; // serveCalls, waiting for the next call
  bool serving = false;
};

thread_local Worker *tlsWorker = nullptr;

// Where LLVM's split-stack prologue on x86-64 Linux finds the stack's
// limit: a word of the thread's control block that glibc leaves for split
// stacks (__private_ss). 0: no limit.
void setStackLimit(const char *limit) {
  asm volatile("movq %0, %%fs:0x70" : : "r"(limit) : "memory");
}

// What the VMs of the running launch call; one launch at a time per process.
RpcServer *activeServer = nullptr;
gpuvm_mailbox *activeMailboxes = nullptr;
void (*activeEntry)() = nullptr;

[[noreturn]] void leaveFiber() {
  Worker *w = tlsWorker;
  w->current->done = true;
  ctx::jump_fcontext(w->scheduler, nullptr);
  __builtin_unreachable();
}

// The worker's service context: serves the call it is handed, then goes
// back to the VM that made it.
void serveCalls(ctx::transfer_t from) {
  for (;;) {
    Worker *w = tlsWorker;
    auto *box = static_cast<gpuvm_mailbox *>(from.data);
    w->serving = true;
    activeServer->serve(uint32_t(box - activeMailboxes), *box);
    w->serving = false;
    from = ctx::jump_fcontext(from.fctx, nullptr);
  }
}

ctx::fcontext_t newServiceContext(Worker &w) {
  return ctx::make_fcontext(w.serviceStack.data() + w.serviceStack.size(), w.serviceStack.size(),
                            serveCalls);
}

void serveCall(void *mailbox) {
  Worker *w = tlsWorker;
  char here;
  // Not a difference: below the limit (a VM reporting its own overflow, the
  // limit lifted) it would wrap to room.
  if (uintptr_t(&here) >= uintptr_t(w->current->stackLimit) + kInlineCallRoom) {
    auto *box = static_cast<gpuvm_mailbox *>(mailbox);
    activeServer->serve(uint32_t(box - activeMailboxes), *box);
    return;
  }
  ctx::transfer_t back = ctx::jump_fcontext(w->service, mailbox);
  w->service = back.fctx;
}

void yieldFiber() {
  Worker *w = tlsWorker;
  ctx::transfer_t back = ctx::jump_fcontext(w->scheduler, nullptr);
  w->scheduler = back.fctx;
}

void exitFiber() {
  leaveFiber();
}

// A VM parked on its queues and timers: it yields saying so, and a worker
// whose VMs all only waited for a whole round naps (see runWorker).
void pauseFiber() {
  tlsWorker->current->waiting = true;
  yieldFiber();
}

const gpuvm_host_services kServices{serveCall, yieldFiber, exitFiber, pauseFiber};

void fiberMain(ctx::transfer_t from) {
  tlsWorker->scheduler = from.fctx;
  activeEntry(); // boots the VM; returns only through exitFiber
  leaveFiber();
}

// Faults: leave the VM from a fresh frame at the top of its own stack.
thread_local int pendingCrashSignal = 0;
thread_local uintptr_t pendingCrashAddress = 0;

[[noreturn]] void crashTrampoline() {
  Worker *w = tlsWorker;
  Fiber *f = w->current;
  if (w->serving) { // the call it made is abandoned where it faulted
    w->serving = false;
    w->service = newServiceContext(*w);
  }
  char where[64];
  std::snprintf(where, sizeof where, "%#lx", (unsigned long)pendingCrashAddress);
  const uintptr_t guard = reinterpret_cast<uintptr_t>(f->guard);
  const bool overflow = guard && pendingCrashAddress - guard < uintptr_t(sysconf(_SC_PAGESIZE));
  activeServer->console().note(
      "vm " + std::to_string(f->vm) + " crashed: " +
      (overflow ? std::string("stack overflow (--stack-size ") +
                      formatBytes(uintptr_t(f->stackTop) - guard - sysconf(_SC_PAGESIZE)) + ")"
                : std::string(strsignal(pendingCrashSignal))) +
      " at address " + where);
  activeServer->recordCrash(f->vm, pendingCrashSignal);
  leaveFiber();
}

void onFault(int sig, siginfo_t *info, void *uc) {
  Worker *w = tlsWorker;
  if (!w || !w->current || w->current->done) {
    // Not a VM: the runtime itself is broken. Die the ordinary way.
    signal(sig, SIG_DFL);
    raise(sig);
    return;
  }
  pendingCrashSignal = sig;
  pendingCrashAddress = reinterpret_cast<uintptr_t>(info->si_addr);
  auto *context = static_cast<ucontext_t *>(uc);
  // 16-byte aligned, minus the return address a call would have pushed; on
  // the stack the fault happened on (a host call's runs on the worker's).
  const uintptr_t top =
      w->serving ? reinterpret_cast<uintptr_t>(w->serviceStack.data() + w->serviceStack.size())
                 : reinterpret_cast<uintptr_t>(w->current->stackTop);
  uintptr_t sp = (top & ~uintptr_t(15)) - 8;
  context->uc_mcontext.gregs[REG_RSP] = greg_t(sp);
  context->uc_mcontext.gregs[REG_RIP] = greg_t(reinterpret_cast<uintptr_t>(&crashTrampoline));
}

void installFaultHandlers() {
  struct sigaction sa {};
  sa.sa_sigaction = onFault;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP})
    sigaction(sig, &sa, nullptr);
}

void runWorker(Worker &w) {
  tlsWorker = &w;
  w.signalStack.resize(64 << 10);
  stack_t ss{};
  ss.ss_sp = w.signalStack.data();
  ss.ss_size = w.signalStack.size();
  sigaltstack(&ss, nullptr);
  w.serviceStack.resize(kServiceStack);
  w.service = newServiceContext(w);

  std::vector<Fiber *> ready = w.fibers;
  // When every VM of a round only waited, the worker naps, longer each idle
  // round up to a millisecond: parked VMs then cost no CPU, and a packet
  // waits at most that long to be noticed.
  auto nap = std::chrono::microseconds(0);
  constexpr auto kLongestNap = std::chrono::microseconds(1000);
  while (!ready.empty()) {
    size_t kept = 0;
    bool allWaited = true;
    for (Fiber *f : ready) {
      w.current = f;
      f->waiting = false;
      __gpuvm_host_vm_base = f->base;
      __gpuvm_host_vm_stack = f->stackBottom;
      __safestack_unsafe_stack_ptr = f->unsafeStack;
      setStackLimit(f->stackLimit);
      ctx::transfer_t back = ctx::jump_fcontext(f->context, nullptr);
      setStackLimit(nullptr);
      f->context = back.fctx;
      w.current = nullptr;
      f->unsafeStack = __safestack_unsafe_stack_ptr;
      __gpuvm_host_vm_base = nullptr;
      __gpuvm_host_vm_stack = nullptr;
      __safestack_unsafe_stack_ptr = nullptr;
      allWaited = allWaited && f->waiting;
      if (!f->done)
        ready[kept++] = f;
    }
    ready.resize(kept);
    if (!allWaited || ready.empty()) {
      nap = std::chrono::microseconds(0);
      continue;
    }
    nap = std::min(kLongestNap, std::max(nap * 2, std::chrono::microseconds(20)));
    std::this_thread::sleep_for(nap);
  }
  stack_t off{};
  off.ss_flags = SS_DISABLE;
  sigaltstack(&off, nullptr);
  tlsWorker = nullptr;
}

class Mapping {
public:
  bool map(uint64_t bytes) {
    void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
      return false;
    data_ = static_cast<char *>(p);
    size_ = bytes;
    return true;
  }
  ~Mapping() {
    if (data_)
      munmap(data_, size_);
  }
  char *data() const { return data_; }

private:
  char *data_ = nullptr;
  uint64_t size_ = 0;
};

uint64_t alignUp(uint64_t v, uint64_t a) {
  return (v + a - 1) / a * a;
}

// A VM's slice is this process's memory: a bulk call's view is the VM's
// own bytes, with nothing to copy.
class HostVmMemory final : public VmMemory {
public:
  using VmMemory::VmMemory;
  uint8_t *view(uint64_t address, size_t, bool) override {
    return reinterpret_cast<uint8_t *>(uintptr_t(address));
  }
  bool store(uint64_t, const uint8_t *, size_t) override { return true; }
};

// The most one bulk call moves: a VM's worker thread serves it inline, and
// its other VMs wait that long.
constexpr uint64_t kBulkMax = 1 << 20;

// Fiber stacks are reserved, not committed: only the pages a VM touches cost.
constexpr uint64_t kDefaultStack = 256 << 10;
constexpr uint64_t kMinimumStack = 64 << 10;
// The end of a hardware stack that a split-stack prologue leaves alone: the
// image's report of the overflow runs there (its __morestack lifts the
// limit), and a variadic function's frame, which LLVM cannot give that
// prologue, beyond what gpu-c++ checks at its entry (its arrays).
constexpr uint64_t kStackReserve = 16 << 10;

// A table of 64-bit words the image defines (confined images), as loaded;
// empty where the image has none.
std::vector<uint64_t> imageTable(void *handle, const char *symbol) {
  void *table = dlsym(handle, symbol);
  Dl_info where{};
  void *entry = nullptr;
  if (!table || !dladdr1(table, &where, &entry, RTLD_DL_SYMENT) || !entry)
    return {};
  const auto *words = static_cast<const uint64_t *>(table);
  return std::vector<uint64_t>(words, words + static_cast<const ElfW(Sym) *>(entry)->st_size / 8);
}

class HostBackend : public Backend {
public:
  std::string name() const override { return "host"; }

  std::string unavailableReason(const Image &image) override {
    if (image.info().target != GPUVM_TARGET_HOST)
      return "the host backend runs host images; this one is for " + image.targetName();
    return {};
  }

  std::string run(const Image &image, const LaunchConfig &config, RpcServer &server) override {
    const uint64_t page = uint64_t(sysconf(_SC_PAGESIZE));
    const uint64_t slice = alignUp(config.memPerVm, page);
    const uint64_t requested = config.stackSize ? config.stackSize : kDefaultStack;
    const uint64_t stack = alignUp(std::max<uint64_t>(requested, kMinimumStack), page);
    // A guard page under every hardware stack, while the kernel's map count
    // allows it: all an unconfined image has (a confined one's prologues
    // keep within the stack's limit); the unsafe stack above it is bounded
    // by the check gpu-c++ puts before each move of its pointer.
    const uint64_t guardsAllowed = guardPagesAllowed();
    const bool guards = config.vmCount <= guardsAllowed;
    const uint64_t stackStride = (guards ? page : 0) + 2 * stack;

    uint64_t physical = uint64_t(sysconf(_SC_PHYS_PAGES)) * page;
    if (slice * config.vmCount > physical)
      return std::to_string(config.vmCount) + " VMs × " + formatBytes(slice) + " = " +
             formatBytes(slice * config.vmCount) + " exceeds this machine's memory (" +
             formatBytes(physical) + "); at most " + std::to_string(physical / slice) + " VMs of " +
             formatBytes(slice) + " fit";

    // dlopen searches the library path for names without a slash.
    std::string path = std::filesystem::absolute(image.path()).string();
    void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
      return std::string("cannot load the host image: ") + dlerror();
    auto *launch = static_cast<gpuvm_launch *>(dlsym(handle, GPUVM_LAUNCH_SYMBOL));
    auto entry = reinterpret_cast<void (*)()>(dlsym(handle, image.info().entry));
    if (!launch || !entry) {
      dlclose(handle);
      return "the image lacks " + std::string(!launch ? GPUVM_LAUNCH_SYMBOL : image.info().entry);
    }

    Mapping slices, stacks;
    if (!slices.map(slice * config.vmCount) || !stacks.map(stackStride * config.vmCount)) {
      dlclose(handle);
      return "cannot reserve memory for " + std::to_string(config.vmCount) + " VMs";
    }
    std::vector<gpuvm_mailbox> mailboxes(config.vmCount);
    static_assert(GPUVM_KERNEL_PRIVATE_BYTES % sizeof(uint64_t) == 0);
    std::vector<uint64_t> kernelPrivate(size_t(config.vmCount) * GPUVM_KERNEL_PRIVATE_BYTES /
                                        sizeof(uint64_t));
    std::vector<char> args = packArguments(config);

    *launch = gpuvm_launch{};
    launch->slices = reinterpret_cast<uintptr_t>(slices.data());
    launch->slice_size = slice;
    launch->mailboxes = reinterpret_cast<uintptr_t>(mailboxes.data());
    launch->bulk_max = kBulkMax;
    launch->vm_count = config.vmCount;
    launch->argc = uint32_t(config.argv.size());
    launch->envc = uint32_t(config.env.size());
    launch->hostnamec = !config.hostname.empty();
    launch->stack_size = stack;
    launch->args = reinterpret_cast<uintptr_t>(args.data());
    launch->args_size = args.size();
    launch->data_set =
        config.dataSet ? reinterpret_cast<uintptr_t>(config.dataSet->block()) : uint64_t(0);
    launch->host_services = reinterpret_cast<uintptr_t>(&kServices);
    launch->kernel_private = reinterpret_cast<uintptr_t>(kernelPrivate.data());
    launch->confinement.stacks = reinterpret_cast<uintptr_t>(stacks.data());
    launch->confinement.stack_stride = stackStride;
    ReadonlyRange range = readonlyRange(imageTable(handle, GPUVM_CONSTANT_BOUNDS_SYMBOL));
    launch->confinement.readonly = range.start;
    launch->confinement.readonly_size = range.size;
    const std::vector<uint64_t> entries =
        sortedEntries(imageTable(handle, GPUVM_FUNCTION_ENTRIES_SYMBOL));
    launch->confinement.entries = reinterpret_cast<uintptr_t>(entries.data());
    launch->confinement.entry_count = entries.size();
    launch->confinement.max_run_ns = config.maxRunNs;
    launch->limits = {config.maxFiles, config.maxSockets, config.consoleBytesPerSecond};

    // The network: each VM's inbound ring at the top of its slice, the
    // uplink ring and the counters in ordinary memory the bridge reads.
    Mapping uplink;
    std::vector<gpuvm_net_counters> netCounters;
    if (config.network) {
      const net::NetOptions &options = config.network->options();
      if (!uplink.map(net::kUplinkBytes)) {
        dlclose(handle);
        return "cannot reserve the network's uplink ring";
      }
      auto *uplinkRing = reinterpret_cast<gpuvm_ring *>(uplink.data());
      gpuvm_ring_init(uplinkRing, net::kUplinkBytes);
      netCounters.resize(config.vmCount);
      for (uint32_t vm = 0; vm < config.vmCount; ++vm)
        gpuvm_ring_init(gpuvm_vm_ring(launch->slices, slice, config.rxRingBytes, vm),
                        config.rxRingBytes);
      std::copy(std::begin(options.prefix.bytes), std::end(options.prefix.bytes),
                launch->net.prefix);
      launch->net.mtu = options.mtu;
      launch->net.flags = GPUVM_NET_ENABLED;
      launch->net.rx_ring_bytes = config.rxRingBytes;
      launch->net.uplink = reinterpret_cast<uintptr_t>(uplinkRing);
      launch->net.counters = reinterpret_cast<uintptr_t>(netCounters.data());
      const uint64_t slicesAt = launch->slices, rxRing = config.rxRingBytes;
      net::DeviceLink link;
      link.uplink = uplinkRing;
      link.counters = netCounters.data();
      link.deliver = [slicesAt, slice, rxRing](uint32_t vm, const gpuvm_ring_part *parts, int count,
                                               uint32_t length) {
        return gpuvm_ring_push(gpuvm_vm_ring(slicesAt, slice, rxRing, vm), parts, count, length) !=
               0;
      };
      config.network->attach(link);
    }

    HostVmMemory memory(launch->slices, slice, kBulkMax);
    server.setVmMemory(&memory);
    server.setMailboxes(mailboxes.data());
    activeServer = &server;
    activeMailboxes = mailboxes.data();
    activeEntry = entry;
    installFaultHandlers();

    unsigned workers = config.workers ? config.workers : std::thread::hardware_concurrency();
    workers = std::max(1u, std::min<unsigned>(workers, config.vmCount));
    std::vector<Worker> pool(workers);
    std::vector<Fiber> fibers(config.vmCount);
    for (uint32_t vm = 0; vm < config.vmCount; ++vm) {
      Fiber &f = fibers[vm];
      f.vm = vm;
      f.base = slices.data() + uint64_t(vm) * slice;
      char *bottom = stacks.data() + uint64_t(vm) * stackStride;
      if (guards && mprotect(bottom, page, PROT_NONE) == 0)
        f.guard = bottom;
      f.stackBottom = bottom;
      f.stackTop = bottom + stackStride - stack;
      f.stackLimit = f.stackTop - stack + kStackReserve;
      f.unsafeStack = bottom + stackStride;
      f.context = ctx::make_fcontext(f.stackTop, stack, fiberMain);
      pool[vm % workers].fibers.push_back(&f);
    }
    if (config.verbose)
      server.console().note("host: " + std::to_string(config.vmCount) + " VMs on " +
                            std::to_string(workers) + " worker threads, " + formatBytes(slice) +
                            " memory and two stacks of " + formatBytes(stack) + " each" +
                            (guards ? ", a guard page under each hardware stack"
                                    : ", no guard pages (vm.max_map_count leaves room for " +
                                          std::to_string(guardsAllowed) +
                                          "): the stack limits of confined images alone"));

    std::vector<std::thread> threads;
    for (Worker &w : pool)
      threads.emplace_back([&w] { runWorker(w); });
    for (std::thread &t : threads)
      t.join();
    if (config.network)
      config.network->detach();

    server.setVmMemory(nullptr);
    server.setMailboxes(nullptr);
    activeServer = nullptr;
    activeMailboxes = nullptr;
    activeEntry = nullptr;
    dlclose(handle);
    return {};
  }
};

} // namespace

std::unique_ptr<Backend> makeHostBackend() {
  return std::make_unique<HostBackend>();
}

} // namespace gpuvm::runtime
