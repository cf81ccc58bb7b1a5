# Cross-compile an existing CMake project for gpuvm VMs:
#   cmake -S src -B build -DCMAKE_TOOLCHAIN_FILE=<gpuvm>/share/gpuvm/gpuvm-toolchain.cmake \
#         -DGPUVM_TARGET=nvptx [-DGPUVM_ARCH=sm_90]
# GPUVM_TARGET is host, nvptx or amdgcn; executables come out as gpuvm images.
# -DGPUVM_SYSTEM=Linux lets the project see the Linux a VM offers (its
# Linux paths: epoll, timerfd, pthreads); the default is Generic.
if(GPUVM_SYSTEM)
  set(CMAKE_SYSTEM_NAME ${GPUVM_SYSTEM})
else()
  set(CMAKE_SYSTEM_NAME Generic)
endif()
set(CMAKE_SYSTEM_PROCESSOR ${GPUVM_TARGET})
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES GPUVM_TARGET GPUVM_ARCH GPUVM_SYSTEM)

get_filename_component(_gpuvm_root "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
set(CMAKE_C_COMPILER "${_gpuvm_root}/bin/gpu-c++")
set(CMAKE_CXX_COMPILER "${_gpuvm_root}/bin/gpu-c++")
if(NOT GPUVM_TARGET)
  set(GPUVM_TARGET host)
endif()
set(_gpuvm_flags "--target=${GPUVM_TARGET}")
if(GPUVM_ARCH)
  string(APPEND _gpuvm_flags " --offload-arch=${GPUVM_ARCH}")
endif()
set(CMAKE_C_FLAGS_INIT "${_gpuvm_flags}")
set(CMAKE_CXX_FLAGS_INIT "${_gpuvm_flags}")

# Objects are LLVM bitcode: archive them with LLVM's tools.
find_program(CMAKE_AR NAMES llvm-ar-22 llvm-ar PATHS /usr/lib/llvm-22/bin REQUIRED)
find_program(CMAKE_RANLIB NAMES llvm-ranlib-22 llvm-ranlib PATHS /usr/lib/llvm-22/bin REQUIRED)

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
