//===- PlanBuffers.cpp - place the freed buffers in one arena -------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Conversion/Passes.h"

#include "nas/Conversion/BufferBytes.h"

#include "llvm/Support/MathExtras.h"

namespace nas {
#define GEN_PASS_DEF_NASPLANBUFFERS
#include "nas/Conversion/Passes.h.inc"
} // namespace nas

using namespace mlir;

namespace {

/// Smallest alignment, in bytes, of a buffer in the arena: a cache line,
/// which is also the alignment that bufferization gives its allocations.
constexpr int64_t kMinAlignment = 64;

/// A buffer of the arena: its allocation and deallocation, their positions
/// in the block, its size and alignment in bytes, and its offset once
/// placed.
struct Buffer {
  memref::AllocOp alloc;
  memref::DeallocOp dealloc;
  int64_t begin = 0;
  int64_t end = 0;
  int64_t bytes = 0;
  int64_t alignment = kMinAlignment;
  int64_t offset = -1;

  bool isLiveWith(const Buffer &other) const {
    return begin < other.end && other.begin < end;
  }
};

/// Returns true if `user`, which uses a buffer, may let another value refer
/// to the buffer's memory. A terminator forwards the buffer to its parent op
/// or another block. An op with a memref, tensor or LLVM result (a call, a
/// loop, `bufferization.to_tensor`) may return it, and a pointer extraction
/// gives its address.
bool mayAlias(Operation *user) {
  if (user->hasTrait<OpTrait::IsTerminator>() ||
      isa<memref::ExtractAlignedPointerAsIndexOp,
          memref::ExtractStridedMetadataOp>(user))
    return true;
  return llvm::any_of(user->getResultTypes(), [](Type type) {
    return isa<BaseMemRefType, TensorType>(type) ||
           type.getDialect().getNamespace() == "llvm";
  });
}

/// Returns the position in `block` of the last op that uses `alloc`, or a
/// view of it, itself or in its regions, other than `dealloc`. Returns the
/// position of `dealloc` when a use may let another value refer to the
/// buffer (see mayAlias).
int64_t getLastUse(memref::AllocOp alloc, memref::DeallocOp dealloc,
                   Block &block,
                   const DenseMap<Operation *, int64_t> &positions) {
  int64_t last = positions.lookup(alloc);
  SmallVector<Value> worklist = {alloc.getResult()};
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (Operation *user : value.getUsers()) {
      if (user == dealloc.getOperation())
        continue;
      if (auto view = dyn_cast<ViewLikeOpInterface>(user);
          view && view.getViewSource() == value) {
        worklist.push_back(user->getResult(0));
      } else if (mayAlias(user)) {
        return positions.lookup(dealloc);
      }
      Operation *ancestor = block.findAncestorOpInBlock(*user);
      if (!ancestor)
        return positions.lookup(dealloc);
      last = std::max(last, positions.lookup(ancestor));
    }
  }
  return last;
}

/// Returns the buffers of `block` that the arena can hold, as described in
/// the pass description, with their positions in `block`.
SmallVector<Buffer> collectBuffers(Block &block) {
  DenseMap<Operation *, int64_t> positions;
  int64_t position = 0;
  for (Operation &op : block)
    positions[&op] = position++;

  SmallVector<Buffer> buffers;
  for (Operation &op : block) {
    auto alloc = dyn_cast<memref::AllocOp>(op);
    if (!alloc || !alloc.getDynamicSizes().empty() ||
        !alloc.getSymbolOperands().empty())
      continue;
    std::optional<int64_t> bytes = nas::getStaticBufferBytes(alloc.getType());
    if (!bytes || *bytes == 0)
      continue;
    memref::DeallocOp dealloc;
    bool freedOnce = true;
    for (Operation *user : alloc->getUsers()) {
      auto candidate = dyn_cast<memref::DeallocOp>(user);
      if (!candidate)
        continue;
      if (dealloc || candidate->getBlock() != &block)
        freedOnce = false;
      dealloc = candidate;
    }
    if (!dealloc || !freedOnce)
      continue;
    Buffer buffer;
    buffer.alloc = alloc;
    buffer.dealloc = dealloc;
    buffer.begin = positions[alloc];
    // The buffer is dead after its last use, although the deallocation
    // pipeline frees it at the end of the function.
    buffer.end = getLastUse(alloc, dealloc, block, positions) + 1;
    buffer.bytes = *bytes;
    uint64_t alignment = alloc.getAlignment().value_or(0);
    if (alignment >= (uint64_t(1) << 62))
      continue;
    buffer.alignment =
        std::max<int64_t>(kMinAlignment, static_cast<int64_t>(alignment));
    buffers.push_back(buffer);
  }
  return buffers;
}

/// Sets the offset of every buffer, largest first, and returns the size of
/// the arena in bytes, or std::nullopt if an offset would not fit in
/// int64_t.
std::optional<int64_t> placeBuffers(MutableArrayRef<Buffer> buffers) {
  SmallVector<Buffer *> order;
  for (Buffer &buffer : buffers)
    order.push_back(&buffer);
  llvm::stable_sort(order, [](const Buffer *a, const Buffer *b) {
    return a->bytes > b->bytes;
  });
  int64_t arenaBytes = 0;
  SmallVector<Buffer *> placed;
  for (Buffer *buffer : order) {
    // The placed buffers that are live at the same time, sorted by offset.
    SmallVector<Buffer *> conflicts;
    for (Buffer *other : placed)
      if (buffer->isLiveWith(*other))
        conflicts.push_back(other);
    llvm::sort(conflicts, [](const Buffer *a, const Buffer *b) {
      return a->offset < b->offset;
    });
    // Each buffer and alignment is below 2^62, so the sums below do not
    // overflow. An offset of 2^62 or more stops the plan.
    constexpr int64_t kMaxOffset = int64_t(1) << 62;
    int64_t offset = 0;
    for (Buffer *other : conflicts) {
      if (offset + buffer->bytes <= other->offset)
        break;
      int64_t after = static_cast<int64_t>(
          llvm::alignTo(other->offset + other->bytes, buffer->alignment));
      offset = std::max(offset, after);
      if (offset >= kMaxOffset)
        return std::nullopt;
    }
    buffer->offset = offset;
    arenaBytes = std::max(arenaBytes, offset + buffer->bytes);
    if (arenaBytes >= kMaxOffset)
      return std::nullopt;
    placed.push_back(buffer);
  }
  return arenaBytes;
}

struct NasPlanBuffersPass : nas::impl::NasPlanBuffersBase<NasPlanBuffersPass> {
  using NasPlanBuffersBase::NasPlanBuffersBase;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal() || !func.getBody().hasOneBlock())
      return;
    Block &block = func.getBody().front();
    // An async.execute region may still run after the op that starts it,
    // so the order of the block does not bound the lives of its buffers.
    bool async = false;
    func.walk([&](Operation *op) {
      if (op->getName().getDialectNamespace() == "async")
        async = true;
    });
    if (async)
      return;
    SmallVector<Buffer> buffers = collectBuffers(block);
    if (buffers.size() < 2)
      return;
    std::optional<int64_t> arenaBytes = placeBuffers(buffers);
    if (!arenaBytes)
      return;
    int64_t alignment = kMinAlignment;
    for (const Buffer &buffer : buffers)
      alignment = std::max(alignment, buffer.alignment);

    OpBuilder builder(&getContext());
    builder.setInsertionPointToStart(&block);
    Location loc = func.getLoc();
    auto arenaType =
        MemRefType::get({*arenaBytes}, IntegerType::get(&getContext(), 8));
    Value arena = memref::AllocOp::create(builder, loc, arenaType,
                                          builder.getI64IntegerAttr(alignment));
    for (Buffer &buffer : buffers) {
      builder.setInsertionPoint(buffer.alloc);
      Value offset = arith::ConstantIndexOp::create(
          builder, buffer.alloc.getLoc(), buffer.offset);
      Value view = memref::ViewOp::create(builder, buffer.alloc.getLoc(),
                                          buffer.alloc.getType(), arena, offset,
                                          ValueRange());
      buffer.dealloc.erase();
      buffer.alloc.getResult().replaceAllUsesWith(view);
      buffer.alloc.erase();
    }
    builder.setInsertionPoint(block.getTerminator());
    memref::DeallocOp::create(builder, loc, arena);
  }
};

} // namespace
