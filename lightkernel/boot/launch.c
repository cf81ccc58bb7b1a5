#include <lightkernel/arch.h>

#include <gpuvm/image.h>

/* Written by the runtime before any VM starts; one copy for all VMs. */
__attribute__((section(GPUVM_SHARED_SECTION), used)) struct gpuvm_launch __gpuvm_launch;
