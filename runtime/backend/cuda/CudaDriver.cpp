#include "CudaDriver.h"

#include <dlfcn.h>

namespace gpuvm::runtime::cuda {

namespace {

// Where the API changed a signature, libcuda keeps the old symbol for old
// binaries and exports the current one with a _v2 suffix; cuda.h maps the
// plain name to it with a macro, so we must name the suffixed symbol.
template <typename Function>
bool resolve(void *library, const char *symbol, Function &out, std::string &error) {
  out = reinterpret_cast<Function>(dlsym(library, symbol));
  if (!out)
    error = std::string("NVIDIA driver too old: libcuda.so.1 has no ") + symbol;
  return out != nullptr;
}

} // namespace

CudaDriver::~CudaDriver() {
  if (library_)
    dlclose(library_);
}

bool CudaDriver::load(std::string &error) {
  if (library_)
    return true;
  void *library = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    error = "no NVIDIA driver: libcuda.so.1 not found";
    return false;
  }
  bool resolved =
      resolve(library, "cuInit", cuInit, error) &&
      resolve(library, "cuGetErrorString", cuGetErrorString, error) &&
      resolve(library, "cuGetErrorName", cuGetErrorName, error) &&
      resolve(library, "cuDeviceGetCount", cuDeviceGetCount, error) &&
      resolve(library, "cuDeviceGet", cuDeviceGet, error) &&
      resolve(library, "cuDeviceGetName", cuDeviceGetName, error) &&
      resolve(library, "cuDeviceGetAttribute", cuDeviceGetAttribute, error) &&
      resolve(library, "cuDevicePrimaryCtxRetain", cuDevicePrimaryCtxRetain, error) &&
      resolve(library, "cuDevicePrimaryCtxRelease_v2", cuDevicePrimaryCtxRelease, error) &&
      resolve(library, "cuCtxSetCurrent", cuCtxSetCurrent, error) &&
      resolve(library, "cuCtxSetLimit", cuCtxSetLimit, error) &&
      resolve(library, "cuCtxGetLimit", cuCtxGetLimit, error) &&
      resolve(library, "cuModuleLoadDataEx", cuModuleLoadDataEx, error) &&
      resolve(library, "cuModuleUnload", cuModuleUnload, error) &&
      resolve(library, "cuModuleGetFunction", cuModuleGetFunction, error) &&
      resolve(library, "cuModuleGetGlobal_v2", cuModuleGetGlobal, error) &&
      resolve(library, "cuFuncGetAttribute", cuFuncGetAttribute, error) &&
      resolve(library, "cuOccupancyMaxActiveBlocksPerMultiprocessor",
              cuOccupancyMaxActiveBlocksPerMultiprocessor, error) &&
      resolve(library, "cuMemGetInfo_v2", cuMemGetInfo, error) &&
      resolve(library, "cuMemAlloc_v2", cuMemAlloc, error) &&
      resolve(library, "cuMemFree_v2", cuMemFree, error) &&
      resolve(library, "cuMemHostAlloc", cuMemHostAlloc, error) &&
      resolve(library, "cuMemFreeHost", cuMemFreeHost, error) &&
      resolve(library, "cuMemHostGetDevicePointer_v2", cuMemHostGetDevicePointer, error) &&
      resolve(library, "cuMemcpyHtoD_v2", cuMemcpyHtoD, error) &&
      resolve(library, "cuMemcpy2D_v2", cuMemcpy2D, error) &&
      resolve(library, "cuMemcpyDtoH_v2", cuMemcpyDtoH, error) &&
      resolve(library, "cuMemcpyDtoHAsync_v2", cuMemcpyDtoHAsync, error) &&
      resolve(library, "cuMemcpyHtoDAsync_v2", cuMemcpyHtoDAsync, error) &&
      resolve(library, "cuMemsetD32_v2", cuMemsetD32, error) &&
      resolve(library, "cuStreamCreate", cuStreamCreate, error) &&
      resolve(library, "cuStreamDestroy_v2", cuStreamDestroy, error) &&
      resolve(library, "cuStreamQuery", cuStreamQuery, error) &&
      resolve(library, "cuStreamSynchronize", cuStreamSynchronize, error) &&
      resolve(library, "cuLaunchKernel", cuLaunchKernel, error);
  if (!resolved) {
    dlclose(library);
    return false;
  }
  library_ = library;
  return true;
}

std::string CudaDriver::describe(CUresult result) const {
  const char *text = nullptr, *name = nullptr;
  if (cuGetErrorString(result, &text) != CUDA_SUCCESS || !text)
    text = "unknown error";
  if (cuGetErrorName(result, &name) != CUDA_SUCCESS || !name)
    return std::string(text) + " (CUresult " + std::to_string(result) + ")";
  return std::string(text) + " (" + name + ")";
}

} // namespace gpuvm::runtime::cuda
