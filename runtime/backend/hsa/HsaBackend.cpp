// HSA backend: amdgcn images (AMDGPU code objects) run on an AMD GPU through
// ROCr, as one persistent kernel whose work-groups are one work-item each:
// one wavefront per VM (DESIGN.md decision 4). ROCr comes from
// libhsa-runtime64.so.1 at run time (decision 9); <hsa/hsa.h> is included for
// its types and constants only, and nothing links against ROCr.
//
// Untested on hardware: no AMD GPU has been available to the project. The
// path up to hsa_init has run against Debian's ROCr 5.2 on a machine without
// /dev/kfd; the rest, written from the HSA and ROCr headers and sources, has
// run only against a stand-in library that mimics those calls, never on a GPU.
#include "backend/Backend.h"
#include "backend/MailboxService.h"

#include "gpuvm/launch.h"

#include <hsa/hsa.h>
#include <hsa/hsa_ext_amd.h>

#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace gpuvm::runtime {

namespace {

constexpr uint64_t kSliceAlignment = 256;
// As on CUDA, scratch is reserved for every wavefront the GPU holds: a small
// default, and requests above kMaxStack refused.
constexpr uint64_t kMaxStack = 64 << 10;
constexpr uint64_t kDefaultStack = 16 << 10;
constexpr uint32_t kQueueSize = 64;
constexpr double kIdleWaitSeconds = 20e-6;

uint64_t alignUp(uint64_t v, uint64_t a) {
  return (v + a - 1) / a * a;
}

uint64_t saturatingProduct(uint64_t a, uint64_t b) {
  uint64_t product;
  return __builtin_mul_overflow(a, b, &product) ? UINT64_MAX : product;
}

// "gfx90a" from "amdgcn-amd-amdhsa--gfx90a:sramecc+:xnack-" or "gfx90a:xnack+".
std::string processorOf(const std::string &isaOrArch) {
  size_t start = isaOrArch.rfind("--");
  start = start == std::string::npos ? 0 : start + 2;
  return isaOrArch.substr(start, isaOrArch.find(':', start) - start);
}

// The ROCr entry points we use, resolved from libhsa-runtime64.so.1. Each
// member has the name and type of the function <hsa/hsa.h> declares; calling
// the declared function instead of the member would fail to link.
struct HsaRuntime {
  HsaRuntime() = default;
  HsaRuntime(const HsaRuntime &) = delete;
  HsaRuntime &operator=(const HsaRuntime &) = delete;
  ~HsaRuntime() {
    if (library)
      dlclose(library);
  }

  bool load(std::string &error);
  std::string describe(hsa_status_t status) const {
    const char *text = nullptr;
    if (hsa_status_string(status, &text) != HSA_STATUS_SUCCESS || !text)
      return "HSA status " + std::to_string(int(status));
    // ROCr's texts run to several sentences; the first names the error.
    std::string line = text;
    line = line.substr(0, line.find(". "));
    std::replace(line.begin(), line.end(), '\n', ' ');
    return line;
  }

  void *library = nullptr;
  decltype(&::hsa_init) hsa_init = nullptr;
  decltype(&::hsa_shut_down) hsa_shut_down = nullptr;
  decltype(&::hsa_status_string) hsa_status_string = nullptr;
  decltype(&::hsa_system_get_info) hsa_system_get_info = nullptr;
  decltype(&::hsa_iterate_agents) hsa_iterate_agents = nullptr;
  decltype(&::hsa_agent_get_info) hsa_agent_get_info = nullptr;
  decltype(&::hsa_agent_iterate_isas) hsa_agent_iterate_isas = nullptr;
  decltype(&::hsa_isa_get_info_alt) hsa_isa_get_info_alt = nullptr;
  decltype(&::hsa_amd_agent_iterate_memory_pools) hsa_amd_agent_iterate_memory_pools = nullptr;
  decltype(&::hsa_amd_memory_pool_get_info) hsa_amd_memory_pool_get_info = nullptr;
  decltype(&::hsa_amd_memory_pool_allocate) hsa_amd_memory_pool_allocate = nullptr;
  decltype(&::hsa_amd_memory_pool_free) hsa_amd_memory_pool_free = nullptr;
  decltype(&::hsa_amd_agents_allow_access) hsa_amd_agents_allow_access = nullptr;
  decltype(&::hsa_amd_register_system_event_handler) hsa_amd_register_system_event_handler =
      nullptr;
  decltype(&::hsa_memory_copy) hsa_memory_copy = nullptr;
  decltype(&::hsa_code_object_reader_create_from_memory) hsa_code_object_reader_create_from_memory =
      nullptr;
  decltype(&::hsa_code_object_reader_destroy) hsa_code_object_reader_destroy = nullptr;
  decltype(&::hsa_executable_create_alt) hsa_executable_create_alt = nullptr;
  decltype(&::hsa_executable_load_agent_code_object) hsa_executable_load_agent_code_object =
      nullptr;
  decltype(&::hsa_executable_freeze) hsa_executable_freeze = nullptr;
  decltype(&::hsa_executable_destroy) hsa_executable_destroy = nullptr;
  decltype(&::hsa_executable_get_symbol_by_name) hsa_executable_get_symbol_by_name = nullptr;
  decltype(&::hsa_executable_symbol_get_info) hsa_executable_symbol_get_info = nullptr;
  decltype(&::hsa_queue_create) hsa_queue_create = nullptr;
  decltype(&::hsa_queue_destroy) hsa_queue_destroy = nullptr;
  decltype(&::hsa_queue_add_write_index_scacq_screl) hsa_queue_add_write_index_scacq_screl =
      nullptr;
  decltype(&::hsa_signal_create) hsa_signal_create = nullptr;
  decltype(&::hsa_signal_destroy) hsa_signal_destroy = nullptr;
  decltype(&::hsa_signal_store_screlease) hsa_signal_store_screlease = nullptr;
  decltype(&::hsa_signal_load_scacquire) hsa_signal_load_scacquire = nullptr;
  decltype(&::hsa_signal_wait_scacquire) hsa_signal_wait_scacquire = nullptr;
};

template <typename Function>
bool resolve(void *library, const char *symbol, Function &out, std::string &error) {
  out = reinterpret_cast<Function>(dlsym(library, symbol));
  if (!out)
    error = std::string("ROCm runtime too old: libhsa-runtime64.so.1 has no ") + symbol;
  return out != nullptr;
}

#define GPUVM_RESOLVE(name) resolve(library, #name, name, error)

bool HsaRuntime::load(std::string &error) {
  if (library)
    return true;
  void *opened = dlopen("libhsa-runtime64.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!opened) {
    error = "no ROCm runtime: libhsa-runtime64.so.1 not found";
    return false;
  }
  library = opened;
  bool resolved =
      GPUVM_RESOLVE(hsa_init) && GPUVM_RESOLVE(hsa_shut_down) && GPUVM_RESOLVE(hsa_status_string) &&
      GPUVM_RESOLVE(hsa_system_get_info) && GPUVM_RESOLVE(hsa_iterate_agents) &&
      GPUVM_RESOLVE(hsa_agent_get_info) && GPUVM_RESOLVE(hsa_agent_iterate_isas) &&
      GPUVM_RESOLVE(hsa_isa_get_info_alt) && GPUVM_RESOLVE(hsa_amd_agent_iterate_memory_pools) &&
      GPUVM_RESOLVE(hsa_amd_memory_pool_get_info) && GPUVM_RESOLVE(hsa_amd_memory_pool_allocate) &&
      GPUVM_RESOLVE(hsa_amd_memory_pool_free) && GPUVM_RESOLVE(hsa_amd_agents_allow_access) &&
      GPUVM_RESOLVE(hsa_amd_register_system_event_handler) && GPUVM_RESOLVE(hsa_memory_copy) &&
      GPUVM_RESOLVE(hsa_code_object_reader_create_from_memory) &&
      GPUVM_RESOLVE(hsa_code_object_reader_destroy) && GPUVM_RESOLVE(hsa_executable_create_alt) &&
      GPUVM_RESOLVE(hsa_executable_load_agent_code_object) &&
      GPUVM_RESOLVE(hsa_executable_freeze) && GPUVM_RESOLVE(hsa_executable_destroy) &&
      GPUVM_RESOLVE(hsa_executable_get_symbol_by_name) &&
      GPUVM_RESOLVE(hsa_executable_symbol_get_info) && GPUVM_RESOLVE(hsa_queue_create) &&
      GPUVM_RESOLVE(hsa_queue_destroy) && GPUVM_RESOLVE(hsa_queue_add_write_index_scacq_screl) &&
      GPUVM_RESOLVE(hsa_signal_create) && GPUVM_RESOLVE(hsa_signal_destroy) &&
      GPUVM_RESOLVE(hsa_signal_store_screlease) && GPUVM_RESOLVE(hsa_signal_load_scacquire) &&
      GPUVM_RESOLVE(hsa_signal_wait_scacquire);
  if (!resolved) {
    dlclose(opened);
    library = nullptr;
  }
  return resolved;
}

#undef GPUVM_RESOLVE

// What ROCr reports from its own threads while the kernel runs.
struct FaultReport {
  std::atomic<bool> faulted{false};
  std::atomic<int> queueStatus{HSA_STATUS_SUCCESS};
  std::atomic<uint64_t> address{0};
  std::atomic<uint32_t> reasons{0};

  std::string describe(const HsaRuntime &hsa) const {
    if (queueStatus.load() != HSA_STATUS_SUCCESS)
      return hsa.describe(hsa_status_t(queueStatus.load()));
    char where[64];
    std::snprintf(where, sizeof where, "memory access fault at %#llx",
                  (unsigned long long)address.load());
    uint32_t why = reasons.load();
    std::string text = where;
    if (why & HSA_AMD_MEMORY_FAULT_PAGE_NOT_PRESENT)
      text += ", page not present";
    if (why & HSA_AMD_MEMORY_FAULT_READ_ONLY)
      text += ", write to a read-only page";
    if (why & HSA_AMD_MEMORY_FAULT_NX)
      text += ", execute of a no-execute page";
    if (why & HSA_AMD_MEMORY_FAULT_HOST_ONLY)
      text += ", host-only page";
    return text;
  }
};

hsa_status_t onSystemEvent(const hsa_amd_event_t *event, void *data) {
  if (event->event_type != HSA_AMD_GPU_MEMORY_FAULT_EVENT)
    return HSA_STATUS_ERROR;
  auto *report = static_cast<FaultReport *>(data);
  report->address = event->memory_fault.virtual_address;
  report->reasons = event->memory_fault.fault_reason_mask;
  report->faulted = true;
  return HSA_STATUS_SUCCESS;
}

void onQueueError(hsa_status_t status, hsa_queue_t *, void *data) {
  auto *report = static_cast<FaultReport *>(data);
  report->queueStatus = status;
  report->faulted = true;
}

struct Agents {
  const HsaRuntime *hsa;
  std::optional<hsa_agent_t> gpu, cpu;
  unsigned wanted = 0; // the GPU agent to take, by order (gpuvm run --gpu)
  unsigned gpusSeen = 0;
};

struct PoolSearch {
  const HsaRuntime *hsa;
  uint32_t wantedFlag; // an hsa_amd_memory_pool_global_flag_t
  std::optional<hsa_amd_memory_pool_t> found;
};

hsa_status_t matchPool(hsa_amd_memory_pool_t pool, void *data) {
  auto &search = *static_cast<PoolSearch *>(data);
  hsa_amd_segment_t segment = HSA_AMD_SEGMENT_GLOBAL;
  bool allocatable = false;
  uint32_t flags = 0;
  if (hsa_status_t s = search.hsa->hsa_amd_memory_pool_get_info(
          pool, HSA_AMD_MEMORY_POOL_INFO_SEGMENT, &segment))
    return s;
  if (segment != HSA_AMD_SEGMENT_GLOBAL)
    return HSA_STATUS_SUCCESS;
  if (hsa_status_t s = search.hsa->hsa_amd_memory_pool_get_info(
          pool, HSA_AMD_MEMORY_POOL_INFO_RUNTIME_ALLOC_ALLOWED, &allocatable))
    return s;
  if (hsa_status_t s = search.hsa->hsa_amd_memory_pool_get_info(
          pool, HSA_AMD_MEMORY_POOL_INFO_GLOBAL_FLAGS, &flags))
    return s;
  if (!allocatable || !(flags & search.wantedFlag))
    return HSA_STATUS_SUCCESS;
  search.found = pool;
  return HSA_STATUS_INFO_BREAK;
}

// What the dispatch needs from the loaded code object.
struct Kernel {
  uint64_t object = 0;
  uint32_t kernargBytes = 0, groupBytes = 0, privateBytes = 0;
  bool dynamicStack = false;
  uint64_t launchAddress = 0; // of the image's GPUVM_LAUNCH_SYMBOL
  // Its GPUVM_CONSTANT_BOUNDS_SYMBOL and GPUVM_FUNCTION_ENTRIES_SYMBOL
  // tables (confined images; empty otherwise).
  struct Table {
    uint64_t address = 0;
    uint32_t size = 0;
  } bounds, entries;
};

// Everything one use of ROCr creates, released in reverse order; the runtime
// itself is shut down last. `faults` outlives the shutdown, so ROCr's threads
// never see it gone.
struct HsaSession {
  explicit HsaSession(const HsaRuntime &runtime) : hsa(runtime) {}
  HsaSession(const HsaSession &) = delete;
  HsaSession &operator=(const HsaSession &) = delete;

  const HsaRuntime &hsa;
  bool initialized = false;
  std::vector<void *> poolMemory;
  std::optional<hsa_code_object_reader_t> reader;
  std::optional<hsa_executable_t> executable;
  std::optional<hsa_signal_t> signal;
  hsa_queue_t *queue = nullptr;
  FaultReport faults;

  ~HsaSession() {
    if (queue)
      hsa.hsa_queue_destroy(queue);
    if (signal)
      hsa.hsa_signal_destroy(*signal);
    if (executable)
      hsa.hsa_executable_destroy(*executable);
    if (reader)
      hsa.hsa_code_object_reader_destroy(*reader);
    for (void *memory : poolMemory)
      hsa.hsa_amd_memory_pool_free(memory);
    if (initialized)
      hsa.hsa_shut_down();
  }
};

class HsaBackend : public Backend {
public:
  explicit HsaBackend(unsigned gpu) : gpu_(gpu) {}
  std::string name() const override { return "hsa"; }

  std::string unavailableReason(const Image &image) override {
    if (image.info().target != GPUVM_TARGET_AMDGCN)
      return "the hsa backend runs amdgcn images; this one is for " + image.targetName();
    HsaSession session{hsa_};
    Agents agents{&hsa_, {}, {}};
    return openAgents(image, session, agents);
  }

  std::string run(const Image &image, const LaunchConfig &config, RpcServer &server) override {
    HsaSession session{hsa_};
    Agents agents{&hsa_, {}, {}};
    if (std::string why = openAgents(image, session, agents); !why.empty())
      return why;
    const hsa_agent_t gpu = *agents.gpu;
    if (!agents.cpu)
      return "ROCr lists no CPU agent, so there is no system memory pool for the mailboxes";
    // Recent ROCr releases leave a GPU memory fault to a handler that returns
    // success; older ones, or a refused registration (some allow only one
    // handler per process), print the fault and abort gpuvm: a clear end too.
    FaultReport &faults = session.faults;
    hsa_.hsa_amd_register_system_event_handler(onSystemEvent, &faults);

    Kernel kernel;
    if (std::string why = loadKernel(image, gpu, config, session, kernel); !why.empty())
      return why;

    PoolSearch devicePool{&hsa_, HSA_AMD_MEMORY_POOL_GLOBAL_FLAG_COARSE_GRAINED, {}};
    PoolSearch systemPool{&hsa_, HSA_AMD_MEMORY_POOL_GLOBAL_FLAG_FINE_GRAINED, {}};
    PoolSearch kernargPool{&hsa_, HSA_AMD_MEMORY_POOL_GLOBAL_FLAG_KERNARG_INIT, {}};
    for (auto [agent, search] : {std::pair{gpu, &devicePool}, std::pair{*agents.cpu, &systemPool},
                                 std::pair{*agents.cpu, &kernargPool}}) {
      hsa_status_t s = hsa_.hsa_amd_agent_iterate_memory_pools(agent, matchPool, search);
      if (s != HSA_STATUS_SUCCESS && s != HSA_STATUS_INFO_BREAK)
        return failed("hsa_amd_agent_iterate_memory_pools", s);
    }
    if (!devicePool.found || !systemPool.found || !kernargPool.found)
      return std::string("ROCr offers no ") + (!devicePool.found ? "device memory pool on the GPU"
                                               : !systemPool.found
                                                   ? "fine-grained system memory pool"
                                                   : "kernel argument memory pool");

    const uint32_t vmCount = config.vmCount;
    const uint64_t slice = alignUp(config.memPerVm, kSliceAlignment);
    const uint64_t slicesBytes = saturatingProduct(slice, vmCount);
    size_t largestAllocation = 0;
    if (hsa_status_t s = hsa_.hsa_amd_memory_pool_get_info(
            *devicePool.found, HSA_AMD_MEMORY_POOL_INFO_ALLOC_MAX_SIZE, &largestAllocation))
      return failed("hsa_amd_memory_pool_get_info(ALLOC_MAX_SIZE)", s);
    // The ROCr 5.2 headers we build against have no query for free device
    // memory; the pool's largest allocation bounds it, and the allocation
    // itself reports the rest.
    if (slicesBytes > largestAllocation)
      return std::to_string(vmCount) + " VMs × " + formatBytes(slice) + " = " +
             formatBytes(slicesBytes) + " exceeds the GPU's largest allocation " +
             formatBytes(largestAllocation) + "; at most " +
             std::to_string(largestAllocation / slice) + " VMs of " + formatBytes(slice) + " fit";

    void *slices = nullptr, *mailboxes = nullptr, *arguments = nullptr, *launchStaging = nullptr,
         *kernarg = nullptr, *kernelPrivate = nullptr;
    if (std::string why =
            allocate(session, *devicePool.found, slicesBytes, nullptr, slices, "VM memory slices");
        !why.empty())
      return why;
    const size_t mailboxBytes = size_t(vmCount) * sizeof(gpuvm_mailbox);
    if (std::string why =
            allocate(session, *systemPool.found, mailboxBytes, &gpu, mailboxes, "mailboxes");
        !why.empty())
      return why;
    std::memset(mailboxes, 0, mailboxBytes);
    // Zeroed by the host, so in system memory (coarse-grained device memory
    // would need a copy or a fill).
    const size_t kernelPrivateBytes = size_t(vmCount) * GPUVM_KERNEL_PRIVATE_BYTES;
    if (std::string why = allocate(session, *systemPool.found, kernelPrivateBytes, &gpu,
                                   kernelPrivate, "the VMs' kernel-private memory");
        !why.empty())
      return why;
    std::memset(kernelPrivate, 0, kernelPrivateBytes);
    // One doorbell queue, served by this thread; its tickets and slots in
    // fine-grained system memory (ROCm requires PCIe atomics, so the VMs'
    // atomics on the tickets hold there).
    gpuvm_doorbells bells = MailboxService::doorbellLayout(vmCount, 1);
    void *tickets = nullptr, *slots = nullptr;
    if (std::string why = allocate(session, *systemPool.found, MailboxService::ticketBytes(bells),
                                   &gpu, tickets, "doorbell tickets");
        !why.empty())
      return why;
    if (std::string why = allocate(session, *systemPool.found, MailboxService::slotBytes(bells),
                                   &gpu, slots, "doorbell slots");
        !why.empty())
      return why;
    std::memset(tickets, 0, MailboxService::ticketBytes(bells));
    std::memset(slots, 0, MailboxService::slotBytes(bells));
    bells.tickets = reinterpret_cast<uintptr_t>(tickets);
    bells.slots = reinterpret_cast<uintptr_t>(slots);
    // Each VM reads its arguments once, at boot: system memory is good enough.
    std::vector<char> packed = packArguments(config);
    if (!packed.empty()) {
      if (std::string why =
              allocate(session, *systemPool.found, packed.size(), &gpu, arguments, "arguments");
          !why.empty())
        return why;
      std::memcpy(arguments, packed.data(), packed.size());
    }
    // The data set in system memory the GPU reads (untested on hardware, as
    // this backend).
    void *dataSet = nullptr;
    if (config.dataSet) {
      if (std::string why = allocate(session, *systemPool.found, config.dataSet->size(), &gpu,
                                     dataSet, "--ro-root's data set; lower --ro-root-memory");
          !why.empty())
        return why;
      std::memcpy(dataSet, config.dataSet->block(), config.dataSet->size());
    }
    if (kernel.kernargBytes > 0) {
      if (std::string why = allocate(session, *kernargPool.found, kernel.kernargBytes, &gpu,
                                     kernarg, "kernel arguments");
          !why.empty())
        return why;
      // The kernel takes no explicit arguments; a code object v5 kernel still
      // declares implicit ones (block counts, heap pointers) that gpuvm's
      // device code never reads, so they stay zero.
      std::memset(kernarg, 0, kernel.kernargBytes);
    }

    gpuvm_launch launch{};
    launch.slices = reinterpret_cast<uintptr_t>(slices);
    launch.slice_size = slice;
    // Fine-grained system memory has the same address on the GPU.
    launch.mailboxes = reinterpret_cast<uintptr_t>(mailboxes);
    launch.doorbells = bells;
    launch.vm_count = vmCount;
    launch.argc = uint32_t(config.argv.size());
    launch.envc = uint32_t(config.env.size());
    launch.hostnamec = !config.hostname.empty();
    launch.stack_size = kernel.privateBytes;
    launch.args = reinterpret_cast<uintptr_t>(arguments);
    launch.args_size = packed.size();
    launch.data_set = reinterpret_cast<uintptr_t>(dataSet);
    launch.kernel_private = reinterpret_cast<uintptr_t>(kernelPrivate);
    // The variable lives in device memory the host can't write; ROCr copies
    // from memory the GPU can reach.
    const size_t staged =
        std::max<size_t>({sizeof launch, kernel.bounds.size, kernel.entries.size});
    if (std::string why = allocate(session, *systemPool.found, staged, &gpu, launchStaging,
                                   GPUVM_LAUNCH_SYMBOL " staging");
        !why.empty())
      return why;
    if (kernel.bounds.size) {
      if (hsa_status_t s = hsa_.hsa_memory_copy(
              launchStaging, reinterpret_cast<void *>(uintptr_t(kernel.bounds.address)),
              kernel.bounds.size))
        return failed("hsa_memory_copy(" GPUVM_CONSTANT_BOUNDS_SYMBOL ")", s);
      const auto *bounds = static_cast<const uint64_t *>(launchStaging);
      ReadonlyRange range =
          readonlyRange(std::vector<uint64_t>(bounds, bounds + kernel.bounds.size / 8));
      launch.confinement.readonly = range.start;
      launch.confinement.readonly_size = range.size;
    }
    // Sorted in place, as launch.confinement.entries promises.
    if (kernel.entries.size) {
      void *table = reinterpret_cast<void *>(uintptr_t(kernel.entries.address));
      if (hsa_status_t s = hsa_.hsa_memory_copy(launchStaging, table, kernel.entries.size))
        return failed("hsa_memory_copy(" GPUVM_FUNCTION_ENTRIES_SYMBOL ")", s);
      const auto *words = static_cast<const uint64_t *>(launchStaging);
      std::vector<uint64_t> entries =
          sortedEntries(std::vector<uint64_t>(words, words + kernel.entries.size / 8));
      std::memcpy(launchStaging, entries.data(), entries.size() * 8);
      if (hsa_status_t s = hsa_.hsa_memory_copy(table, launchStaging, entries.size() * 8))
        return failed("hsa_memory_copy(" GPUVM_FUNCTION_ENTRIES_SYMBOL ")", s);
      launch.confinement.entries = kernel.entries.address;
      launch.confinement.entry_count = entries.size();
    }
    launch.confinement.max_run_ns = config.maxRunNs;
    launch.limits = {config.maxFiles, config.maxSockets, config.consoleBytesPerSecond};
    std::memcpy(launchStaging, &launch, sizeof launch);
    if (hsa_status_t s =
            hsa_.hsa_memory_copy(reinterpret_cast<void *>(uintptr_t(kernel.launchAddress)),
                                 launchStaging, sizeof launch))
      return failed("hsa_memory_copy(" GPUVM_LAUNCH_SYMBOL ")", s);

    uint32_t computeUnits = 0, wavesPerCu = 0;
    uint64_t timestampHz = 0;
    if (hsa_status_t s = hsa_.hsa_agent_get_info(
            gpu, hsa_agent_info_t(HSA_AMD_AGENT_INFO_COMPUTE_UNIT_COUNT), &computeUnits))
      return failed("hsa_agent_get_info(COMPUTE_UNIT_COUNT)", s);
    if (hsa_status_t s = hsa_.hsa_agent_get_info(
            gpu, hsa_agent_info_t(HSA_AMD_AGENT_INFO_MAX_WAVES_PER_CU), &wavesPerCu))
      return failed("hsa_agent_get_info(MAX_WAVES_PER_CU)", s);
    if (hsa_status_t s =
            hsa_.hsa_system_get_info(HSA_SYSTEM_INFO_TIMESTAMP_FREQUENCY, &timestampHz))
      return failed("hsa_system_get_info(TIMESTAMP_FREQUENCY)", s);
    if (config.verbose) {
      // Registers and work-group limits can lower the wave-slot bound.
      const uint64_t waveSlots = uint64_t(computeUnits) * wavesPerCu;
      std::string line = "hsa: " + productName(gpu) + " (" + isaName(gpu) + ", " +
                         std::to_string(computeUnits) + " CUs); " + image.info().entry + ": " +
                         std::to_string(kernel.privateBytes) + " bytes private memory per VM" +
                         (kernel.dynamicStack ? " (dynamic call stack)" : "") + ", " +
                         std::to_string(kernel.groupBytes) + " bytes group memory, " +
                         std::to_string(kernel.kernargBytes) + " bytes kernel arguments; " +
                         std::to_string(vmCount) + " VMs of " + formatBytes(slice) +
                         " as work-groups of one work-item, at most " + std::to_string(waveSlots) +
                         " resident at once";
      if (waveSlots < vmCount)
        line += "; the other " + std::to_string(vmCount - waveSlots) + " start as others finish";
      server.console().note(line);
    }

    hsa_signal_t done{};
    if (hsa_status_t s = hsa_.hsa_signal_create(1, 0, nullptr, &done))
      return failed("hsa_signal_create", s);
    session.signal = done;
    if (hsa_status_t s = hsa_.hsa_queue_create(gpu, kQueueSize, HSA_QUEUE_TYPE_SINGLE, onQueueError,
                                               &faults, UINT32_MAX, UINT32_MAX, &session.queue))
      return failed("hsa_queue_create", s);

    MailboxService service(mailboxes, vmCount, server, bells, static_cast<const uint64_t *>(slots));
    dispatch(*session.queue, vmCount, kernel, kernarg, done);
    const uint64_t idleTicks = std::max<uint64_t>(1, uint64_t(timestampHz * kIdleWaitSeconds));
    serveUntilKernelEnds(service, done, faults, idleTicks);
    if (std::string times = service.exitTimes(); config.verbose && !times.empty())
      server.console().note("hsa: " + times);
    if (faults.faulted)
      return "the GPU faulted: " + faults.describe(hsa_) +
             "; a fault in one VM ends every VM of the launch";
    if (uint32_t exited = server.exitedCount(); exited != vmCount)
      return "the kernel ended but " + std::to_string(vmCount - exited) + " of " +
             std::to_string(vmCount) + " VMs never reported an exit";
    return {};
  }

private:
  std::string failed(const char *call, hsa_status_t status) const {
    return std::string(call) + " failed: " + hsa_.describe(status);
  }

  // Loads the image's code object on `gpu` and finds its entry kernel and
  // its launch variable.
  std::string loadKernel(const Image &image, hsa_agent_t gpu, const LaunchConfig &config,
                         HsaSession &session, Kernel &kernel) {
    hsa_profile_t profile = HSA_PROFILE_BASE;
    if (hsa_status_t s = hsa_.hsa_agent_get_info(gpu, HSA_AGENT_INFO_PROFILE, &profile))
      return failed("hsa_agent_get_info(PROFILE)", s);
    hsa_code_object_reader_t reader{};
    if (hsa_status_t s = hsa_.hsa_code_object_reader_create_from_memory(
            image.bytes().data(), image.bytes().size(), &reader))
      return failed("hsa_code_object_reader_create_from_memory", s);
    session.reader = reader;
    hsa_executable_t executable{};
    if (hsa_status_t s = hsa_.hsa_executable_create_alt(
            profile, HSA_DEFAULT_FLOAT_ROUNDING_MODE_DEFAULT, nullptr, &executable))
      return failed("hsa_executable_create_alt", s);
    session.executable = executable;
    if (hsa_status_t s =
            hsa_.hsa_executable_load_agent_code_object(executable, gpu, reader, nullptr, nullptr))
      return failed("hsa_executable_load_agent_code_object", s);
    if (hsa_status_t s = hsa_.hsa_executable_freeze(executable, nullptr))
      return failed("hsa_executable_freeze", s);

    const std::string kernelName = std::string(image.info().entry) + ".kd";
    hsa_executable_symbol_t kernelSymbol{}, launchSymbol{};
    if (hsa_status_t s = hsa_.hsa_executable_get_symbol_by_name(executable, kernelName.c_str(),
                                                                &gpu, &kernelSymbol))
      return failed(("hsa_executable_get_symbol_by_name(" + kernelName + ")").c_str(), s);
    for (auto [attribute, value] :
         {std::pair<hsa_executable_symbol_info_t, void *>{HSA_EXECUTABLE_SYMBOL_INFO_KERNEL_OBJECT,
                                                          &kernel.object},
          {HSA_EXECUTABLE_SYMBOL_INFO_KERNEL_KERNARG_SEGMENT_SIZE, &kernel.kernargBytes},
          {HSA_EXECUTABLE_SYMBOL_INFO_KERNEL_GROUP_SEGMENT_SIZE, &kernel.groupBytes},
          {HSA_EXECUTABLE_SYMBOL_INFO_KERNEL_PRIVATE_SEGMENT_SIZE, &kernel.privateBytes},
          {HSA_EXECUTABLE_SYMBOL_INFO_KERNEL_DYNAMIC_CALLSTACK, &kernel.dynamicStack}})
      if (hsa_status_t s = hsa_.hsa_executable_symbol_get_info(kernelSymbol, attribute, value))
        return failed("hsa_executable_symbol_get_info", s);
    // The code object gives the stack a kernel without calls of unknown depth
    // needs; recursion or indirect calls leave the size to us.
    if (config.stackSize > kMaxStack)
      return "--stack-size " + formatBytes(config.stackSize) + " is more than hsa allows (" +
             formatBytes(kMaxStack) + ")";
    if (kernel.dynamicStack)
      kernel.privateBytes = uint32_t(std::max<uint64_t>(
          kernel.privateBytes, config.stackSize ? config.stackSize : kDefaultStack));

    if (hsa_status_t s = hsa_.hsa_executable_get_symbol_by_name(executable, GPUVM_LAUNCH_SYMBOL,
                                                                &gpu, &launchSymbol))
      return failed("hsa_executable_get_symbol_by_name(" GPUVM_LAUNCH_SYMBOL ")", s);
    uint32_t launchSize = 0;
    if (hsa_status_t s = hsa_.hsa_executable_symbol_get_info(
            launchSymbol, HSA_EXECUTABLE_SYMBOL_INFO_VARIABLE_ADDRESS, &kernel.launchAddress))
      return failed("hsa_executable_symbol_get_info(VARIABLE_ADDRESS)", s);
    if (hsa_status_t s = hsa_.hsa_executable_symbol_get_info(
            launchSymbol, HSA_EXECUTABLE_SYMBOL_INFO_VARIABLE_SIZE, &launchSize))
      return failed("hsa_executable_symbol_get_info(VARIABLE_SIZE)", s);
    if (launchSize != sizeof(gpuvm_launch))
      return "the image's " GPUVM_LAUNCH_SYMBOL " has " + std::to_string(launchSize) +
             " bytes, this runtime writes " + std::to_string(sizeof(gpuvm_launch)) +
             " (made by another gpuvm version?)";
    for (auto [name, table] : {std::pair{GPUVM_CONSTANT_BOUNDS_SYMBOL, &kernel.bounds},
                               std::pair{GPUVM_FUNCTION_ENTRIES_SYMBOL, &kernel.entries}}) {
      hsa_executable_symbol_t symbol{};
      if (hsa_.hsa_executable_get_symbol_by_name(executable, name, &gpu, &symbol) ==
              HSA_STATUS_SUCCESS &&
          (hsa_.hsa_executable_symbol_get_info(symbol, HSA_EXECUTABLE_SYMBOL_INFO_VARIABLE_ADDRESS,
                                               &table->address) ||
           hsa_.hsa_executable_symbol_get_info(symbol, HSA_EXECUTABLE_SYMBOL_INFO_VARIABLE_SIZE,
                                               &table->size)))
        return std::string("cannot read the image's ") + name;
    }
    return {};
  }

  // Loads and initializes ROCr, finds the GPU agent --gpu names and checks that it
  // runs the image's processor.
  std::string openAgents(const Image &image, HsaSession &session, Agents &agents) {
    std::string error;
    if (!hsa_.load(error))
      return error;
    if (hsa_status_t s = hsa_.hsa_init())
      return "HSA runtime failed to initialize: " + hsa_.describe(s) +
             " (no AMD GPU or no /dev/kfd here)";
    session.initialized = true;
    auto collect = [](hsa_agent_t agent, void *data) {
      auto &found = *static_cast<Agents *>(data);
      hsa_device_type_t type = HSA_DEVICE_TYPE_CPU;
      if (hsa_status_t s = found.hsa->hsa_agent_get_info(agent, HSA_AGENT_INFO_DEVICE, &type))
        return s;
      if (type == HSA_DEVICE_TYPE_GPU && found.gpusSeen++ == found.wanted)
        found.gpu = agent;
      if (type == HSA_DEVICE_TYPE_CPU && !found.cpu)
        found.cpu = agent;
      return HSA_STATUS_SUCCESS;
    };
    agents.wanted = gpu_;
    if (hsa_status_t s = hsa_.hsa_iterate_agents(collect, &agents))
      return failed("hsa_iterate_agents", s);
    if (!agents.gpu && agents.gpusSeen)
      return "--gpu " + std::to_string(gpu_) + ": this machine has " +
             std::to_string(agents.gpusSeen) + " AMD GPU agent(s)";
    if (!agents.gpu)
      return "no AMD GPU agent";
    std::string isa = isaName(*agents.gpu);
    if (processorOf(isa) != processorOf(image.info().arch))
      return std::string("the image is for ") + image.info().arch + "; this GPU (" +
             productName(*agents.gpu) + ") is " + isa;
    return {};
  }

  std::string isaName(hsa_agent_t gpu) const {
    struct Search {
      const HsaRuntime *hsa;
      std::string name;
    } search{&hsa_, "unknown ISA"};
    hsa_.hsa_agent_iterate_isas(
        gpu,
        [](hsa_isa_t isa, void *data) {
          auto &search = *static_cast<Search *>(data);
          uint32_t length = 0;
          if (search.hsa->hsa_isa_get_info_alt(isa, HSA_ISA_INFO_NAME_LENGTH, &length) ==
              HSA_STATUS_SUCCESS) {
            std::vector<char> name(length + 1);
            if (search.hsa->hsa_isa_get_info_alt(isa, HSA_ISA_INFO_NAME, name.data()) ==
                HSA_STATUS_SUCCESS)
              search.name = name.data();
          }
          return HSA_STATUS_INFO_BREAK; // the first ISA is the agent's own
        },
        &search);
    return search.name;
  }

  std::string productName(hsa_agent_t gpu) const {
    char name[64 + 1] = {};
    if (hsa_.hsa_agent_get_info(gpu, hsa_agent_info_t(HSA_AMD_AGENT_INFO_PRODUCT_NAME), name) !=
        HSA_STATUS_SUCCESS)
      return "AMD GPU";
    return name;
  }

  // Allocates from `pool` and, for system memory, lets `gpu` reach it.
  std::string allocate(HsaSession &session, hsa_amd_memory_pool_t pool, size_t bytes,
                       const hsa_agent_t *gpu, void *&out, const char *what) {
    if (hsa_status_t s = hsa_.hsa_amd_memory_pool_allocate(pool, bytes, 0, &out))
      return "hsa_amd_memory_pool_allocate (" + std::string(what) + ", " + formatBytes(bytes) +
             ") failed: " + hsa_.describe(s);
    session.poolMemory.push_back(out);
    if (gpu)
      if (hsa_status_t s = hsa_.hsa_amd_agents_allow_access(1, gpu, nullptr, out))
        return "hsa_amd_agents_allow_access (" + std::string(what) +
               ") failed: " + hsa_.describe(s);
    return {};
  }

  // Serves the mailboxes until every VM has exited or the kernel has ended,
  // then waits for the kernel. The completion signal drops to 0 when every
  // work-group has ended; a faulted queue never completes the dispatch, so a
  // fault ends the wait too.
  void serveUntilKernelEnds(MailboxService &mailboxes, hsa_signal_t done, const FaultReport &faults,
                            uint64_t idleTicks) {
    auto kernelEnded = [&](uint64_t waitTicks) {
      hsa_signal_value_t value =
          waitTicks ? hsa_.hsa_signal_wait_scacquire(done, HSA_SIGNAL_CONDITION_LT, 1, waitTicks,
                                                     HSA_WAIT_STATE_ACTIVE)
                    : hsa_.hsa_signal_load_scacquire(done);
      return value < 1 || faults.faulted;
    };
    while (true) {
      uint32_t served = mailboxes.serveQueue(0);
      if (mailboxes.allExited())
        break;
      if (kernelEnded(served ? 0 : idleTicks)) {
        mailboxes.serveQueue(0); // exits posted just before the kernel ended
        break;
      }
    }
    while (!kernelEnded(idleTicks))
      ;
  }

  // One AQL packet: a grid of vmCount work-groups of one work-item each.
  void dispatch(hsa_queue_t &queue, uint32_t vmCount, const Kernel &kernel, void *kernarg,
                hsa_signal_t done) {
    // A fresh queue: the slot is free, no need to wait for the read index.
    uint64_t index = hsa_.hsa_queue_add_write_index_scacq_screl(&queue, 1);
    auto *packet =
        static_cast<hsa_kernel_dispatch_packet_t *>(queue.base_address) + (index % queue.size);
    packet->workgroup_size_x = 1;
    packet->workgroup_size_y = 1;
    packet->workgroup_size_z = 1;
    packet->reserved0 = 0;
    packet->grid_size_x = vmCount;
    packet->grid_size_y = 1;
    packet->grid_size_z = 1;
    packet->private_segment_size = kernel.privateBytes;
    packet->group_segment_size = kernel.groupBytes;
    packet->kernel_object = kernel.object;
    packet->kernarg_address = kernarg;
    packet->reserved2 = 0;
    packet->completion_signal = done;
    // System scope: the VMs' mailboxes are in host memory.
    uint16_t header = (HSA_PACKET_TYPE_KERNEL_DISPATCH << HSA_PACKET_HEADER_TYPE) |
                      (HSA_FENCE_SCOPE_SYSTEM << HSA_PACKET_HEADER_SCACQUIRE_FENCE_SCOPE) |
                      (HSA_FENCE_SCOPE_SYSTEM << HSA_PACKET_HEADER_SCRELEASE_FENCE_SCOPE);
    uint16_t setup = 1 << HSA_KERNEL_DISPATCH_PACKET_SETUP_DIMENSIONS;
    // The header goes last and whole: the packet processor may read the slot
    // as soon as its type stops being INVALID.
    __atomic_store_n(reinterpret_cast<uint32_t *>(packet), header | (uint32_t(setup) << 16),
                     __ATOMIC_RELEASE);
    hsa_.hsa_signal_store_screlease(queue.doorbell_signal, hsa_signal_value_t(index));
  }

  HsaRuntime hsa_;
  unsigned gpu_;
};

} // namespace

std::unique_ptr<Backend> makeHsaBackend(unsigned gpu) {
  return std::make_unique<HsaBackend>(gpu);
}

} // namespace gpuvm::runtime
