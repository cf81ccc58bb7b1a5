// Software fault isolation: confines every memory access of a VM's own code
// (the program, libc, libc++) to what that VM may touch.
//
// Runs on the whole linked program before the privatizing pass. Before each
// load, store, atomic and memory intrinsic whose address it cannot prove safe,
// it calls __gpuvm_confine_read or __gpuvm_confine_write (the light kernel's:
// calls through optimization, then inlined by InlineChecksPass on the host;
// GPUs keep them as calls), which end
// the VM alone when the range is outside
// its slice, its stack and, for reads, the image's constants and the shared
// data set. Functions marked GPUVM_KERNEL_ATTRIBUTE (the light kernel) are
// checked too, against __gpuvm_confine_kernel_read/write, which also let
// them reach the VM's mailbox and network counters: the kernel's state lives
// in the VM's slice, where the VM can overwrite it, and must not lead the
// kernel into another VM. Those it marks GPUVM_TRUSTED_ATTRIBUTE (LK_TRUSTED:
// the router, the rings, the host's calls, the checks), and what only they
// call, are left as they are; the optimizer may inline them afterwards,
// which keeps them unchecked.
//
// Safe without a check: a constant offset inside a stack object, inside a
// global that becomes private data, or (reads) inside any other global.
//
// Indirect calls of the VM's code are checked too (__gpuvm_confine_call): the
// callee must be a function the VM's code could take the address of, which
// the pass marks for confineAfterOptimization's table.
//
// The pass marks the module (GPUVM_CONFINED_FLAG) so that the privatizing
// pass records GPUVM_IMAGE_CONFINED in the image info; a module without the
// light kernel's check functions (-nostdlib) stays unconfined and unmarked.
#pragma once

#include <llvm/IR/Module.h>
#include <llvm/IR/PassManager.h>

#include <string>
#include <vector>

namespace gpuvm {

// The function attribute gpu-c++ gives every function of the light kernel.
inline constexpr const char *GPUVM_KERNEL_ATTRIBUTE = "gpuvm-kernel";
inline bool isKernel(const llvm::Function &fn) {
  return fn.hasFnAttribute(GPUVM_KERNEL_ATTRIBUTE);
}
inline constexpr const char *GPUVM_CONFINED_FLAG = "gpuvm.confined";
// The light kernel's check of a function's frame against the stack left
// (checkStacks, in confineAfterOptimization). On the host it runs where
// the split-stack prologues' limit may already be passed: it has none.
inline constexpr const char *GPUVM_CONFINE_STACK = "__gpuvm_confine_stack";

// The light kernel's module (crt.o), before it is linked: marks its functions
// GPUVM_KERNEL_ATTRIBUTE and its variables with metadata of that name, and
// its system calls (declared in <lightkernel/syscall.h>, which annotates
// them) GPUVM_SYSCALL_ATTRIBUTE; drops the annotations, which would keep every
// system call in every image.
inline constexpr const char *GPUVM_SYSCALL_ATTRIBUTE = "gpuvm-syscall";
// Given, as the system calls are, through an annotation (LK_TRUSTED).
inline constexpr const char *GPUVM_TRUSTED_ATTRIBUTE = "gpuvm-trusted";
void markLightKernel(llvm::Module &kernel);
// What code generation may call for a memory intrinsic, in the light kernel
// as anywhere. Confinement leaves their bodies unchecked (they work on
// whatever the light kernel hands them) and checks their callers instead.
bool isMemoryPrimitive(const llvm::Function &fn);
// Drops the system-call annotations of any other module (libc, the program:
// whatever includes the header), which mark nothing: only the kernel's own
// word counts.
void takeSystemCallAnnotations(llvm::Module &module, bool kernel);

// What a confined program may not do: name a function or variable of the
// light kernel other than its system calls (calling past them, or writing
// the kernel's state by name). One line per use, "user uses the light
// kernel's internal 'name'"; empty when there is none.
std::vector<std::string> kernelInternalsUsed(const llvm::Module &module);

// Nor may its own code hold inline assembly, which no check can see into (an
// empty string, the usual optimization barrier, is allowed, and on x86-64
// register-only statements: RegisterOnlyAssembly.h); gpuvm's own
// libraries, marked by markRuntimeLibrary, may (LLVM libc's floating-point
// environment on x86-64). One line per use, "function (file:line) uses
// inline assembly ..."; empty when there is none.
std::vector<std::string> inlineAssemblyUsed(const llvm::Module &module);
inline constexpr const char *GPUVM_LIBRARY_ATTRIBUTE = "gpuvm-library";
void markRuntimeLibrary(llvm::Module &library);

struct ConfineMemoryPass : llvm::PassInfoMixin<ConfineMemoryPass> {
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
};

// After optimization: the table GPUVM_CONSTANT_BOUNDS_SYMBOL of [start, end)
// pairs of every global left in ordinary memory that a confined VM may read
// through a pointer (constants, the launch parameters), from which the
// runtime takes the image's read-only range: what confined code reads, and
// what the light kernel lets any VM hand it as a buffer to read.
void emitConstantBounds(llvm::Module &module);

// After optimization, for a module the pass confined: the table
// GPUVM_FUNCTION_ENTRIES_SYMBOL of the functions an indirect call may reach,
// and in every loop of the VM's code a counter that calls the light kernel's
// __gpuvm_confine_budget every few thousand iterations, so that a VM that
// never waits can be ended (--max-cpu-ms).
void confineAfterOptimization(llvm::Module &module);

// Host images, after confineAfterOptimization: the checks that remain are
// inlined where they are called (the light kernel keeps them out of line
// until then).
struct InlineChecksPass : llvm::PassInfoMixin<InlineChecksPass> {
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
};

struct ConfineAfterOptimizationPass : llvm::PassInfoMixin<ConfineAfterOptimizationPass> {
  llvm::PreservedAnalyses run(llvm::Module &module, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
};

} // namespace gpuvm
