// Inline assembly that a confined x86-64 image may keep: statements such as
// zstd's and BLAKE3's `cpuid`/`xgetbv` feature tests, zstd's branch-free
// `cmp`/`cmova`, `nop` and `.p2align` padding. No check can see into
// assembly, so it is accepted only where there is nothing to check: AT&T
// syntax, instructions from a list of those that neither touch memory nor
// transfer control (no push, no string instruction, no syscall), operands
// that are registers or immediates only (no memory constraint, no
// addressing), no stack or segment register, and every register an
// instruction writes, named or implicit (cpuid's four), declared by the
// statement as an output or a clobber, and the flags declared clobbered, so
// the compiler's own values (a VM's base among them) survive it.
#pragma once

namespace llvm {
class InlineAsm;
} // namespace llvm

namespace gpuvm {

bool isRegisterOnlyX86Assembly(const llvm::InlineAsm &assembly);

} // namespace gpuvm
