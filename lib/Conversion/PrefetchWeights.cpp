//===- PrefetchWeights.cpp - prefetch weight rows of later steps ----------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Conversion/CpuTarget.h"
#include "nas/Conversion/Passes.h"

#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/Support/MathExtras.h"

namespace nas {
#define GEN_PASS_DEF_NASPREFETCHWEIGHTS
#include "nas/Conversion/Passes.h.inc"
} // namespace nas

using namespace mlir;
using namespace nas;

namespace {

/// Bytes of a cache line of the x86-64 CPUs that the kernels target.
constexpr int64_t kCacheLineBytes = 64;

/// Inserts before `read`, in the body of `loop`, a prefetch of the read
/// that iteration `distance` ahead makes, when the induction variable of
/// `loop` is one of its indices other than the last.
void prefetchAhead(vector::TransferReadOp read, scf::ForOp loop,
                   int64_t distance) {
  Value inductionVar = loop.getInductionVar();
  SmallVector<Value> indices(read.getIndices());
  auto position = llvm::find(indices, inductionVar);
  if (position == indices.end() || position == indices.end() - 1)
    return;
  OpBuilder builder(read);
  Location loc = read.getLoc();
  Value iterations = arith::ConstantIndexOp::create(builder, loc, distance);
  Value offset =
      arith::MulIOp::create(builder, loc, loop.getStep(), iterations);
  *position = arith::AddIOp::create(builder, loc, inductionVar, offset);
  // One prefetch per cache line that the read spans.
  VectorType type = read.getVectorType();
  int64_t elementBytes = type.getElementTypeBitWidth() / 8;
  int64_t lineElements = std::max<int64_t>(1, kCacheLineBytes / elementBytes);
  int64_t elements = type.getNumElements();
  for (int64_t start = 0; start < elements; start += lineElements) {
    SmallVector<Value> lineIndices(indices);
    if (start != 0)
      lineIndices.back() = arith::AddIOp::create(
          builder, loc, lineIndices.back(),
          arith::ConstantIndexOp::create(builder, loc, start));
    memref::PrefetchOp::create(builder, loc, read.getBase(), lineIndices,
                               /*isWrite=*/false, /*localityHint=*/3,
                               /*isDataCache=*/true);
  }
}

/// Returns the size in bytes of the buffer that `value` is a view of, or
/// std::nullopt when its shape or element size is not static.
std::optional<int64_t> getRootBufferBytes(Value value) {
  while (auto view = value.getDefiningOp<ViewLikeOpInterface>())
    value = view.getViewSource();
  auto type = dyn_cast<MemRefType>(value.getType());
  if (!type || !type.hasStaticShape() || !type.getElementType().isIntOrFloat())
    return std::nullopt;
  uint64_t bytes = (type.getElementTypeBitWidth() + 7) / 8;
  bool overflow = false;
  for (int64_t size : type.getShape())
    bytes =
        llvm::SaturatingMultiply(bytes, static_cast<uint64_t>(size), &overflow);
  if (overflow || bytes > static_cast<uint64_t>(INT64_MAX))
    return std::nullopt;
  return static_cast<int64_t>(bytes);
}

struct NasPrefetchWeightsPass
    : nas::impl::NasPrefetchWeightsBase<NasPrefetchWeightsPass> {
  using NasPrefetchWeightsBase::NasPrefetchWeightsBase;

  void runOnOperation() override {
    if (distance < 1) {
      getOperation().emitError() << "expected a prefetch distance >= 1, got "
                                 << static_cast<int64_t>(distance);
      return signalPassFailure();
    }
    FailureOr<CpuTarget> target = lookupCpuTarget(cpu, getOperation());
    if (failed(target))
      return signalPassFailure();
    SmallVector<std::pair<vector::TransferReadOp, scf::ForOp>> reads;
    getOperation().walk([&](vector::TransferReadOp read) {
      auto loop = dyn_cast<scf::ForOp>(read->getParentOp());
      if (!loop || !isa<MemRefType>(read.getBase().getType()) ||
          read.getVectorType().getRank() != 1)
        return;
      std::optional<int64_t> bytes = getRootBufferBytes(read.getBase());
      if (bytes && *bytes <= target->l1CacheBytes / 2)
        return;
      reads.emplace_back(read, loop);
    });
    for (auto [read, loop] : reads)
      prefetchAhead(read, loop, distance);
  }
};

} // namespace
