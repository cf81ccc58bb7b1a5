#include "UsedLists.h"

#include <llvm/IR/Constants.h>
#include <llvm/Transforms/Utils/ModuleUtils.h>

using namespace llvm;

namespace gpuvm {

void removeFromUsedLists(Module &m, function_ref<bool(const GlobalValue &)> remove) {
  for (StringRef name : {"llvm.used", "llvm.compiler.used"}) {
    GlobalVariable *used = m.getGlobalVariable(name);
    if (!used)
      continue;
    SmallVector<GlobalValue *, 16> kept;
    for (const Use &u : cast<ConstantArray>(used->getInitializer())->operands()) {
      auto *gv = cast<GlobalValue>(u.get()->stripPointerCasts());
      if (!remove(*gv))
        kept.push_back(gv);
    }
    used->eraseFromParent();
    if (name == "llvm.used")
      appendToUsed(m, kept);
    else
      appendToCompilerUsed(m, kept);
  }
}

} // namespace gpuvm
