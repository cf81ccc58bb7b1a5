/* gpu-c++ -fgpuvm-backtrace: every function of the VM's own code (the
 * program, libc, libc++) records its name on entry in a ring of the VM's
 * last GPUVM_BACKTRACE_FRAMES active frames, and where it calls from before
 * each call, and restores the depth as it returns; a VM that crashes or
 * aborts prints them (lightkernel/debug/).
 * GPUs have no unwinder, so this is how a fault there says where it was.
 * Shared by the pass (compiler/passes/Backtrace.h) and the light kernel. */
#ifndef GPUVM_ABI_BACKTRACE_H
#define GPUVM_ABI_BACKTRACE_H

/* A power of two: the depth, masked, is the slot. */
#define GPUVM_BACKTRACE_FRAMES 64u

struct gpuvm_backtrace_frame {
  const char *function; /* "name (file:line of its definition)" */
  /* Null, or where the function is calling from, as debug information says:
   * "file:line", and for a call in code inlined into the function, each
   * inlined function after it, outermost first: "file:line > name file:line". */
  const char *call;
};

/* The light kernel defines it weakly, as "no frames"; the pass gives it a
 * body that hands over the ring and returns the depth (the ring's slot of
 * the innermost frame is (depth - 1) % GPUVM_BACKTRACE_FRAMES). */
#define GPUVM_BACKTRACE_HOOK "__gpuvm_backtrace"

#endif
