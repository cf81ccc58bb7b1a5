#include "BreakGlobalCycles.h"

#include "ConfineMemory.h"

#include "PrivatizeGlobals.h"
#include "gpuvm/image.h"

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/SmallPtrSet.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/DataLayout.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/Alignment.h>
#include <llvm/Transforms/Utils/ModuleUtils.h>

#include <utility>
#include <vector>

using namespace llvm;

namespace gpuvm {

namespace {

// The global variables `c` names, looking through aliases as NVPTX does.
void collectGlobals(const Constant *c, SmallPtrSetImpl<GlobalVariable *> &out,
                    SmallPtrSetImpl<const Constant *> &seen) {
  if (!seen.insert(c).second)
    return;
  if (auto *gv = dyn_cast<GlobalVariable>(c)) {
    out.insert(const_cast<GlobalVariable *>(gv));
    return;
  }
  if (auto *alias = dyn_cast<GlobalAlias>(c)) {
    if (const Constant *aliasee = alias->getAliasee())
      collectGlobals(aliasee, out, seen);
    return;
  }
  if (isa<GlobalValue>(c))
    return;
  for (const Use &op : c->operands())
    if (auto *opc = dyn_cast<Constant>(op.get()))
      collectGlobals(opc, out, seen);
}

bool mentions(const Constant *c, GlobalVariable *target) {
  SmallPtrSet<GlobalVariable *, 8> found;
  SmallPtrSet<const Constant *, 16> seen;
  collectGlobals(c, found, seen);
  return found.count(target);
}

// Each node's successors, and each node's place in the module.
struct Graph {
  DenseMap<GlobalVariable *, SmallVector<GlobalVariable *, 4>> next;
  DenseMap<GlobalVariable *, unsigned> order;
};

// The nodes that `gv`'s initializer names, in module order, which keeps the
// choice of edge to cut the same from one build to the next.
SmallVector<GlobalVariable *, 4> successors(GlobalVariable *gv, const Graph &graph) {
  SmallPtrSet<GlobalVariable *, 8> found;
  SmallPtrSet<const Constant *, 16> seen;
  collectGlobals(gv->getInitializer(), found, seen);
  SmallVector<GlobalVariable *, 4> out;
  for (GlobalVariable *other : found)
    if (graph.order.count(other))
      out.push_back(other);
  llvm::sort(out, [&](GlobalVariable *a, GlobalVariable *b) {
    return graph.order.lookup(a) < graph.order.lookup(b);
  });
  return out;
}

// An edge (from, to) that closes a cycle, by depth-first search in module
// order; {nullptr, nullptr} when the graph has none.
std::pair<GlobalVariable *, GlobalVariable *> findBackEdge(Module &m, const Graph &graph) {
  enum State : unsigned char { Unseen, OnStack, Done };
  DenseMap<GlobalVariable *, State> state;
  for (GlobalVariable &root : m.globals()) {
    if (!graph.order.count(&root) || state.lookup(&root) != Unseen)
      continue;
    std::vector<std::pair<GlobalVariable *, unsigned>> stack{{&root, 0}};
    state[&root] = OnStack;
    while (!stack.empty()) {
      GlobalVariable *gv = stack.back().first;
      const auto &next = graph.next.find(gv)->second;
      if (stack.back().second == next.size()) {
        state[gv] = Done;
        stack.pop_back();
        continue;
      }
      GlobalVariable *to = next[stack.back().second++];
      State s = state.lookup(to);
      if (s == OnStack)
        return {gv, to};
      if (s == Unseen) {
        state[to] = OnStack;
        stack.push_back({to, 0});
      }
    }
  }
  return {nullptr, nullptr};
}

// `c` (laid out at byte `at` of its global) with every scalar that names
// `target` replaced by zero; each replaced scalar goes to `stores`.
Constant *cut(Constant *c, uint64_t at, GlobalVariable *target, const DataLayout &dl,
              SmallVectorImpl<std::pair<uint64_t, Constant *>> &stores) {
  if (!mentions(c, target))
    return c;
  Type *ty = c->getType();
  if (auto *st = dyn_cast<StructType>(ty)) {
    const StructLayout *layout = dl.getStructLayout(st);
    SmallVector<Constant *, 8> fields;
    for (unsigned i = 0; i < st->getNumElements(); ++i)
      fields.push_back(
          cut(c->getAggregateElement(i), at + layout->getElementOffset(i), target, dl, stores));
    return ConstantStruct::get(st, fields);
  }
  if (auto *array = dyn_cast<ArrayType>(ty)) {
    uint64_t stride = dl.getTypeAllocSize(array->getElementType());
    SmallVector<Constant *, 8> elements;
    for (uint64_t i = 0; i < array->getNumElements(); ++i)
      elements.push_back(cut(c->getAggregateElement(static_cast<unsigned>(i)), at + i * stride,
                             target, dl, stores));
    return ConstantArray::get(array, elements);
  }
  stores.push_back({at, c});
  return Constant::getNullValue(ty);
}

} // namespace

PreservedAnalyses BreakGlobalCyclesPass::run(Module &m, ModuleAnalysisManager &) {
  const DataLayout &dl = m.getDataLayout();
  // Nodes: the defined globals that stay shared. Private ones leave the
  // graph: their initializers become the data template, whose pointers to
  // each other are offsets.
  SmallSetVector<GlobalVariable *, 32> privates = choosePrivateGlobals(m);
  Graph graph;
  for (GlobalVariable &gv : m.globals())
    if (gv.hasInitializer() && !gv.getName().starts_with("llvm.") && !privates.count(&gv)) {
      unsigned index = graph.order.size();
      graph.order[&gv] = index;
    }
  for (auto &[gv, index] : graph.order)
    graph.next[gv] = successors(gv, graph);

  Function *fixup = nullptr;
  for (auto edge = findBackEdge(m, graph); edge.first; edge = findBackEdge(m, graph)) {
    auto [from, to] = edge;
    SmallVector<std::pair<uint64_t, Constant *>, 4> stores;
    from->setInitializer(cut(from->getInitializer(), 0, to, dl, stores));
    // Still one copy for all VMs, now written at boot: out of the privatizing
    // pass's reach, and not a constant for the optimizer to fold.
    from->setConstant(false);
    from->setSection(GPUVM_SHARED_SECTION);
    if (!fixup) {
      fixup = Function::Create(FunctionType::get(Type::getVoidTy(m.getContext()), false),
                               GlobalValue::InternalLinkage, "__gpuvm_break_global_cycles", m);
      // Compiler-made stores to shared data: not the program's, not confined;
      // trusted, as the kernel's own checks would refuse them (shared data).
      fixup->addFnAttr(GPUVM_KERNEL_ATTRIBUTE);
      fixup->addFnAttr(GPUVM_TRUSTED_ATTRIBUTE);
      BasicBlock::Create(m.getContext(), "entry", fixup);
      ReturnInst::Create(m.getContext(), &fixup->getEntryBlock());
      appendToGlobalCtors(m, fixup, 0);
    }
    IRBuilder<> b(fixup->getEntryBlock().getTerminator());
    Align base = from->getAlign().value_or(dl.getABITypeAlign(from->getValueType()));
    for (auto [at, value] : stores)
      b.CreateAlignedStore(value, b.CreateConstGEP1_64(b.getInt8Ty(), from, at),
                           commonAlignment(base, at));
    SmallVector<GlobalVariable *, 4> next = successors(from, graph);
    graph.next[from] = std::move(next);
  }
  return fixup ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace gpuvm
