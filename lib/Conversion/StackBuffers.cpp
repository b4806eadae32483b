//===- StackBuffers.cpp - small nested buffers on the stack ---------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Conversion/Passes.h"

#include "nas/Conversion/BufferBytes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

namespace nas {
#define GEN_PASS_DEF_NASSTACKBUFFERS
#include "nas/Conversion/Passes.h.inc"
} // namespace nas

using namespace mlir;

namespace {

/// A buffer that may move to the stack: its allocation, its deallocation in
/// the same block, their positions in that block, and its size in bytes.
struct Candidate {
  memref::AllocOp alloc;
  memref::DeallocOp dealloc;
  int64_t begin;
  int64_t end;
  uint64_t bytes;
};

/// Returns the one `memref.dealloc` of `alloc`, if it is in the block of
/// `alloc` and after it, else null.
memref::DeallocOp getDeallocInBlock(memref::AllocOp alloc) {
  memref::DeallocOp dealloc;
  for (Operation *user : alloc->getUsers()) {
    auto candidate = dyn_cast<memref::DeallocOp>(user);
    if (!candidate)
      continue;
    if (dealloc)
      return nullptr;
    dealloc = candidate;
  }
  if (!dealloc || dealloc->getBlock() != alloc->getBlock() ||
      !alloc->isBeforeInBlock(dealloc))
    return nullptr;
  return dealloc;
}

/// Returns true if an op between `begin` and `end` of one block, itself or
/// nested, allocates on the stack or restores the stack pointer. A restore
/// at `end` would free such an allocation too. A restore of a pointer saved
/// before `begin` would free the buffer while it is in use.
bool usesStackBetween(Operation *begin, Operation *end) {
  for (Operation *op = begin->getNextNode(); op != end;
       op = op->getNextNode()) {
    WalkResult result = op->walk([](Operation *nested) {
      if (isa<memref::AllocaOp, LLVM::AllocaOp, LLVM::StackSaveOp,
              LLVM::StackRestoreOp>(nested))
        return WalkResult::interrupt();
      return WalkResult::advance();
    });
    if (result.wasInterrupted())
      return true;
  }
  return false;
}

struct NasStackBuffersPass
    : nas::impl::NasStackBuffersBase<NasStackBuffersPass> {
  using NasStackBuffersBase::NasStackBuffersBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    Block *body = &func.getBody().front();

    // The candidates of each block.
    llvm::MapVector<Block *, SmallVector<Candidate>> candidates;
    func.walk([&](memref::AllocOp alloc) {
      Block *block = alloc->getBlock();
      if (block == body || !alloc.getDynamicSizes().empty() ||
          !alloc.getSymbolOperands().empty())
        return;
      std::optional<int64_t> bytes = nas::getStaticBufferBytes(alloc.getType());
      if (!bytes || *bytes == 0 || static_cast<uint64_t>(*bytes) > maxBytes)
        return;
      memref::DeallocOp dealloc = getDeallocInBlock(alloc);
      if (!dealloc || usesStackBetween(alloc, dealloc))
        return;
      candidates[block].push_back(
          {alloc, dealloc, 0, 0, static_cast<uint64_t>(*bytes)});
    });

    // Positions of the ops of the candidates' blocks and of the blocks
    // around them, taken before any change.
    DenseMap<Block *, DenseMap<Operation *, int64_t>> positions;
    auto numberBlock = [&](Block *block) {
      if (positions.count(block))
        return;
      DenseMap<Operation *, int64_t> &numbers = positions[block];
      int64_t position = 0;
      for (Operation &op : *block)
        numbers[&op] = position++;
    };
    for (auto &entry : candidates)
      for (Block *block = entry.first; block;
           block = block->getParentOp() ? block->getParentOp()->getBlock()
                                        : nullptr)
        numberBlock(block);

    // Outer blocks first, so that the buffers moved around a block are
    // known when its own are placed.
    auto depth = [](Block *block) {
      int64_t levels = 0;
      for (Operation *op = block->getParentOp(); op; op = op->getParentOp())
        ++levels;
      return levels;
    };
    SmallVector<Block *> blocks;
    for (auto &entry : candidates)
      blocks.push_back(entry.first);
    llvm::stable_sort(blocks,
                      [&](Block *a, Block *b) { return depth(a) < depth(b); });

    // The moved buffers of each block: their positions and sizes.
    DenseMap<Block *, SmallVector<Candidate>> moved;
    // Returns the bytes of the moved buffers that are live at `position` of
    // `block`, or around each op that contains `block`, up to the function.
    auto getLiveBytes = [&](Block *block, int64_t position) {
      uint64_t live = 0;
      while (true) {
        auto found = moved.find(block);
        if (found != moved.end())
          for (const Candidate &other : found->second)
            if (other.begin < position && position < other.end)
              live += other.bytes;
        Operation *parent = block->getParentOp();
        if (!parent || !parent->getBlock() || parent == func)
          return live;
        block = parent->getBlock();
        position = positions[block].lookup(parent);
      }
    };

    auto pointerType = LLVM::LLVMPointerType::get(&getContext());
    for (Block *block : blocks) {
      SmallVector<Candidate> &list = candidates[block];
      for (Candidate &candidate : list) {
        candidate.begin = positions[block].lookup(candidate.alloc);
        candidate.end = positions[block].lookup(candidate.dealloc);
      }
      llvm::sort(list, [](const Candidate &a, const Candidate &b) {
        return a.begin < b.begin;
      });
      // Each restore frees everything allocated since its save, so the
      // lives of the moved buffers must nest: a buffer allocated while
      // another is live must be freed first. A buffer that overlaps one
      // moved before it without nesting stays on the heap, and so does
      // one that would bring the moved buffers live at once above
      // max-bytes.
      SmallVector<int64_t> openEnds;
      for (Candidate &candidate : list) {
        while (!openEnds.empty() && openEnds.back() < candidate.begin)
          openEnds.pop_back();
        if (!openEnds.empty() && openEnds.back() < candidate.end)
          continue;
        if (getLiveBytes(block, candidate.begin) + candidate.bytes > maxBytes)
          continue;
        openEnds.push_back(candidate.end);
        moved[block].push_back(candidate);

        OpBuilder builder(candidate.alloc);
        Location loc = candidate.alloc.getLoc();
        Value saved = LLVM::StackSaveOp::create(builder, loc, pointerType);
        auto alloca = memref::AllocaOp::create(
            builder, loc, candidate.alloc.getType(), ValueRange(),
            candidate.alloc.getAlignmentAttr());
        builder.setInsertionPoint(candidate.dealloc);
        LLVM::StackRestoreOp::create(builder, candidate.dealloc.getLoc(),
                                     saved);
        candidate.alloc.getResult().replaceAllUsesWith(alloca.getResult());
        candidate.dealloc.erase();
        candidate.alloc.erase();
      }
    }
  }
};

} // namespace
