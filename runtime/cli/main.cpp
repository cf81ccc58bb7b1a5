// gpuvm: runs a gpu-c++ image as many isolated VMs, or describes one.
//
// Exit status: 0 every VM exited with status 0; 1 some VM exited non-zero,
// aborted, crashed or was lost; 2 bad command line; 3 nothing ran (bad image,
// no usable backend, not enough memory).
#include "StopSignals.h"
#include "backend/Backend.h"
#include "console/Console.h"
#include "image/Image.h"
#include "net/ControlSocket.h"
#include "net/Network.h"
#include "rpc/RpcServer.h"

#include <boost/program_options.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>

namespace po = boost::program_options;
using namespace gpuvm::runtime;

namespace {

constexpr int kExitVmFailed = 1, kExitUsage = 2, kExitCannotRun = 3;
constexpr const char *kVersion = "0.1";
constexpr uint64_t kDefaultRxRing = 64 << 10;
constexpr long long kMaxFilesPerVm = 65536; // the light kernel's descriptor table
// Bytes/s: keeps the kernel's pacing arithmetic inside 64 bits.
constexpr uint64_t kMaxConsoleRate = 1ull << 30;

int usageError(const std::string &message) {
  std::cerr << "gpuvm: error: " << message << " (see gpuvm --help)\n";
  return kExitUsage;
}

int cannotRun(const std::string &message) {
  std::cerr << "gpuvm: error: " << message << "\n";
  return kExitCannotRun;
}

// "1M", "256K", "64KiB", "1048576".
bool parseSize(const std::string &text, uint64_t &out) {
  size_t used = 0;
  unsigned long long value;
  try {
    value = std::stoull(text, &used);
  } catch (...) {
    return false;
  }
  std::string unit = text.substr(used);
  for (const char *suffix : {"iB", "B"})
    if (unit.size() > 1 && unit.ends_with(suffix)) {
      unit.resize(unit.size() - std::strlen(suffix));
      break;
    }
  int shift = unit.empty() || unit == "B"  ? 0
              : unit == "K" || unit == "k" ? 10
              : unit == "M" || unit == "m" ? 20
              : unit == "G" || unit == "g" ? 30
                                           : -1;
  if (shift < 0 || value > (~0ull >> shift))
    return false;
  out = value << shift;
  return true;
}

void printUsage(const po::options_description &runOptions,
                const po::options_description &netOptions) {
  std::cout
      << "usage: gpuvm run IMAGE [options] [-- ARGS...]\n"
         "       gpuvm inspect IMAGE\n"
         "       gpuvm stat [--control PATH]\n"
         "       gpuvm stop VM [--control PATH]\n"
         "       gpuvm --help | --version\n\n"
         "run      boots --vms copies of a gpu-c++ image as isolated VMs and waits for all.\n"
         "         ARGS become argv[1..] of every VM; \"{vm}\" in ARGS or --env expands to the\n"
         "         VM id. argv[0] is ./IMAGE-NAME.\n"
         "inspect  prints an image's target, entry, private segment sizes and what it needs.\n"
         "stat     prints the network counters of a running gpuvm (run with --control):\n"
         "         the bridge's totals, then one line per VM.\n"
         "stop     ends VM (its id) of a running gpuvm (run with --control): within a\n"
         "         millisecond while it waits, or 32,768 iterations of a loop that never\n"
         "         waits in a confined image, as a crash (signal 9, \"stopped by gpuvm stop\").\n\n"
      << runOptions << "\n"
      << netOptions
      << "\nNetwork: VM k is PREFIX::100+k; the host side of the TUN is PREFIX::1; the\n"
         "device's router is PREFIX::2 (it answers ping and sends the ICMPv6 errors);\n"
         "addresses below ::100 are infrastructure. Linux routes PREFIX/64 to the TUN;\n"
         "packets between VMs never leave the device. The network runs on the host and\n"
         "cuda backends (on cuda one extra GPU thread carries the bridge); on hsa the VMs\n"
         "have no network yet.\n"
         "\nBackends: host (CPU threads, one fiber per VM; runs host images), cuda (NVIDIA,\n"
         "sm_70 or newer, driver loaded at run time; runs nvptx images), hsa (AMD ROCr;\n"
         "runs amdgcn images; untested on hardware). auto picks the one for the image's\n"
         "target and says what is missing if it is not present.\n\n"
         "Exit status: 0 all VMs exited 0; 1 some VM failed (non-zero exit, abort, crash,\n"
         "lost); 2 bad command line; 3 nothing ran (bad image, no backend, no memory, no\n"
         "permission to make the TUN device). gpuvm stop: 0 the VM was asked to stop; 1 it\n"
         "had ended or does not exist; 3 no run answered.\n";
}

// Every VM may hold files open; let the host's limit be as high as allowed.
void raiseOpenFileLimit() {
  rlimit limit;
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

// A VM's argv[0]; its length counts towards the memory a VM needs.
std::string programName(const std::string &imagePath) {
  return "./" + imagePath.substr(imagePath.find_last_of('/') + 1);
}

int inspect(const std::string &path) {
  Image image;
  std::string error;
  if (!Image::load(path, image, error))
    return cannotRun(error);
  const gpuvm_image_info &i = image.info();
  LaunchConfig defaults;
  defaults.argv = {programName(path)};
  defaults.rxRingBytes = kDefaultRxRing + sizeof(gpuvm_ring);
  std::cout << "image:        " << path << "\n"
            << "format:       " << image.formatName() << "\n"
            << "target:       " << image.targetName() << " " << i.arch << "\n"
            << "entry:        " << i.entry << "\n"
            << "private data: " << i.data_size << " bytes initialized + " << i.bss_size
            << " bytes zeroed per VM (align " << i.data_align << ", " << i.fixup_count
            << " pointer fixups)\n"
            << "constructors: " << i.ctor_count << ", destructors: " << i.dtor_count << "\n"
            << "confined:     "
            << (i.flags & GPUVM_IMAGE_CONFINED
                    ? "yes (software fault isolation: each VM's accesses checked)"
                    : "no (linked with -fno-gpuvm-sfi or -nostdlib; gpuvm run needs "
                      "--allow-unconfined)")
            << "\n"
            << "needs:        backend "
            << (i.target == GPUVM_TARGET_HOST    ? "host"
                : i.target == GPUVM_TARGET_NVPTX ? "cuda (NVIDIA " + std::string(i.arch) + "+)"
                                                 : "hsa (AMD " + std::string(i.arch) + ")")
            << "; --mem-per-vm at least " << minimumMemPerVm(i, defaults)
            << " bytes (with no arguments, no --env, the default --rx-ring)\n";
  return 0;
}

std::unique_ptr<Backend> chooseBackend(const std::string &name, unsigned gpu, const Image &image,
                                       std::string &error) {
  std::string wanted = name;
  if (wanted == "auto")
    wanted = image.info().target == GPUVM_TARGET_HOST    ? "host"
             : image.info().target == GPUVM_TARGET_NVPTX ? "cuda"
                                                         : "hsa";
  std::unique_ptr<Backend> backend = wanted == "host"   ? makeHostBackend()
                                     : wanted == "cuda" ? makeCudaBackend(gpu)
                                                        : makeHsaBackend(gpu);
  std::string why = backend->unavailableReason(image);
  if (!why.empty()) {
    error = "backend " + wanted + " cannot run " + image.targetName() + " image " + image.path() +
            ": " + why;
    return nullptr;
  }
  return backend;
}

// " (vm 3, 17, ...)": the first five of some VMs, for a summary line.
std::string listOf(const std::vector<uint32_t> &vms) {
  std::string text = " (vm ";
  for (size_t i = 0; i < vms.size() && i < 5; ++i)
    text += (i ? ", " : "") + std::to_string(vms[i]);
  return text + (vms.size() > 5 ? ", ...)" : ")");
}

// One line per way VMs ended, e.g. "990 exited with status 0 (vm 0, 1, 2, ...)".
int summarize(const std::vector<VmOutcome> &outcomes, const std::string &backend,
              const std::string &stoppedBy, std::ostream &out) {
  std::map<std::pair<int, int>, std::vector<uint32_t>> groups; // (kind, status)
  std::vector<uint32_t> lost;
  for (uint32_t vm = 0; vm < outcomes.size(); ++vm) {
    if (!outcomes[vm].exited)
      lost.push_back(vm);
    else
      groups[{outcomes[vm].kind, outcomes[vm].status}].push_back(vm);
  }
  bool failed = !lost.empty();
  out << "gpuvm: " << outcomes.size() << " VMs on " << backend << ":";
  for (const auto &[key, vms] : groups) {
    auto [kind, status] = key;
    failed |= kind != GPUVM_EXIT_NORMAL || status != 0;
    out << "\n  " << vms.size()
        << (kind == GPUVM_EXIT_NORMAL  ? " exited with status " + std::to_string(status)
            : kind == GPUVM_EXIT_ABORT ? " aborted (status " + std::to_string(status) + ")"
                                       : " crashed (signal " + std::to_string(status - 128) + ")")
        << listOf(vms);
  }
  if (!lost.empty())
    out << "\n  " << lost.size()
        << (stoppedBy.empty() ? " lost (never reported an exit)"
                              : " stopped by " + stoppedBy + " while running")
        << listOf(lost);
  out << "\n";
  return failed ? kExitVmFailed : 0;
}

// The network flags; returns empty or the usage error. --rx-ring 0 turns the
// network off.
std::string parseNetOptions(const po::variables_map &vm, std::optional<net::NetOptions> &out) {
  net::NetOptions options;
  if (std::string why = net::parsePrefix(vm["prefix"].as<std::string>(), options.prefix);
      !why.empty())
    return "--prefix: " + why;
  long long mtu = vm["mtu"].as<long long>();
  if (mtu < GPUVM_NET_MIN_MTU || mtu > GPUVM_NET_MAX_MTU)
    return "--mtu must be between " + std::to_string(GPUVM_NET_MIN_MTU) + " and " +
           std::to_string(GPUVM_NET_MAX_MTU) + ", not " + std::to_string(mtu);
  options.mtu = uint32_t(mtu);
  uint64_t ring;
  const std::string &ringText = vm["rx-ring"].as<std::string>();
  if (!parseSize(ringText, ring))
    return "--rx-ring: invalid size '" + ringText + "'";
  if (ring && (ring < 4096 || ring > (1ull << 30) || (ring & (ring - 1))))
    return "--rx-ring must be a power of two from 4K to 1G (or 0: no network), not " + ringText;
  if (ring && gpuvm_ring_record_bytes(options.mtu) > ring)
    return "--rx-ring " + ringText + " cannot hold one packet of --mtu " + std::to_string(mtu);
  options.rxRingBytes = ring ? ring + sizeof(gpuvm_ring) : 0;
  if (vm.count("tun"))
    options.tun = vm["tun"].as<std::string>();
  if (vm.count("pcap"))
    options.pcap = vm["pcap"].as<std::string>();
  if (vm.count("impair")) {
    net::ImpairmentSpec spec;
    if (std::string why = net::parseImpairment(vm["impair"].as<std::string>(), spec); !why.empty())
      return why;
    options.impairment = spec;
  }
  if (!ring && (!options.tun.empty() || !options.pcap.empty() || options.impairment))
    return "--rx-ring 0 turns the network off: --tun, --pcap and --impair need it";
  if (ring)
    out = options;
  return {};
}

int printStat(const po::variables_map &vm) {
  std::string reply;
  std::string path = vm.count("control") ? vm["control"].as<std::string>() : "";
  if (std::string why = net::controlRequest(path, "stat", reply); !why.empty())
    return cannotRun(why);
  std::cout << reply;
  return 0;
}

int requestStop(const po::variables_map &vm) {
  const std::string id = vm["image"].as<std::string>();
  if (id.empty() || id.size() > 10 || id.find_first_not_of("0123456789") != std::string::npos ||
      std::stoull(id) > 0xffffffffull)
    return usageError("stop expects a VM id (0 to 4294967295), not '" + id + "'");
  std::string reply;
  std::string path = vm.count("control") ? vm["control"].as<std::string>() : "";
  if (std::string why = net::controlRequest(path, "stop " + id, reply); !why.empty())
    return cannotRun(why);
  if (reply.starts_with("gpuvm: ")) {
    std::cerr << reply;
    return kExitVmFailed;
  }
  std::cout << reply;
  return 0;
}

// What the VMs' limits refused or delayed: one line per limit that any VM
// ran into, with the flag that sets it.
std::vector<std::string> limitNotes(const std::vector<VmOutcome> &outcomes,
                                    const LaunchConfig &config) {
  struct Tally {
    uint64_t total = 0;
    std::vector<uint32_t> vms;
  } files, sockets, console;
  for (uint32_t vm = 0; vm < outcomes.size(); ++vm) {
    const gpuvm_limit_counters &c = outcomes[vm].limits;
    for (auto [tally, count] :
         {std::pair{&files, c.files_refused}, std::pair{&sockets, c.sockets_refused},
          std::pair{&console, c.console_wait_ns}})
      if (count) {
        tally->total += count;
        tally->vms.push_back(vm);
      }
  }
  auto vmsText = [](size_t n) { return std::to_string(n) + (n == 1 ? " VM" : " VMs"); };
  std::vector<std::string> notes;
  if (!files.vms.empty())
    notes.push_back("--max-files " + std::to_string(config.maxFiles) + " refused " +
                    std::to_string(files.total) + " descriptors (EMFILE) to " +
                    vmsText(files.vms.size()) + listOf(files.vms));
  if (!sockets.vms.empty())
    notes.push_back("--max-sockets " + std::to_string(config.maxSockets) + " refused " +
                    std::to_string(sockets.total) +
                    " sockets or connections (EMFILE, connections reset) to " +
                    vmsText(sockets.vms.size()) + listOf(sockets.vms));
  if (!console.vms.empty()) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.3f", double(console.total) / 1e9);
    notes.push_back("--console-rate " + std::to_string(config.consoleBytesPerSecond) +
                    " held back the output of " + vmsText(console.vms.size()) + " for " + seconds +
                    " s in all" + listOf(console.vms));
  }
  return notes;
}

// A VM's limit counters for its --status-file line, those not zero.
std::string limitCountersText(const gpuvm_limit_counters &c) {
  std::string text;
  if (c.files_refused)
    text += " files_refused=" + std::to_string(c.files_refused);
  if (c.sockets_refused)
    text += " sockets_refused=" + std::to_string(c.sockets_refused);
  if (c.console_wait_ns)
    text += " console_wait_ms=" + std::to_string(c.console_wait_ns / 1000000);
  return text;
}

int run(const std::string &imagePath, const po::variables_map &vm,
        const std::vector<std::string> &vmArgs) {
  StopSignals::block(); // before the console's and the control socket's threads
  LaunchConfig config;
  long long vms = vm["vms"].as<long long>();
  if (vms < 1 || vms > 0xffffffffll)
    return usageError("--vms must be between 1 and 4294967295");
  config.vmCount = uint32_t(vms);
  if (!parseSize(vm["mem-per-vm"].as<std::string>(), config.memPerVm) || config.memPerVm == 0)
    return usageError("--mem-per-vm: invalid size '" + vm["mem-per-vm"].as<std::string>() + "'");
  if (!parseSize(vm["stack-size"].as<std::string>(), config.stackSize))
    return usageError("--stack-size: invalid size '" + vm["stack-size"].as<std::string>() + "'");
  long long maxCpuMs = vm["max-cpu-ms"].as<long long>();
  if (maxCpuMs < 0 || maxCpuMs > 1000ll * 1000 * 1000 * 1000)
    return usageError("--max-cpu-ms must be between 0 (no limit) and 10^12");
  config.maxRunNs = uint64_t(maxCpuMs) * 1000000;
  long long maxFiles = vm["max-files"].as<long long>();
  if (maxFiles < 0 || maxFiles > kMaxFilesPerVm)
    return usageError("--max-files must be between 0 (the kernel's 65536) and 65536, not " +
                      std::to_string(maxFiles));
  config.maxFiles = uint32_t(maxFiles);
  long long maxSockets = vm["max-sockets"].as<long long>();
  if (maxSockets < 0 || maxSockets > kMaxFilesPerVm)
    return usageError("--max-sockets must be between 0 (no limit) and 65536, not " +
                      std::to_string(maxSockets));
  config.maxSockets = uint32_t(maxSockets);
  const std::string &rateText = vm["console-rate"].as<std::string>();
  if (!parseSize(rateText, config.consoleBytesPerSecond) ||
      config.consoleBytesPerSecond > kMaxConsoleRate)
    return usageError("--console-rate: '" + rateText +
                      "' is not a size from 0 (no limit) to 1G bytes per second");
  config.workers = vm["workers"].as<unsigned>();
  if (const std::string relay = vm["reply-relay"].as<std::string>();
      relay == "on" || relay == "off")
    config.replyRelay = relay == "on";
  else
    return usageError("--reply-relay must be on or off, not '" + relay + "'");
  config.verbose = vm.count("verbose") > 0;
  std::string backendName = vm["backend"].as<std::string>();
  if (backendName != "auto" && backendName != "host" && backendName != "cuda" &&
      backendName != "hsa")
    return usageError("--backend must be auto, host, cuda or hsa, not '" + backendName + "'");
  ConsoleOptions consoleOptions;
  std::string consoleMode = vm["console"].as<std::string>();
  if (consoleMode == "raw")
    consoleOptions.mode = ConsoleOptions::Mode::Raw;
  else if (consoleMode != "prefix")
    return usageError("--console must be prefix or raw, not '" + consoleMode + "'");
  if (vm.count("log-dir")) {
    consoleOptions.mode = ConsoleOptions::Mode::LogDir;
    consoleOptions.logDir = vm["log-dir"].as<std::string>();
  }
  if (vm.count("env"))
    for (const std::string &kv : vm["env"].as<std::vector<std::string>>()) {
      if (kv.find('=') == std::string::npos || kv.front() == '=')
        return usageError("--env expects NAME=VALUE, not '" + kv + "'");
      config.env.push_back(kv);
    }
  if (vm.count("hostname")) {
    config.hostname = vm["hostname"].as<std::string>();
    // Linux's HOST_NAME_MAX, for the VM with the longest id.
    std::string longest = config.hostname, lastId = std::to_string(config.vmCount - 1);
    for (size_t at = longest.find("{vm}"); at != std::string::npos; at = longest.find("{vm}", at))
      longest.replace(at, 4, lastId), at += lastId.size();
    if (longest.empty() || longest.size() > 64)
      return usageError("--hostname: '" + longest + "' (VM " + lastId + "'s) is " +
                        std::to_string(longest.size()) +
                        " bytes; a hostname has 1 to 64 (Linux's HOST_NAME_MAX)");
  }
  std::optional<net::NetOptions> netOptions;
  if (std::string why = parseNetOptions(vm, netOptions); !why.empty())
    return usageError(why);
  if (netOptions)
    config.rxRingBytes = netOptions->rxRingBytes;

  Image image;
  std::string error;
  if (!Image::load(imagePath, image, error))
    return cannotRun(error);
  if (!(image.info().flags & GPUVM_IMAGE_CONFINED) && !vm.count("allow-unconfined"))
    return cannotRun(imagePath +
                     ": image built without software fault isolation (-fno-gpuvm-sfi or "
                     "-nostdlib): one VM's wild pointer could reach another's memory; "
                     "--allow-unconfined runs it anyway");
  config.argv.push_back(programName(imagePath));
  config.argv.insert(config.argv.end(), vmArgs.begin(), vmArgs.end());

  uint64_t minimum = minimumMemPerVm(image.info(), config);
  if (config.memPerVm < minimum)
    return cannotRun(
        "--mem-per-vm " + formatBytes(config.memPerVm) +
        " is too small for this image: each VM needs at least " + std::to_string(minimum) +
        " bytes (private data " + std::to_string(image.info().data_size + image.info().bss_size) +
        ", arguments, 16 KiB heap" +
        (config.rxRingBytes ? ", " + std::to_string(config.rxRingBytes) + " bytes of --rx-ring"
                            : std::string()) +
        ")");
  const unsigned gpu = vm.count("gpu") ? vm["gpu"].as<unsigned>() : 0;
  std::unique_ptr<Backend> backend = chooseBackend(backendName, gpu, image, error);
  if (!backend)
    return cannotRun(error);
  if (vm.count("gpu") && backend->name() == "host")
    return usageError("--gpu picks a GPU; this run is on the host backend (a " +
                      image.targetName() + " image" +
                      (backendName == "host" ? ", --backend host" : "") + ")");
  if (consoleOptions.mode == ConsoleOptions::Mode::LogDir) {
    std::error_code ec;
    std::filesystem::create_directories(consoleOptions.logDir, ec);
    if (ec)
      return usageError("--log-dir " + consoleOptions.logDir +
                        ": cannot create it: " + ec.message());
    if (!std::ofstream(consoleOptions.logDir + "/.gpuvm-probe"))
      return usageError("--log-dir " + consoleOptions.logDir + " is not a writable directory");
    std::remove((consoleOptions.logDir + "/.gpuvm-probe").c_str());
  }

  FileSystemOptions files;
  if (vm.count("root"))
    files.root = vm["root"].as<std::string>();
  if (vm.count("ro-root"))
    files.roRoot = vm["ro-root"].as<std::string>();
  raiseOpenFileLimit();
  size_t hostFds = vm["host-fds"].as<size_t>();
  DescriptorCache descriptors(hostFds ? hostFds : DescriptorCache::defaultCapacity());
  // A host limit the VMs ran into goes to stderr (through the console, which
  // is made later) and into the status file.
  Console *consoleForNotes = nullptr;
  std::mutex hostNotesMutex;
  std::vector<std::string> hostNotes;
  auto hostLimit = [&](const std::string &line) {
    {
      std::lock_guard<std::mutex> lock(hostNotesMutex);
      hostNotes.push_back(line);
    }
    if (consoleForNotes)
      consoleForNotes->note(line);
  };
  DataSet dataSet;
  if (!files.roRoot.empty()) {
    uint64_t budget = 0;
    std::string text = vm["ro-root-memory"].as<std::string>();
    if (!parseSize(text, budget))
      return usageError("--ro-root-memory: invalid size '" + text + "'");
    if (budget)
      if (std::string why = dataSet.load(files.roRoot, budget); !why.empty())
        return cannotRun(why);
    const DataSet::Figures &loaded = dataSet.figures();
    if (loaded.skippedFiles)
      std::cerr << "gpuvm: --ro-root: " << loaded.skippedFiles << " files ("
                << formatBytes(loaded.skippedBytes)
                << ") are read through the host, not in place: first " << loaded.firstSkipped
                << "\n";
    if (config.verbose && budget)
      std::fprintf(stderr,
                   "gpuvm: --ro-root: %llu files (%s) and %llu directories loaded in %.3f s\n",
                   (unsigned long long)loaded.files, formatBytes(loaded.bytes).c_str(),
                   (unsigned long long)loaded.directories, loaded.seconds);
    if (!dataSet.empty())
      config.dataSet = &dataSet;
  }
  FileService fileService(files, config.vmCount, descriptors, hostLimit, config.dataSet);
  if (std::string why = fileService.prepare(); !why.empty())
    return cannotRun(why);

  std::optional<net::Network> network;
  if (netOptions) {
    network.emplace(*netOptions, config.vmCount);
    if (std::string why = network->open(); !why.empty())
      return cannotRun(why);
    config.network = &*network;
  }
  struct {
    std::mutex mutex;
    RpcServer *server = nullptr;
  } stopper;
  net::ControlServer control;
  if (vm.count("control")) {
    std::string path = vm["control"].as<std::string>();
    if (path.empty())
      path = net::defaultControlPath();
    // Built before the server it stops; answers only once the server exists.
    auto answer = [&network, &stopper](const std::string &request) -> std::string {
      if (request.starts_with("stop ")) {
        const char *digits = request.c_str() + 5;
        char *end = nullptr;
        unsigned long long id = std::strtoull(digits, &end, 10);
        if (end == digits || *end || *digits < '0' || *digits > '9' || id > 0xffffffffull)
          return "gpuvm: bad stop request '" + request + "'\n";
        std::lock_guard<std::mutex> lock(stopper.mutex);
        return stopper.server ? stopper.server->requestStop(uint32_t(id))
                              : "gpuvm: the VMs have not started yet\n";
      }
      if (request != "stat")
        return "gpuvm: unknown request '" + request + "' (expected stat or stop VM)\n";
      return network ? network->statText() : "network: off (--rx-ring 0)\n";
    };
    if (std::string why = control.open(path, answer); !why.empty())
      return cannotRun(why);
    if (config.verbose)
      std::cerr << "gpuvm: control socket " << path << "\n";
  }

  Console console(consoleOptions, config.vmCount, descriptors, hostLimit);
  consoleForNotes = &console;
  RpcServer server(console, fileService, config.vmCount);
  {
    std::lock_guard<std::mutex> lock(stopper.mutex);
    stopper.server = &server;
  }
  // The control socket's thread may still ask the server while it goes.
  struct Forget {
    decltype(stopper) &s;
    ~Forget() {
      std::lock_guard<std::mutex> lock(s.mutex);
      s.server = nullptr;
    }
  } forget{stopper};
  // What a run leaves behind (the console's last lines, the status file, the
  // summary), whether it ends or is stopped. stoppedBy names the signal.
  auto report = [&](const std::string &stoppedBy) -> int {
    console.flush();
    const std::vector<std::string> limits = limitNotes(server.outcomes(), config);
    for (const std::string &note : limits)
      std::cerr << "gpuvm: " << note << "\n";
    if (vm.count("status-file")) {
      std::ofstream status(vm["status-file"].as<std::string>());
      if (!status)
        return cannotRun("cannot write --status-file " + vm["status-file"].as<std::string>());
      const char *kinds[] = {"exit", "abort", "crash"};
      for (uint32_t i = 0; i < config.vmCount; ++i) {
        const VmOutcome &o = server.outcomes()[i];
        status << i << " "
               << (o.exited            ? kinds[o.kind]
                   : stoppedBy.empty() ? "lost"
                                       : "stopped")
               << " " << o.status << limitCountersText(o.limits)
               << (network ? network->vmCountersText(i) : std::string()) << "\n";
      }
      std::lock_guard<std::mutex> lock(hostNotesMutex);
      for (const std::string &note : hostNotes)
        status << "# " << note << "\n";
      for (const std::string &note : limits)
        status << "# " << note << "\n";
    }
    return summarize(server.outcomes(), backend->name(), stoppedBy, std::cerr);
  };
  // --verbose: the host calls, also for a run stopped by a signal (servers
  // usually are).
  auto start = std::chrono::steady_clock::now();
  auto describeRun = [&] {
    if (!config.verbose)
      return;
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "gpuvm: %u VMs ran in %.3f s; %llu host calls served (%.0f per second)\n",
                 config.vmCount, seconds, (unsigned long long)server.callCount(),
                 seconds > 0 ? double(server.callCount()) / seconds : 0.0);
    if (network)
      std::cerr << "gpuvm: " << network->bridgeText() << "\n";
  };
  StopSignals stopSignals([&](int signal) {
    std::string name = std::string("SIG") + sigabbrev_np(signal);
    console.note("stopped by " + name + ": the VMs still running end with the run");
    describeRun();
    report(name);
    std::cerr.flush();
    // The backend's threads are mid-run: leave without unwinding them.
    std::_Exit(128 + signal);
  });
  std::string failure = backend->run(image, config, server);
  stopSignals.disarm();
  console.flush();
  if (!failure.empty() && server.exitedCount() == 0)
    return cannotRun(failure);
  if (!failure.empty())
    std::cerr << "gpuvm: error: " << failure << "\n";
  describeRun();
  int rc = report("");
  return failure.empty() || rc == kExitCannotRun ? rc : kExitVmFailed;
}

} // namespace

int main(int argc, char **argv) {
  po::options_description runOptions("run options");
  // clang-format off
  runOptions.add_options()
    ("vms,n", po::value<long long>()->default_value(1), "number of VMs")
    ("mem-per-vm", po::value<std::string>()->default_value("1M"),
     "memory slice of each VM: private data, arguments, heap and its inbound packet ring "
     "(--rx-ring) (K, M, G suffixes)")
    ("backend", po::value<std::string>()->default_value("auto"), "auto, host, cuda or hsa")
    ("gpu", po::value<unsigned>(),
     "cuda and hsa backends: which of the machine's GPUs runs the VMs (0: the first, the "
     "default); one gpuvm per GPU, each with its own --prefix and --tun")
    ("stack-size", po::value<std::string>()->default_value("0"),
     "stack of each VM; 0: the backend's default (host 256K fibers, and as much again for "
     "the stack objects pointers reach; cuda 16K, at most 64K)")
    ("max-cpu-ms", po::value<long long>()->default_value(0),
     "end a VM that runs this many milliseconds without waiting (a blocking system call, a "
     "host call, a yield): a loop that never ends is reported as a crash of that VM alone; "
     "0: no limit")
    ("max-files", po::value<long long>()->default_value(0),
     "descriptors each VM may hold at once (files, sockets, pipes): its RLIMIT_NOFILE hard "
     "limit; past it EMFILE, counted and reported; 0: the light kernel's 65536")
    ("max-sockets", po::value<long long>()->default_value(0),
     "sockets each VM may hold at once, accepted connections included: past it socket() "
     "fails with EMFILE and a new connection is reset, counted and reported; 0: no limit "
     "but --max-files")
    ("console-rate", po::value<std::string>()->default_value("0"),
     "bytes per second each VM may write to stdout and stderr together (K, M, G "
     "suffixes), a second's worth at once: a faster writer waits, as on a slow terminal, "
     "and nothing is lost; the waits are reported; 0: no limit")
    ("workers", po::value<unsigned>()->default_value(0),
     "host backend: worker threads (0: one per core)")
    ("reply-relay", po::value<std::string>()->default_value("on"),
     "cuda backend: a VM waiting for a host call's reply polls a count that a relay thread "
     "on the GPU keeps in device memory (on), or its mailbox in host memory across the bus "
     "(off, for comparison)")
    ("console", po::value<std::string>()->default_value("prefix"),
     "VM output on the terminal: prefix (each line starts with [vm N]) or raw")
    ("log-dir", po::value<std::string>(), "write each VM's output to DIR/vm-N.out and vm-N.err")
    ("env", po::value<std::vector<std::string>>(), "NAME=VALUE in every VM's environment")
    ("hostname", po::value<std::string>(),
     "each VM's hostname (gethostname, uname; \"{vm}\" expands to its id); default vm<id>")
    ("root", po::value<std::string>(),
     "each VM's root directory (\"{vm}\" expands to its id; created if missing); files a VM "
     "opens, creates or lists are inside it, never outside")
    ("ro-root", po::value<std::string>(),
     "a directory every VM reads as a fallback: a path missing from the VM's own root is "
     "looked up here, read-only; writes always go to the VM's own root")
    ("ro-root-memory", po::value<std::string>()->default_value("1G"),
     "memory for --ro-root's files, loaded once at launch (device memory on a GPU) and read "
     "by every VM in place; files beyond it are read through the host; 0: none loaded")
    ("host-fds", po::value<size_t>()->default_value(0),
     "host descriptors kept open for the VMs' files, roots and logs (0: half the process's "
     "limit); past it the least recently used are closed and reopened by name when needed")
    ("status-file", po::value<std::string>(),
     "write one line per VM: id, exit|abort|crash|lost, status, what its limits refused "
     "where not 0 (files_refused=N sockets_refused=N console_wait_ms=N), then its network "
     "counters (packets_in=N ...); then a line starting with # for each host or VM limit "
     "VMs ran into")
    ("allow-unconfined",
     "run an image built without software fault isolation (gpu-c++ -fno-gpuvm-sfi), whose "
     "VMs are not kept out of each other's memory")
    ("verbose,v", "describe the device, the launch and its timing");
  po::options_description netOptions("network options");
  netOptions.add_options()
    ("prefix", po::value<std::string>()->default_value(net::kDefaultPrefix),
     "the /64 of this run (a ULA by default): VM k is PREFIX::100+k")
    ("mtu", po::value<long long>()->default_value(GPUVM_NET_DEFAULT_MTU),
     "largest IPv6 packet, 1280 to 65535, on the device and the TUN")
    ("rx-ring", po::value<std::string>()->default_value("64K"),
     "packet bytes each VM's inbound ring holds, a power of two (taken from the top of "
     "--mem-per-vm); 0: no network")
    ("tun", po::value<std::string>(),
     "make (or attach to) TUN device NAME, give it PREFIX::1/64, the MTU and bring it up "
     "(root or CAP_NET_ADMIN); without it, packets for outside the VMs are dropped")
    ("impair", po::value<std::string>(),
     "seeded faults on the bridge, both ways: loss=P%,dup=P%,reorder=P%,corrupt=P%,seed=N "
     "(any subset)")
    ("pcap", po::value<std::string>(),
     "write what crosses the bridge to FILE (pcap, raw IPv6; read with tcpdump -r)")
    ("control", po::value<std::string>()->implicit_value(""),
     "listen on unix socket PATH for gpuvm stat and gpuvm stop (--control alone: "
     "/run/gpuvm/PID.sock); gpuvm stat or stop without it asks the only live socket there");
  // clang-format on
  po::options_description all;
  all.add(runOptions)
      .add(netOptions)
      .add_options()("help,h", "")("version", "")("command", po::value<std::string>())(
          "image", po::value<std::string>());
  po::positional_options_description positional;
  positional.add("command", 1).add("image", 1);

  // Everything after "--" belongs to the VMs.
  std::vector<std::string> ours, vmArgs;
  bool inVmArgs = false;
  for (int i = 1; i < argc; ++i) {
    if (!inVmArgs && std::string(argv[i]) == "--")
      inVmArgs = true;
    else
      (inVmArgs ? vmArgs : ours).push_back(argv[i]);
  }
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(ours).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error &e) {
    return usageError(e.what());
  }
  if (vm.count("help")) {
    printUsage(runOptions, netOptions);
    return 0;
  }
  if (vm.count("version")) {
    std::cout << "gpuvm " << kVersion << " (image ABI " << GPUVM_ABI_VERSION << ")\n";
    return 0;
  }
  if (!vm.count("command"))
    return usageError("missing command: run, inspect, stat or stop");
  std::string command = vm["command"].as<std::string>();
  if (command != "run" && command != "inspect" && command != "stat" && command != "stop")
    return usageError("unknown command '" + command + "' (expected run, inspect, stat or stop)");
  if (command == "stat")
    return vm.count("image") ? usageError("stat takes no IMAGE") : printStat(vm);
  if (command == "stop")
    return vm.count("image") ? requestStop(vm) : usageError("stop expects a VM id");
  if (!vm.count("image"))
    return usageError("missing IMAGE");
  if (command == "inspect")
    return inspect(vm["image"].as<std::string>());
  return run(vm["image"].as<std::string>(), vm, vmArgs);
}
