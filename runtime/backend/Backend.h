// A place VMs run: the host's CPU threads, an NVIDIA GPU (CUDA driver API),
// or an AMD GPU (HSA/ROCr). All run the same image ABI.
#pragma once

#include "image/Image.h"
#include "rpc/RpcServer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gpuvm::runtime {

namespace net {
class Network;
}

struct LaunchConfig {
  uint32_t vmCount = 1;
  uint64_t memPerVm = 1 << 20; // bytes of private data + arguments + heap per VM
  uint64_t stackSize = 0;      // per VM; 0: the backend's default
  uint64_t maxRunNs = 0;       // --max-cpu-ms, in nanoseconds; 0: no limit
  // --max-files, --max-sockets, --console-rate (bytes/s) of each VM; 0: none
  uint32_t maxFiles = 0, maxSockets = 0;
  uint64_t consoleBytesPerSecond = 0;
  unsigned workers = 0;          // host: worker threads (0 = one per core)
  bool replyRelay = true;        // cuda: replies counted on the GPU (gpuvm/doorbell.h)
  std::vector<std::string> argv; // argv[0] included; "{vm}" expands in each VM
  std::vector<std::string> env;  // NAME=VALUE
  std::string hostname;          // --hostname, "{vm}" expands; empty: "vm<id>"
  bool verbose = false;          // backends describe the device and the launch shape
  // The network (runtime/net/Network.h); null: the VMs have none. The top
  // rxRingBytes of every VM's slice is its inbound packet ring.
  net::Network *network = nullptr;
  uint64_t rxRingBytes = 0;
  // The --ro-root files loaded at launch (null or empty: none); the backend
  // places the block where every VM reads it.
  const DataSet *dataSet = nullptr;
};

// argv, env, then the hostname if given, NUL-terminated each, as struct
// gpuvm_launch describes.
std::vector<char> packArguments(const LaunchConfig &config);

// The smallest --mem-per-vm this image can boot in with these arguments.
uint64_t minimumMemPerVm(const gpuvm_image_info &info, const LaunchConfig &config);

// The image's read-only range for confined VMs (launch.confinement): the
// smallest range holding every [start, end) pair of its
// GPUVM_CONSTANT_BOUNDS_SYMBOL table, as the device sees the addresses.
struct ReadonlyRange {
  uint64_t start = 0, size = 0;
};
ReadonlyRange readonlyRange(const std::vector<uint64_t> &bounds);

// The image's GPUVM_FUNCTION_ENTRIES_SYMBOL table as the device sees the
// addresses, in the ascending order launch.confinement.entries promises.
std::vector<uint64_t> sortedEntries(std::vector<uint64_t> entries);

// Where each VM of this launch ended; the caller prints the summary.
class Backend {
public:
  virtual ~Backend() = default;
  virtual std::string name() const = 0;

  // Empty when this backend can run `image` on this machine; otherwise one
  // line saying what is missing (no GPU, no driver, wrong target).
  virtual std::string unavailableReason(const Image &image) = 0;

  // Boots config.vmCount VMs and returns when all have ended, or when the
  // device failed (then the VMs that never reported stay un-exited in the
  // server's outcomes). Returns empty, or a one-line error.
  virtual std::string run(const Image &image, const LaunchConfig &config, RpcServer &server) = 0;
};

std::unique_ptr<Backend> makeHostBackend();
// `gpu`: which of the machine's GPUs (0 the first), as gpuvm run --gpu says.
std::unique_ptr<Backend> makeCudaBackend(unsigned gpu);
std::unique_ptr<Backend> makeHsaBackend(unsigned gpu);

// "12 MiB" style sizes for messages.
std::string formatBytes(uint64_t bytes);

} // namespace gpuvm::runtime
