// llvm.used and llvm.compiler.used hold plain global values: a global that
// is replaced by a piece of another must leave them first.
#pragma once

#include <llvm/ADT/STLFunctionalExtras.h>
#include <llvm/IR/Module.h>

namespace gpuvm {

void removeFromUsedLists(llvm::Module &module,
                         llvm::function_ref<bool(const llvm::GlobalValue &)> remove);

} // namespace gpuvm
