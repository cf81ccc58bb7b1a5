// The part of the CUDA driver API the CUDA backend uses, resolved from
// libcuda.so.1 at run time: gpuvm builds without the CUDA toolkit, and the
// same binary runs (and says why it can't use a GPU) where no driver is
// installed. Types and values are those of cuda.h; we declare only what we use.
#pragma once

#include <cstddef>
#include <string>

namespace gpuvm::runtime::cuda {

using CUresult = int;
using CUdevice = int;
using CUdeviceptr = unsigned long long;
using CUcontext = struct CUctx_st *;
using CUmodule = struct CUmod_st *;
using CUfunction = struct CUfunc_st *;
using CUstream = struct CUstream_st *;
using CUarray = struct CUarray_st *;

enum : CUresult {
  CUDA_SUCCESS = 0,
  CUDA_ERROR_NO_DEVICE = 100,
  CUDA_ERROR_NOT_READY = 600,
};

enum CUdevice_attribute : int {
  CU_DEVICE_ATTRIBUTE_MAX_PITCH = 11,
  CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16,
  CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_MULTIPROCESSOR = 39,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76,
};

enum CUfunction_attribute : int {
  CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK = 0,
  CU_FUNC_ATTRIBUTE_LOCAL_SIZE_BYTES = 3,
  CU_FUNC_ATTRIBUTE_NUM_REGS = 4,
};

enum CUlimit : int {
  CU_LIMIT_STACK_SIZE = 0,
};

enum CUjit_option : int {
  CU_JIT_INFO_LOG_BUFFER = 3,
  CU_JIT_INFO_LOG_BUFFER_SIZE_BYTES = 4,
  CU_JIT_ERROR_LOG_BUFFER = 5,
  CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES = 6,
};

enum CUmemorytype : int {
  CU_MEMORYTYPE_HOST = 1,
  CU_MEMORYTYPE_DEVICE = 2,
};

// cuMemcpy2D_v2's parameters (CUDA_MEMCPY2D_v2 in cuda.h): rows of
// WidthInBytes, Height of them, each side advancing by its own pitch.
struct CUDA_MEMCPY2D {
  size_t srcXInBytes = 0;
  size_t srcY = 0;
  CUmemorytype srcMemoryType = CU_MEMORYTYPE_HOST;
  const void *srcHost = nullptr;
  CUdeviceptr srcDevice = 0;
  CUarray srcArray = nullptr;
  size_t srcPitch = 0;
  size_t dstXInBytes = 0;
  size_t dstY = 0;
  CUmemorytype dstMemoryType = CU_MEMORYTYPE_HOST;
  void *dstHost = nullptr;
  CUdeviceptr dstDevice = 0;
  CUarray dstArray = nullptr;
  size_t dstPitch = 0;
  size_t WidthInBytes = 0;
  size_t Height = 0;
};
static_assert(sizeof(CUDA_MEMCPY2D) == 128, "CUDA_MEMCPY2D_v2's layout on LP64");

enum : unsigned {
  CU_MEMHOSTALLOC_PORTABLE = 0x1,
  CU_MEMHOSTALLOC_DEVICEMAP = 0x2,
  CU_STREAM_NON_BLOCKING = 0x1,
};

// One loaded libcuda.so.1. Every entry point is resolved by load(); the
// pointers stay null until then.
class CudaDriver {
public:
  CudaDriver() = default;
  CudaDriver(const CudaDriver &) = delete;
  CudaDriver &operator=(const CudaDriver &) = delete;
  ~CudaDriver();

  // Opens the library and resolves every entry point below. On failure
  // returns false with a one-line reason in `error`.
  bool load(std::string &error);

  // "out of memory (CUDA_ERROR_OUT_OF_MEMORY)" for messages.
  std::string describe(CUresult result) const;

  CUresult (*cuInit)(unsigned flags) = nullptr;
  CUresult (*cuGetErrorString)(CUresult error, const char **text) = nullptr;
  CUresult (*cuGetErrorName)(CUresult error, const char **name) = nullptr;
  CUresult (*cuDeviceGetCount)(int *count) = nullptr;
  CUresult (*cuDeviceGet)(CUdevice *device, int ordinal) = nullptr;
  CUresult (*cuDeviceGetName)(char *name, int length, CUdevice device) = nullptr;
  CUresult (*cuDeviceGetAttribute)(int *value, CUdevice_attribute attribute,
                                   CUdevice device) = nullptr;
  CUresult (*cuDevicePrimaryCtxRetain)(CUcontext *context, CUdevice device) = nullptr;
  CUresult (*cuDevicePrimaryCtxRelease)(CUdevice device) = nullptr; // _v2
  CUresult (*cuCtxSetCurrent)(CUcontext context) = nullptr;
  CUresult (*cuCtxSetLimit)(CUlimit limit, size_t value) = nullptr;
  CUresult (*cuCtxGetLimit)(size_t *value, CUlimit limit) = nullptr;
  CUresult (*cuModuleLoadDataEx)(CUmodule *module, const void *image, unsigned optionCount,
                                 CUjit_option *options, void **optionValues) = nullptr;
  CUresult (*cuModuleUnload)(CUmodule module) = nullptr;
  CUresult (*cuModuleGetFunction)(CUfunction *function, CUmodule module,
                                  const char *name) = nullptr;
  CUresult (*cuModuleGetGlobal)(CUdeviceptr *address, size_t *size, CUmodule module,
                                const char *name) = nullptr; // _v2
  CUresult (*cuFuncGetAttribute)(int *value, CUfunction_attribute attribute,
                                 CUfunction function) = nullptr;
  CUresult (*cuOccupancyMaxActiveBlocksPerMultiprocessor)(int *blocks, CUfunction function,
                                                          int blockSize,
                                                          size_t dynamicSharedBytes) = nullptr;
  CUresult (*cuMemGetInfo)(size_t *free, size_t *total) = nullptr;      // _v2
  CUresult (*cuMemAlloc)(CUdeviceptr *address, size_t bytes) = nullptr; // _v2
  CUresult (*cuMemFree)(CUdeviceptr address) = nullptr;                 // _v2
  CUresult (*cuMemHostAlloc)(void **address, size_t bytes, unsigned flags) = nullptr;
  CUresult (*cuMemFreeHost)(void *address) = nullptr;
  CUresult (*cuMemHostGetDevicePointer)(CUdeviceptr *device, void *host,
                                        unsigned flags) = nullptr; // _v2
  CUresult (*cuMemcpyHtoD)(CUdeviceptr destination, const void *source,
                           size_t bytes) = nullptr;            // _v2
  CUresult (*cuMemcpy2D)(const CUDA_MEMCPY2D *copy) = nullptr; // _v2
  CUresult (*cuMemcpyDtoH)(void *destination, CUdeviceptr source, size_t bytes) = nullptr;
  CUresult (*cuMemcpyDtoHAsync)(void *destination, CUdeviceptr source, size_t bytes,
                                CUstream stream) = nullptr; // _v2
  CUresult (*cuMemcpyHtoDAsync)(CUdeviceptr destination, const void *source, size_t bytes,
                                CUstream stream) = nullptr; // _v2
  CUresult (*cuMemsetD32)(CUdeviceptr destination, unsigned value,
                          size_t count) = nullptr; // _v2
  CUresult (*cuStreamCreate)(CUstream *stream, unsigned flags) = nullptr;
  CUresult (*cuStreamDestroy)(CUstream stream) = nullptr; // _v2
  CUresult (*cuStreamQuery)(CUstream stream) = nullptr;
  CUresult (*cuStreamSynchronize)(CUstream stream) = nullptr;
  CUresult (*cuLaunchKernel)(CUfunction function, unsigned gridX, unsigned gridY, unsigned gridZ,
                             unsigned blockX, unsigned blockY, unsigned blockZ,
                             unsigned sharedBytes, CUstream stream, void **parameters,
                             void **extra) = nullptr;

private:
  void *library_ = nullptr;
};

} // namespace gpuvm::runtime::cuda
