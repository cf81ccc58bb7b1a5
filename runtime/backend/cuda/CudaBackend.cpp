// CUDA backend: nvptx images (cubin, or PTX the driver compiles at load) run
// as one persistent kernel, one GPU thread per VM (DESIGN.md decision 4). The
// driver API comes from libcuda.so.1 at run time (decision 9, CudaDriver.h).
// The host thread that called run() serves every VM's RPC mailbox, which lives
// in pinned host memory mapped into the GPU, until all VMs have exited or the
// kernel has ended. With the network on, one more GPU thread beside the VMs
// carries packets between the device and the host bridge (lightkernel/net/
// uplink.c) through rings in mapped host memory.
#include "backend/Backend.h"
#include "backend/MailboxService.h"
#include "backend/cuda/CudaDriver.h"
#include "net/Network.h"

#include "gpuvm/launch.h"
#include "gpuvm/ring.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace gpuvm::runtime {

namespace {

using namespace cuda;

constexpr uint64_t kSliceAlignment = 256;
constexpr unsigned kBlockSize = 128;
// The driver reserves the per-thread stack for every thread the GPU can hold
// at once (threads per SM × SMs, 270k on an H100), not for the VMs launched:
// the host-sized default of 256 KiB would take 66 GiB. So the default here is
// kDefaultStack and requests above kMaxStack are refused.
constexpr uint64_t kMaxStack = 64 << 10;
constexpr uint64_t kDefaultStack = 16 << 10;
// Left free for what the driver allocates after our check (launch state,
// rounding of our allocations to its page size).
constexpr uint64_t kDriverHeadroom = 64 << 20;
constexpr size_t kJitLogBytes = 16 << 10;
// A PTX load slower than this is worth a note without --verbose.
constexpr double kJitNoteSeconds = 1.0;
constexpr auto kIdlePause = std::chrono::microseconds(20);
// How long a mailbox thread keeps polling after its last call served.
constexpr auto kBusyPolling = std::chrono::microseconds(200);
constexpr uint32_t kVmsPerMailboxThread = 4096;
// The most one bulk call moves (gpuvm_launch.bulk_max): a pinned staging
// buffer this large per mailbox thread.
constexpr uint64_t kBulkMax = 1 << 20;
constexpr uint32_t kMaxMailboxThreads = 8;
// How often the host copy of the VMs' network counters (what the bridge and
// `gpuvm stat` read) is refreshed from device memory while the VMs run.
constexpr auto kCounterRefresh = std::chrono::milliseconds(200);

// The bytes gpuvm_ring_init writes at the start of a ring, the only ones it
// writes whatever the ring's size: the header and a zeroed first record
// header. Built once on the host and copied to each ring, so a ring in
// device memory needs no host buffer of its whole size.
constexpr size_t kRingHeadBytes = sizeof(gpuvm_ring) + sizeof(gpuvm_ring_record);
using RingHead = std::array<unsigned char, kRingHeadBytes>;

RingHead ringHead(uint64_t totalBytes) {
  alignas(gpuvm_ring) RingHead head{};
  gpuvm_ring_init(reinterpret_cast<gpuvm_ring *>(head.data()), totalBytes);
  return head;
}

uint64_t alignUp(uint64_t v, uint64_t a) {
  return (v + a - 1) / a * a;
}

uint64_t saturatingProduct(uint64_t a, uint64_t b) {
  uint64_t product;
  return __builtin_mul_overflow(a, b, &product) ? UINT64_MAX : product;
}

uint64_t saturatingSum(uint64_t a, uint64_t b) {
  uint64_t sum;
  return __builtin_add_overflow(a, b, &sum) ? UINT64_MAX : sum;
}

// "sm_90" -> 90, "sm_90a" -> 90 with archSpecific set; nullopt if malformed.
std::optional<int> computeCapability(const char *arch, bool &archSpecific) {
  int value = 0, digits = 0;
  if (std::strncmp(arch, "sm_", 3) != 0)
    return std::nullopt;
  const char *p = arch + 3;
  for (; *p >= '0' && *p <= '9' && digits < 4; ++p, ++digits)
    value = value * 10 + (*p - '0');
  archSpecific = *p == 'a';
  if (digits < 2 || (*p && !(archSpecific && !p[1])))
    return std::nullopt;
  return value;
}

std::string smName(int capability) {
  return "sm_" + std::to_string(capability);
}

// Where the driver keeps what its JIT compiled (CUDA's documented variables),
// for the note about a PTX image's load time.
std::string jitCacheState() {
  const char *disabled = std::getenv("CUDA_CACHE_DISABLE");
  if (disabled && std::string(disabled) == "1")
    return "its JIT cache is off (CUDA_CACHE_DISABLE=1): every launch compiles it";
  const char *path = std::getenv("CUDA_CACHE_PATH");
  const char *size = std::getenv("CUDA_CACHE_MAXSIZE");
  return std::string("it compiles PTX at launch unless its JIT cache (") +
         (path ? path : "~/.nv/ComputeCache") + ", bounded by CUDA_CACHE_MAXSIZE" +
         (size ? std::string("=") + size : std::string()) + ") holds the result";
}

std::string fixed(double value, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

// The first lines of a JIT log joined into one, for a one-line message; ptxas
// repeats an error for every line it occurs on.
std::string oneLine(const char *log) {
  constexpr int kLinesKept = 3;
  std::string line;
  int lines = 0, dropped = 0;
  for (const char *p = log; *p; ++p) {
    if (*p == '\n') {
      ++lines;
      continue;
    }
    if (lines >= kLinesKept) {
      dropped = lines - kLinesKept + 1;
      continue;
    }
    if (!line.empty() && (p == log || p[-1] == '\n'))
      line += "; ";
    if (*p != ' ' || line.empty() || line.back() != ' ')
      line += *p;
  }
  if (dropped > 0)
    line += "; (" + std::to_string(dropped) + " more lines)";
  return line;
}

// What one run() holds in the driver, released in reverse order of creation.
// After a fault the context is unusable and these calls fail; nothing more
// can be done then, so their results are ignored.
// A bulk call's bytes pass through a pinned staging buffer and a stream of
// the serving thread's own, so that the mailbox threads copy at once while
// the VMs run.
class CudaVmMemory final : public VmMemory {
public:
  CudaVmMemory(const CudaDriver &driver, CUcontext context, uint64_t slices, uint64_t sliceSize,
               uint64_t bulkMax)
      : VmMemory(slices, sliceSize, bulkMax), driver_(driver), context_(context) {}
  ~CudaVmMemory() override {
    for (auto &[thread, staging] : staging_) {
      if (staging.stream)
        driver_.cuStreamDestroy(staging.stream);
      if (staging.bytes)
        driver_.cuMemFreeHost(staging.bytes);
    }
  }

  uint8_t *view(uint64_t address, size_t size, bool load) override {
    Staging *mine = staging();
    if (!mine ||
        (load &&
         !finished(driver_.cuMemcpyDtoHAsync(mine->bytes, address, size, mine->stream), *mine)))
      return nullptr;
    return static_cast<uint8_t *>(mine->bytes);
  }

  bool store(uint64_t address, const uint8_t *view, size_t size) override {
    Staging *mine = staging();
    return mine && finished(driver_.cuMemcpyHtoDAsync(address, view, size, mine->stream), *mine);
  }

private:
  struct Staging {
    void *bytes = nullptr;
    CUstream stream = nullptr;
  };

  bool finished(CUresult copy, const Staging &staging) {
    return copy == CUDA_SUCCESS && driver_.cuStreamSynchronize(staging.stream) == CUDA_SUCCESS;
  }

  // The calling thread's, made at its first bulk call; null if that failed.
  Staging *staging() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto [at, fresh] = staging_.try_emplace(std::this_thread::get_id());
    Staging &mine = at->second;
    if (fresh &&
        (driver_.cuCtxSetCurrent(context_) != CUDA_SUCCESS ||
         driver_.cuMemHostAlloc(&mine.bytes, bulkMax(), CU_MEMHOSTALLOC_PORTABLE) != CUDA_SUCCESS ||
         driver_.cuStreamCreate(&mine.stream, CU_STREAM_NON_BLOCKING) != CUDA_SUCCESS))
      mine.stream = nullptr;
    return mine.stream ? &mine : nullptr;
  }

  const CudaDriver &driver_;
  CUcontext context_;
  std::mutex mutex_;
  std::unordered_map<std::thread::id, Staging> staging_;
};

struct LaunchResources {
  const CudaDriver &driver;
  CUdevice device = 0;
  bool contextRetained = false;
  CUmodule module = nullptr;
  CUdeviceptr slices = 0;
  CUdeviceptr kernelPrivate = 0;
  CUdeviceptr arguments = 0;
  CUdeviceptr dataSet = 0;
  void *mailboxes = nullptr;
  CUdeviceptr doorbellTickets = 0;
  void *doorbellSlots = nullptr;
  // The reply relay's slots, then its stop word (mapped host memory).
  void *replySlots = nullptr;
  CUstream stream = nullptr;
  // The network (all null without one): rings and counters on the device,
  // the bridge's two rings in mapped host memory, the pinned buffer the
  // counters are copied through, and the stream that copies them.
  CUdeviceptr uplink = 0;
  CUdeviceptr counters = 0;
  CUdeviceptr exited = 0;
  void *toHost = nullptr;
  void *fromHost = nullptr;
  void *countersStaging = nullptr;
  CUstream copyStream = nullptr;
  // What the bridge and `gpuvm stat` read. A member, so that it outlives
  // the detach() below.
  std::vector<gpuvm_net_counters> hostCounters{};
  net::Network *attached = nullptr;

  // Stops the bridge, which then keeps the last hostCounters it saw.
  void detachNetwork() {
    if (attached)
      attached->detach();
    attached = nullptr;
  }

  ~LaunchResources() {
    // First: the bridge reads the mapped rings and the host counters.
    detachNetwork();
    if (copyStream)
      driver.cuStreamDestroy(copyStream);
    if (stream)
      driver.cuStreamDestroy(stream);
    if (countersStaging)
      driver.cuMemFreeHost(countersStaging);
    if (fromHost)
      driver.cuMemFreeHost(fromHost);
    if (toHost)
      driver.cuMemFreeHost(toHost);
    if (exited)
      driver.cuMemFree(exited);
    if (counters)
      driver.cuMemFree(counters);
    if (uplink)
      driver.cuMemFree(uplink);
    if (replySlots)
      driver.cuMemFreeHost(replySlots);
    if (doorbellSlots)
      driver.cuMemFreeHost(doorbellSlots);
    if (doorbellTickets)
      driver.cuMemFree(doorbellTickets);
    if (mailboxes)
      driver.cuMemFreeHost(mailboxes);
    if (dataSet)
      driver.cuMemFree(dataSet);
    if (arguments)
      driver.cuMemFree(arguments);
    if (kernelPrivate)
      driver.cuMemFree(kernelPrivate);
    if (slices)
      driver.cuMemFree(slices);
    if (module)
      driver.cuModuleUnload(module);
    if (contextRetained)
      driver.cuDevicePrimaryCtxRelease(device);
  }
};

class CudaBackend : public Backend {
public:
  explicit CudaBackend(unsigned gpu) : gpu_(gpu) {}
  std::string name() const override { return "cuda"; }

  std::string unavailableReason(const Image &image) override {
    if (image.info().target != GPUVM_TARGET_NVPTX)
      return "the cuda backend runs nvptx images; this one is for " + image.targetName();
    CUdevice device = 0;
    if (std::string why = openDevice(device); !why.empty())
      return why;
    int deviceCapability = 0;
    if (std::string why = readCapability(device, deviceCapability); !why.empty())
      return why;
    bool archSpecific = false;
    std::optional<int> imageCapability = computeCapability(image.info().arch, archSpecific);
    if (!imageCapability)
      return std::string("the image's arch '") + image.info().arch + "' is not an sm_NN name";
    std::string gpu = "this GPU (" + deviceName(device) + ") is " + smName(deviceCapability);
    if (deviceCapability < *imageCapability)
      return "the image is for " + smName(*imageCapability) + " and newer; " + gpu;
    if (archSpecific && deviceCapability != *imageCapability)
      return std::string("the image is for ") + image.info().arch + " only; " + gpu;
    if (image.format() == ImageFormat::Cubin && deviceCapability / 10 != *imageCapability / 10)
      return "the image is a cubin for " + smName(*imageCapability) +
             ", which runs only on GPUs of the same major version; " + gpu;
    return {};
  }

  std::string run(const Image &image, const LaunchConfig &config, RpcServer &server) override {
    CUdevice device = 0;
    if (std::string why = openDevice(device); !why.empty())
      return why;
    LaunchResources held{driver_, device};
    CUcontext context = nullptr;
    if (CUresult r = driver_.cuDevicePrimaryCtxRetain(&context, device))
      return failed("cuDevicePrimaryCtxRetain", r);
    held.contextRetained = true;
    if (CUresult r = driver_.cuCtxSetCurrent(context))
      return failed("cuCtxSetCurrent", r);

    int capability = 0;
    if (std::string why = readCapability(device, capability); !why.empty())
      return why;
    CUfunction kernel = nullptr;
    if (std::string why = loadModule(image, config.verbose, server.console(), held.module, kernel);
        !why.empty())
      return why;
    int registers = 0, localBytes = 0, maxBlock = 0, smCount = 0, threadsPerSm = 0;
    if (CUresult r = driver_.cuFuncGetAttribute(&registers, CU_FUNC_ATTRIBUTE_NUM_REGS, kernel))
      return failed("cuFuncGetAttribute", r);
    if (CUresult r =
            driver_.cuFuncGetAttribute(&localBytes, CU_FUNC_ATTRIBUTE_LOCAL_SIZE_BYTES, kernel))
      return failed("cuFuncGetAttribute", r);
    if (CUresult r =
            driver_.cuFuncGetAttribute(&maxBlock, CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK, kernel))
      return failed("cuFuncGetAttribute", r);
    if (CUresult r = driver_.cuDeviceGetAttribute(&smCount,
                                                  CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, device))
      return failed("cuDeviceGetAttribute", r);
    if (CUresult r = driver_.cuDeviceGetAttribute(
            &threadsPerSm, CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_MULTIPROCESSOR, device))
      return failed("cuDeviceGetAttribute", r);

    // Set before measuring free memory: the stack is reserved at once, and
    // no smaller than the kernel's own frame, or the launch would grow it.
    if (config.stackSize > kMaxStack)
      return "--stack-size " + formatBytes(config.stackSize) + " is more than cuda allows (" +
             formatBytes(kMaxStack) + "): the driver reserves it for every thread the GPU holds";
    uint64_t stack = config.stackSize ? config.stackSize : kDefaultStack;
    stack = std::max<uint64_t>(stack, uint64_t(localBytes));
    if (CUresult r = driver_.cuCtxSetLimit(CU_LIMIT_STACK_SIZE, stack))
      return failed("cuCtxSetLimit(CU_LIMIT_STACK_SIZE)", r);
    size_t stackSet = 0;
    if (CUresult r = driver_.cuCtxGetLimit(&stackSet, CU_LIMIT_STACK_SIZE))
      return failed("cuCtxGetLimit(CU_LIMIT_STACK_SIZE)", r);

    const uint32_t vmCount = config.vmCount;
    const bool network = config.network != nullptr;
    // The reply relay's warp, then the VMs, then the device's half of the
    // bridge.
    const uint64_t threads = GPUVM_RELAY_THREADS + uint64_t(vmCount) + (network ? 1 : 0);
    const unsigned block = std::min<unsigned>(kBlockSize, unsigned(std::max(maxBlock, 1)));
    const unsigned grid = unsigned((threads + block - 1) / block);
    int blocksPerSm = 0;
    if (CUresult r =
            driver_.cuOccupancyMaxActiveBlocksPerMultiprocessor(&blocksPerSm, kernel, block, 0))
      return failed("cuOccupancyMaxActiveBlocksPerMultiprocessor", r);
    const uint64_t resident = uint64_t(blocksPerSm) * uint64_t(smCount) * block;
    // Without the network a VM past `resident` starts when another exits.
    // The bridge's thread, in the last block, would then never start while
    // servers run, and every VM must be able to reach it.
    if (network && resident < threads)
      return "with the network on, every VM and the bridge's GPU thread must run at once: "
             "this GPU holds " +
             std::to_string(resident) + " threads of " + image.info().entry + " (" +
             std::to_string(registers) + " registers each), so at most " +
             std::to_string(resident > GPUVM_RELAY_THREADS + 1 ? resident - GPUVM_RELAY_THREADS - 1
                                                               : 0) +
             " VMs, not " + std::to_string(vmCount);

    const uint64_t slice = alignUp(config.memPerVm, kSliceAlignment);
    // Device memory besides the slices: each VM's kernel-private block and,
    // with a network, its counters, the uplink ring and the count of exited VMs.
    const uint64_t perVmBesides =
        GPUVM_KERNEL_PRIVATE_BYTES + (network ? sizeof(gpuvm_net_counters) : 0);
    const uint64_t netFixed = network ? net::kUplinkBytes + sizeof(uint32_t) : 0;
    size_t freeBytes = 0, totalBytes = 0;
    if (CUresult r = driver_.cuMemGetInfo(&freeBytes, &totalBytes))
      return failed("cuMemGetInfo", r);
    uint64_t usable = freeBytes > kDriverHeadroom ? freeBytes - kDriverHeadroom : 0;
    uint64_t slicesBytes = saturatingProduct(slice, vmCount);
    uint64_t neededBytes =
        saturatingSum(saturatingProduct(slice + perVmBesides, vmCount), netFixed);
    if (neededBytes > usable)
      return std::to_string(vmCount) + " VMs × " + formatBytes(slice) +
             (network ? " with their network counters and the uplink ring" : "") + " = " +
             formatBytes(neededBytes) + " exceeds the GPU's free memory " + formatBytes(freeBytes) +
             "; at most " +
             std::to_string(usable > netFixed ? (usable - netFixed) / (slice + perVmBesides) : 0) +
             " VMs of " + formatBytes(slice) + " fit";

    if (CUresult r = driver_.cuMemAlloc(&held.slices, slicesBytes))
      return failed("cuMemAlloc (VM memory slices)", r);
    // A VM's memory starts zeroed, as a Linux process's pages do: cuMemAlloc
    // hands back whatever the GPU's memory held before, another run's VMs'
    // data among it, and programs that read what they never wrote would
    // see it. One fill, stream ordered before the templates and ring heads
    // copied in below.
    static_assert(kSliceAlignment % sizeof(uint32_t) == 0);
    if (CUresult r = driver_.cuMemsetD32(held.slices, 0, slicesBytes / sizeof(uint32_t)))
      return failed("cuMemsetD32 (VM memory slices)", r);
    const size_t kernelPrivateBytes = size_t(vmCount) * GPUVM_KERNEL_PRIVATE_BYTES;
    if (CUresult r = driver_.cuMemAlloc(&held.kernelPrivate, kernelPrivateBytes))
      return failed("cuMemAlloc (the VMs' kernel-private memory)", r);
    static_assert(GPUVM_KERNEL_PRIVATE_BYTES % sizeof(uint32_t) == 0);
    if (CUresult r = driver_.cuMemsetD32(held.kernelPrivate, 0, kernelPrivateBytes / 4))
      return failed("cuMemsetD32 (the VMs' kernel-private memory)", r);
    CUdeviceptr mailboxesOnDevice = 0;
    if (std::string why = mappedHostMemory(held.mailboxes, size_t(vmCount) * sizeof(gpuvm_mailbox),
                                           mailboxesOnDevice, "mailboxes");
        !why.empty())
      return why;
    // Doorbells: the tickets in device memory, where the VMs' atomics stay
    // on the GPU; the slots in mapped host memory, which the host polls.
    gpuvm_doorbells bells = MailboxService::doorbellLayout(vmCount, mailboxThreadCount(vmCount));
    if (CUresult r = driver_.cuMemAlloc(&held.doorbellTickets, MailboxService::ticketBytes(bells)))
      return failed("cuMemAlloc (doorbell tickets)", r);
    if (CUresult r = driver_.cuMemsetD32(held.doorbellTickets, 0, bells.queue_count))
      return failed("cuMemsetD32 (doorbell tickets)", r);
    CUdeviceptr slotsOnDevice = 0;
    if (std::string why = mappedHostMemory(held.doorbellSlots, MailboxService::slotBytes(bells),
                                           slotsOnDevice, "doorbell slots");
        !why.empty())
      return why;
    bells.tickets = held.doorbellTickets;
    bells.slots = slotsOnDevice;
    uint64_t *replySlots = nullptr;
    uint32_t *replyStop = nullptr;
    if (config.replyRelay) {
      CUdeviceptr repliesOnDevice = 0;
      if (std::string why =
              mappedHostMemory(held.replySlots, MailboxService::slotBytes(bells) + sizeof(uint64_t),
                               repliesOnDevice, "reply slots");
          !why.empty())
        return why;
      replySlots = static_cast<uint64_t *>(held.replySlots);
      replyStop = reinterpret_cast<uint32_t *>(replySlots +
                                               MailboxService::slotBytes(bells) / sizeof(uint64_t));
      bells.replies = repliesOnDevice;
      bells.replies_stop = repliesOnDevice + MailboxService::slotBytes(bells);
    }
    std::vector<char> arguments = packArguments(config);
    if (!arguments.empty()) {
      if (CUresult r = driver_.cuMemAlloc(&held.arguments, arguments.size()))
        return failed("cuMemAlloc (arguments)", r);
      if (CUresult r = driver_.cuMemcpyHtoD(held.arguments, arguments.data(), arguments.size()))
        return failed("cuMemcpyHtoD (arguments)", r);
    }
    // The data set in device memory, its files on page boundaries as in the
    // host's block (cuMemAlloc promises 256 bytes of alignment).
    CUdeviceptr dataSet = 0;
    if (config.dataSet) {
      uint64_t bytes = config.dataSet->size();
      if (CUresult r = driver_.cuMemAlloc(&held.dataSet, bytes + GPUVM_DATA_SET_PAGE))
        return failed("cuMemAlloc (--ro-root's " + formatBytes(bytes) +
                          " data set; lower --ro-root-memory to load less of it)",
                      r);
      dataSet = (held.dataSet + GPUVM_DATA_SET_PAGE - 1) & ~CUdeviceptr(GPUVM_DATA_SET_PAGE - 1);
      if (CUresult r = driver_.cuMemcpyHtoD(dataSet, config.dataSet->block(), bytes))
        return failed("cuMemcpyHtoD (data set)", r);
    }

    gpuvm_launch launch{};
    launch.slices = held.slices;
    launch.slice_size = slice;
    launch.mailboxes = mailboxesOnDevice;
    launch.doorbells = bells;
    launch.bulk_max = kBulkMax;
    launch.vm_count = vmCount;
    launch.argc = uint32_t(config.argv.size());
    launch.envc = uint32_t(config.env.size());
    launch.hostnamec = !config.hostname.empty();
    launch.stack_size = stackSet;
    launch.args = held.arguments;
    launch.args_size = arguments.size();
    launch.data_set = dataSet;
    launch.kernel_private = held.kernelPrivate;
    if (std::string why = confinementOf(held.module, launch.confinement); !why.empty())
      return why;
    launch.confinement.max_run_ns = config.maxRunNs;
    launch.limits = {config.maxFiles, config.maxSockets, config.consoleBytesPerSecond};
    if (network)
      if (std::string why = prepareNetwork(config, device, slice, held, launch.net); !why.empty())
        return why;
    CUdeviceptr launchOnDevice = 0;
    size_t launchSize = 0;
    if (CUresult r = driver_.cuModuleGetGlobal(&launchOnDevice, &launchSize, held.module,
                                               GPUVM_LAUNCH_SYMBOL))
      return failed("cuModuleGetGlobal(" GPUVM_LAUNCH_SYMBOL ")", r);
    if (launchSize != sizeof launch)
      return "the image's " GPUVM_LAUNCH_SYMBOL " has " + std::to_string(launchSize) +
             " bytes, this runtime writes " + std::to_string(sizeof launch) +
             " (made by another gpuvm version?)";
    if (CUresult r = driver_.cuMemcpyHtoD(launchOnDevice, &launch, sizeof launch))
      return failed("cuMemcpyHtoD (" GPUVM_LAUNCH_SYMBOL ")", r);
    // The copies and memsets above went to the legacy default stream, which
    // the kernel's non-blocking stream does not wait for, and a copy from
    // pageable memory may return before its DMA has landed.
    if (CUresult r = driver_.cuStreamSynchronize(nullptr))
      return failed("cuStreamSynchronize (launch data)", r);

    if (config.verbose) {
      std::string line = "cuda: " + deviceName(device) + " (" + smName(capability) + ", " +
                         std::to_string(smCount) + " SMs, " + formatBytes(freeBytes) + " free); " +
                         image.info().entry + ": " + std::to_string(registers) + " registers and " +
                         std::to_string(localBytes) + " bytes local memory per thread; stack " +
                         formatBytes(stackSet) + " per thread (" +
                         formatBytes(uint64_t(stackSet) * uint64_t(threadsPerSm) * smCount) +
                         " reserved); " + std::to_string(vmCount) + " VMs of " +
                         formatBytes(slice) +
                         (config.replyRelay ? ", the reply relay's warp" : "") +
                         (network ? " and the bridge's thread" : "") + " in " +
                         std::to_string(grid) + " blocks of " + std::to_string(block) + ", " +
                         std::to_string(resident) + " resident at once";
      if (resident < threads)
        line += "; the other " + std::to_string(threads - resident) + " start as others finish";
      server.console().note(line);
      if (network)
        server.console().note("cuda: network: " + formatBytes(config.rxRingBytes) +
                              " inbound ring at the top of each VM's slice, a " +
                              formatBytes(net::kUplinkBytes) +
                              " uplink ring in device memory; thread " +
                              std::to_string(GPUVM_RELAY_THREADS + vmCount) +
                              " carries the bridge through two " + formatBytes(net::kUplinkBytes) +
                              " rings in mapped host memory; counters copied to the host every " +
                              std::to_string(kCounterRefresh.count()) + " ms");
    }

    if (CUresult r = driver_.cuStreamCreate(&held.stream, CU_STREAM_NON_BLOCKING))
      return failed("cuStreamCreate", r);
    MailboxService mailboxes(held.mailboxes, vmCount, server, bells,
                             static_cast<const uint64_t *>(held.doorbellSlots), replySlots,
                             replyStop);
    CudaVmMemory memory(driver_, context, held.slices, slice, kBulkMax);
    server.setVmMemory(&memory);
    struct Unset {
      RpcServer &server;
      ~Unset() { server.setVmMemory(nullptr); }
    } unset{server};
    if (network)
      attachNetwork(*config.network, held);
    MailboxThread mailboxThread(mailboxes);
    if (CUresult r = driver_.cuLaunchKernel(kernel, grid, 1, 1, block, 1, 1, 0, held.stream,
                                            nullptr, nullptr))
      return failed("cuLaunchKernel", r);
    CUresult kernelState = watchUntilKernelEnds(mailboxThread, held);
    if (network) {
      // The VMs' last counts, which detach() keeps for `gpuvm stat`; after a
      // fault the copy fails and the last periodic copy stands.
      refreshCounters(held);
      held.detachNetwork();
    }
    if (std::string times = mailboxes.exitTimes(); config.verbose && !times.empty())
      server.console().note("cuda: " + times);
    if (kernelState != CUDA_SUCCESS)
      return "the GPU faulted: " + driver_.describe(kernelState) +
             "; on CUDA a fault in one VM ends every VM of the launch";
    if (uint32_t exited = server.exitedCount(); exited != vmCount)
      return "the kernel ended but " + std::to_string(vmCount - exited) + " of " +
             std::to_string(vmCount) + " VMs never reported an exit";
    return {};
  }

private:
  // Host threads serving the VMs' mailboxes: one per kVmsPerMailboxThread
  // VMs, at most kMaxMailboxThreads and half the cores (the bridge and the
  // console need some).
  static uint32_t mailboxThreadCount(uint32_t vmCount) {
    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return std::max(1u, std::min({kMaxMailboxThreads, std::max(1u, cores / 2),
                                  (vmCount + kVmsPerMailboxThread - 1) / kVmsPerMailboxThread}));
  }

  // Serves the VMs' mailboxes from threads of their own, started before the
  // launch: a profiler (ncu) holds the launching thread inside
  // cuLaunchKernel until the kernel ends, and the VMs cannot end while
  // their host calls go unanswered. A host call costs system calls (files,
  // logs), so many VMs share the work among several threads, each serving
  // its own doorbell queue.
  class MailboxThread {
  public:
    explicit MailboxThread(MailboxService &mailboxes) {
      for (uint32_t queue = 0; queue < mailboxes.queueCount(); ++queue)
        threads_.emplace_back([this, &mailboxes, queue] { serve(mailboxes, queue); });
    }
    ~MailboxThread() { stop(); }
    // After the kernel ended: serves what was posted last, then stops.
    void stop() {
      kernelEnded_.store(true, std::memory_order_release);
      for (std::thread &thread : threads_)
        if (thread.joinable())
          thread.join();
    }
    bool allExited() const { return allExited_.load(std::memory_order_acquire); }

  private:
    // A thread that served a call lately polls its queue without sleeping
    // (a VM in a loop of calls posts again within microseconds); an idle
    // one sleeps between looks, leaving the cores to the bridge.
    void serve(MailboxService &mailboxes, uint32_t queue) {
      auto lastServed = std::chrono::steady_clock::now();
      while (!kernelEnded_.load(std::memory_order_acquire)) {
        uint32_t served = mailboxes.serveQueue(queue);
        if (mailboxes.allExited())
          break;
        auto now = std::chrono::steady_clock::now();
        if (served)
          lastServed = now;
        else if (now - lastServed > kBusyPolling)
          std::this_thread::sleep_for(kIdlePause);
      }
      mailboxes.serveQueue(queue); // exits posted just before the kernel ended
      if (mailboxes.allExited())
        allExited_.store(true, std::memory_order_release);
    }

    std::atomic<bool> kernelEnded_{false}, allExited_{false};
    std::vector<std::thread> threads_;
  };

  // Refreshes the host's copy of the network counters until every VM has
  // exited or the kernel has ended, then waits for the kernel and the
  // mailbox thread; returns how the kernel ended.
  CUresult watchUntilKernelEnds(MailboxThread &mailboxThread, LaunchResources &held) {
    const CUstream stream = held.stream;
    CUresult state = CUDA_ERROR_NOT_READY;
    auto nextRefresh = std::chrono::steady_clock::now() + kCounterRefresh;
    while (!mailboxThread.allExited()) {
      if (held.counters) {
        auto now = std::chrono::steady_clock::now();
        if (now >= nextRefresh) {
          refreshCounters(held); // a failure here is a fault, which the query below reports
          nextRefresh = now + kCounterRefresh;
        }
      }
      state = driver_.cuStreamQuery(stream);
      if (state != CUDA_ERROR_NOT_READY)
        break;
      std::this_thread::sleep_for(kIdlePause);
    }
    CUresult finished = driver_.cuStreamSynchronize(stream);
    mailboxThread.stop();
    return state == CUDA_ERROR_NOT_READY || state == CUDA_SUCCESS ? finished : state;
  }

  // The network's device half (abi/gpuvm/net.h): every VM's inbound ring
  // and the uplink ring in device memory; to_host and from_host, which the
  // host bridge shares with the device's bridge thread, in mapped host
  // memory; the exit count; the counters in device memory, where the VMs
  // update them at device speed, with a host copy. Fills `net`.
  // Confined images: the device range of their constants and the sorted
  // entries of the functions their VMs may call through a pointer, put back
  // in the image's own table (the addresses in both are the device's,
  // relocated at load). Unconfined ones have neither and leave them empty.
  std::string confinementOf(CUmodule module, gpuvm_confinement &out) {
    std::vector<uint64_t> bounds, entries;
    CUdeviceptr entriesOnDevice = 0;
    if (std::string why = readTable(module, GPUVM_CONSTANT_BOUNDS_SYMBOL, bounds, nullptr);
        !why.empty())
      return why;
    if (std::string why =
            readTable(module, GPUVM_FUNCTION_ENTRIES_SYMBOL, entries, &entriesOnDevice);
        !why.empty())
      return why;
    ReadonlyRange range = readonlyRange(bounds);
    out.readonly = range.start;
    out.readonly_size = range.size;
    entries = sortedEntries(std::move(entries));
    if (!entries.empty())
      if (CUresult r = driver_.cuMemcpyHtoD(entriesOnDevice, entries.data(), entries.size() * 8))
        return failed("cuMemcpyHtoD (" GPUVM_FUNCTION_ENTRIES_SYMBOL ")", r);
    out.entries = entriesOnDevice;
    out.entry_count = entries.size();
    return {};
  }

  // A table of 64-bit words the image defines; empty where it has none.
  std::string readTable(CUmodule module, const char *symbol, std::vector<uint64_t> &words,
                        CUdeviceptr *where) {
    CUdeviceptr table = 0;
    size_t bytes = 0;
    if (driver_.cuModuleGetGlobal(&table, &bytes, module, symbol) != CUDA_SUCCESS)
      return {};
    words.resize(bytes / 8);
    if (words.empty())
      return {};
    if (CUresult r = driver_.cuMemcpyDtoH(words.data(), table, words.size() * 8))
      return failed(std::string("cuMemcpyDtoH (") + symbol + ")", r);
    if (where)
      *where = table;
    return {};
  }

  std::string prepareNetwork(const LaunchConfig &config, CUdevice device, uint64_t slice,
                             LaunchResources &held, gpuvm_net_launch &net) {
    const uint32_t vmCount = config.vmCount;
    const uint64_t rxRing = config.rxRingBytes;

    // Every VM's ring head in one strided copy from a replicated image:
    // 100k small copies would take seconds. The slices are not zeroed, so
    // the first record header must be written too (gpuvm_ring_init says
    // why).
    const RingHead vmHead = ringHead(rxRing);
    std::vector<unsigned char> heads(size_t(vmCount) * kRingHeadBytes);
    for (uint32_t vm = 0; vm < vmCount; ++vm)
      std::memcpy(heads.data() + size_t(vm) * kRingHeadBytes, vmHead.data(), kRingHeadBytes);
    const CUdeviceptr firstRing =
        reinterpret_cast<uintptr_t>(gpuvm_vm_ring(held.slices, slice, rxRing, 0));
    int maxPitch = 0;
    if (CUresult r = driver_.cuDeviceGetAttribute(&maxPitch, CU_DEVICE_ATTRIBUTE_MAX_PITCH, device))
      return failed("cuDeviceGetAttribute", r);
    if (slice <= uint64_t(std::max(maxPitch, 0))) {
      CUDA_MEMCPY2D copy;
      copy.srcMemoryType = CU_MEMORYTYPE_HOST;
      copy.srcHost = heads.data();
      copy.srcPitch = kRingHeadBytes;
      copy.dstMemoryType = CU_MEMORYTYPE_DEVICE;
      copy.dstDevice = firstRing;
      copy.dstPitch = slice;
      copy.WidthInBytes = kRingHeadBytes;
      copy.Height = vmCount;
      if (CUresult r = driver_.cuMemcpy2D(&copy))
        return failed("cuMemcpy2D (VM packet rings)", r);
    } else {
      // Slices too large for a pitch are few (the memory check allowed them).
      for (uint32_t vm = 0; vm < vmCount; ++vm)
        if (CUresult r = driver_.cuMemcpyHtoD(firstRing + uint64_t(vm) * slice, vmHead.data(),
                                              kRingHeadBytes))
          return failed("cuMemcpyHtoD (VM packet rings)", r);
    }

    if (CUresult r = driver_.cuMemAlloc(&held.uplink, net::kUplinkBytes))
      return failed("cuMemAlloc (uplink ring)", r);
    const RingHead uplinkHead = ringHead(net::kUplinkBytes);
    if (CUresult r = driver_.cuMemcpyHtoD(held.uplink, uplinkHead.data(), kRingHeadBytes))
      return failed("cuMemcpyHtoD (uplink ring)", r);

    // Single-producer rings, so the GPU needs no atomics across the bus.
    CUdeviceptr toHostOnDevice = 0, fromHostOnDevice = 0;
    for (auto [ring, onDevice] :
         {std::pair{&held.toHost, &toHostOnDevice}, std::pair{&held.fromHost, &fromHostOnDevice}}) {
      if (std::string why = mappedHostMemory(*ring, net::kUplinkBytes, *onDevice, "bridge rings");
          !why.empty())
        return why;
      gpuvm_ring_init(static_cast<gpuvm_ring *>(*ring), net::kUplinkBytes);
    }

    if (CUresult r = driver_.cuMemAlloc(&held.exited, sizeof(uint32_t)))
      return failed("cuMemAlloc (exit count)", r);
    if (CUresult r = driver_.cuMemsetD32(held.exited, 0, 1))
      return failed("cuMemsetD32 (exit count)", r);

    const size_t countersBytes = size_t(vmCount) * sizeof(gpuvm_net_counters);
    static_assert(sizeof(gpuvm_net_counters) % sizeof(uint64_t) == 0);
    if (CUresult r = driver_.cuMemAlloc(&held.counters, countersBytes))
      return failed("cuMemAlloc (network counters)", r);
    if (CUresult r = driver_.cuMemsetD32(held.counters, 0, countersBytes / sizeof(uint32_t)))
      return failed("cuMemsetD32 (network counters)", r);
    // Pinned, so the periodic copy is one DMA that never waits on the kernel.
    if (CUresult r = driver_.cuMemHostAlloc(&held.countersStaging, countersBytes, 0))
      return failed("cuMemHostAlloc (network counters)", r);
    held.hostCounters.assign(vmCount, gpuvm_net_counters{});
    if (CUresult r = driver_.cuStreamCreate(&held.copyStream, CU_STREAM_NON_BLOCKING))
      return failed("cuStreamCreate", r);

    const net::NetOptions &options = config.network->options();
    std::copy(std::begin(options.prefix.bytes), std::end(options.prefix.bytes), net.prefix);
    net.mtu = options.mtu;
    net.flags = GPUVM_NET_ENABLED;
    net.rx_ring_bytes = rxRing;
    net.uplink = held.uplink;
    net.counters = held.counters;
    net.to_host = toHostOnDevice;
    net.from_host = fromHostOnDevice;
    net.exited = held.exited;
    return {};
  }

  // Starts the host bridge on the rings prepareNetwork made.
  void attachNetwork(net::Network &network, LaunchResources &held) {
    net::DeviceLink link;
    link.uplink = static_cast<gpuvm_ring *>(held.toHost);
    link.counters = held.hostCounters.data();
    // The device's bridge thread routes by destination address, so `vm` is
    // not needed here; true means the packet reached the device, whose
    // thread counts a full VM ring in that ring's drops.
    auto *fromHost = static_cast<gpuvm_ring *>(held.fromHost);
    link.deliver = [fromHost](uint32_t, const gpuvm_ring_part *parts, int count, uint32_t length) {
      return gpuvm_ring_push(fromHost, parts, count, length) != 0;
    };
    network.attach(link);
    held.attached = &network;
  }

  // Copies the VMs' counters from device memory into the host copy. The
  // copy goes through a separate non-blocking stream, so it runs beside the
  // persistent kernel, and through a staging buffer, so the host copy is
  // written word by word with atomic stores: the bridge and `gpuvm stat`
  // read it meanwhile. A word may be a few increments old, never torn.
  CUresult refreshCounters(LaunchResources &held) {
    const size_t bytes = held.hostCounters.size() * sizeof(gpuvm_net_counters);
    if (CUresult r =
            driver_.cuMemcpyDtoHAsync(held.countersStaging, held.counters, bytes, held.copyStream))
      return r;
    if (CUresult r = driver_.cuStreamSynchronize(held.copyStream))
      return r;
    const auto *from = static_cast<const uint64_t *>(held.countersStaging);
    auto *to = reinterpret_cast<uint64_t *>(held.hostCounters.data());
    for (size_t i = 0; i < bytes / sizeof(uint64_t); ++i)
      __atomic_store_n(to + i, from[i], __ATOMIC_RELAXED);
    return CUDA_SUCCESS;
  }

  std::string failed(const std::string &call, CUresult result) const {
    return call + " failed: " + driver_.describe(result);
  }

  // Zeroed pinned host memory that the GPU maps: `held` is the host's
  // address (the launch's to free), `onDevice` the GPU's.
  std::string mappedHostMemory(void *&held, size_t bytes, CUdeviceptr &onDevice,
                               const std::string &what) {
    if (CUresult r = driver_.cuMemHostAlloc(&held, bytes,
                                            CU_MEMHOSTALLOC_DEVICEMAP | CU_MEMHOSTALLOC_PORTABLE))
      return failed("cuMemHostAlloc (" + what + ")", r);
    std::memset(held, 0, bytes);
    if (CUresult r = driver_.cuMemHostGetDevicePointer(&onDevice, held, 0))
      return failed("cuMemHostGetDevicePointer (" + what + ")", r);
    return {};
  }

  // Loads the driver, initializes it and picks device 0.
  std::string openDevice(CUdevice &device) {
    std::string error;
    if (!driver_.load(error))
      return error;
    if (CUresult r = driver_.cuInit(0)) {
      if (r == CUDA_ERROR_NO_DEVICE)
        return "no NVIDIA GPU";
      return failed("cuInit", r);
    }
    int count = 0;
    if (CUresult r = driver_.cuDeviceGetCount(&count))
      return failed("cuDeviceGetCount", r);
    if (count == 0)
      return "no NVIDIA GPU";
    if (gpu_ >= unsigned(count))
      return "--gpu " + std::to_string(gpu_) + ": this machine has " + std::to_string(count) +
             " NVIDIA GPU" +
             (count == 1 ? " (--gpu 0)" : "s (--gpu 0 to " + std::to_string(count - 1) + ")");
    if (CUresult r = driver_.cuDeviceGet(&device, int(gpu_)))
      return failed("cuDeviceGet", r);
    return {};
  }

  std::string readCapability(CUdevice device, int &capability) {
    int major = 0, minor = 0;
    if (CUresult r = driver_.cuDeviceGetAttribute(
            &major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, device))
      return failed("cuDeviceGetAttribute", r);
    if (CUresult r = driver_.cuDeviceGetAttribute(
            &minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, device))
      return failed("cuDeviceGetAttribute", r);
    capability = major * 10 + minor;
    return {};
  }

  std::string deviceName(CUdevice device) {
    char name[256] = {};
    if (driver_.cuDeviceGetName(name, sizeof name - 1, device) != CUDA_SUCCESS)
      return "device 0";
    return name;
  }

  std::string loadModule(const Image &image, bool verbose, Console &console, CUmodule &module,
                         CUfunction &kernel) {
    // The driver reads PTX as a NUL-terminated string.
    std::string ptx;
    const void *moduleImage = image.bytes().data();
    if (image.format() == ImageFormat::PtxText) {
      ptx.assign(image.bytes().begin(), image.bytes().end());
      moduleImage = ptx.c_str();
    }
    std::vector<char> infoLog(kJitLogBytes), errorLog(kJitLogBytes);
    CUjit_option options[] = {CU_JIT_INFO_LOG_BUFFER, CU_JIT_INFO_LOG_BUFFER_SIZE_BYTES,
                              CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES};
    void *values[] = {infoLog.data(), reinterpret_cast<void *>(uintptr_t(infoLog.size() - 1)),
                      errorLog.data(), reinterpret_cast<void *>(uintptr_t(errorLog.size() - 1))};
    auto start = std::chrono::steady_clock::now();
    if (CUresult r = driver_.cuModuleLoadDataEx(&module, moduleImage, 4, options, values)) {
      std::string why = failed("cuModuleLoadDataEx", r);
      if (errorLog[0])
        why += ": " + oneLine(errorLog.data());
      return why;
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // A PTX image (built where ptxas was missing) is compiled by the driver at
    // every launch unless its JIT cache holds the result: say what it cost.
    if (image.format() == ImageFormat::PtxText && (verbose || seconds >= kJitNoteSeconds))
      console.note("cuda: the driver took " + fixed(seconds, 3) + " s to load this PTX image: " +
                   jitCacheState() + "; an image built where ptxas is found is a cubin");
    if (verbose && infoLog[0])
      console.note("cuda: JIT: " + oneLine(infoLog.data()));
    if (CUresult r = driver_.cuModuleGetFunction(&kernel, module, image.info().entry))
      return failed(("cuModuleGetFunction(" + std::string(image.info().entry) + ")").c_str(), r);
    return {};
  }

  CudaDriver driver_;
  unsigned gpu_;
};

} // namespace

std::unique_ptr<Backend> makeCudaBackend(unsigned gpu) {
  return std::make_unique<CudaBackend>(gpu);
}

} // namespace gpuvm::runtime
