#include <stdint.h>

/* The canary that code built with -fstack-protector compares on targets whose
 * guard is a global, for objects that name it. None of gpu-c++'s targets
 * does: x86-64 compares %fs:0x28, the worker thread's canary, and the NVPTX
 * and AMDGPU code generators emit no checks. So no VM draws a random value
 * at boot, which cost every GPU VM a host round trip; the global stays zero
 * (per VM, as every global). */
uintptr_t __stack_chk_guard;
