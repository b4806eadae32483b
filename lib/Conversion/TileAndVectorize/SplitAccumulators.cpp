//===- SplitAccumulators.cpp - independent multiply-add chains ------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "SplitAccumulators.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

namespace {

/// Independent accumulator registers that hide the latency of a vector FMA:
/// an estimated 4 cycles at 2 FMAs per cycle on recent x86 cores.
constexpr int64_t kMinChains = 8;

/// Returns true if no op of the body of `loop` has a region and every
/// iter_arg is a vector used only as the accumulator of a vector.contract
/// (kind add). The loop must yield that contraction at the iter_arg's
/// position, and nothing else may use it.
bool hasOnlyContractChains(scf::ForOp loop) {
  if (loop.getNumRegionIterArgs() == 0)
    return false;
  auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
  for (Operation &op : loop.getBody()->without_terminator())
    if (op.getNumRegions() != 0)
      return false;
  for (auto [index, arg] : llvm::enumerate(loop.getRegionIterArgs())) {
    if (!isa<VectorType>(arg.getType()) || !arg.hasOneUse())
      return false;
    auto contract = dyn_cast<vector::ContractionOp>(*arg.getUsers().begin());
    if (!contract || contract.getAcc() != arg ||
        contract.getKind() != vector::CombiningKind::ADD ||
        !contract->hasOneUse() ||
        yield.getOperand(index) != contract.getResult())
      return false;
  }
  return true;
}

/// Returns the sum of `values`, added pairwise.
Value addPairwise(RewriterBase &rewriter, Location loc,
                  SmallVector<Value> values) {
  while (values.size() > 1) {
    SmallVector<Value> sums;
    for (size_t i = 0; i + 1 < values.size(); i += 2)
      sums.push_back(
          arith::AddFOp::create(rewriter, loc, values[i], values[i + 1]));
    if (values.size() % 2 != 0)
      sums.push_back(values.back());
    values = std::move(sums);
  }
  return values.front();
}

/// Unrolls `loop` by `unroll` with accumulators of its own per copy, as
/// described at splitAccumulators.
void split(RewriterBase &rewriter, scf::ForOp loop, int64_t lowerBound,
           int64_t step, int64_t trips, int64_t unroll) {
  Location loc = loop.getLoc();
  int64_t accumulators = loop.getNumRegionIterArgs();
  int64_t mainTrips = trips / unroll * unroll;
  rewriter.setInsertionPoint(loop);
  auto indexConstant = [&](int64_t value) -> Value {
    return arith::ConstantIndexOp::create(rewriter, loc, value);
  };
  Value mainEnd = indexConstant(lowerBound + mainTrips * step);
  SmallVector<Value> inits(loop.getInitArgs());
  llvm::SmallDenseMap<Type, Value> zeros;
  for (int64_t copy = 1; copy < unroll; ++copy) {
    for (Value init : loop.getInitArgs()) {
      Value &zero = zeros[init.getType()];
      if (!zero)
        zero = arith::ConstantOp::create(rewriter, loc,
                                         rewriter.getZeroAttr(init.getType()));
      inits.push_back(zero);
    }
  }
  Block *body = loop.getBody();
  auto yield = cast<scf::YieldOp>(body->getTerminator());
  auto unrolled = scf::ForOp::create(
      rewriter, loc, loop.getLowerBound(), mainEnd,
      indexConstant(step * unroll), inits,
      [&](OpBuilder &builder, Location loc, Value iv, ValueRange args) {
        SmallVector<Value> yields;
        for (int64_t copy = 0; copy < unroll; ++copy) {
          IRMapping mapping;
          Value copyIv = iv;
          if (copy != 0)
            copyIv = arith::AddIOp::create(
                builder, loc, iv,
                arith::ConstantIndexOp::create(builder, loc, copy * step));
          mapping.map(loop.getInductionVar(), copyIv);
          mapping.map(loop.getRegionIterArgs(),
                      args.slice(copy * accumulators, accumulators));
          for (Operation &op : body->without_terminator())
            builder.clone(op, mapping);
          for (Value value : yield.getOperands())
            yields.push_back(mapping.lookup(value));
        }
        scf::YieldOp::create(builder, loc, yields);
      });
  rewriter.setInsertionPointAfter(unrolled);
  SmallVector<Value> sums;
  for (int64_t index = 0; index < accumulators; ++index) {
    SmallVector<Value> parts;
    for (int64_t copy = 0; copy < unroll; ++copy)
      parts.push_back(unrolled.getResult(copy * accumulators + index));
    sums.push_back(addPairwise(rewriter, loc, parts));
  }
  if (mainTrips == trips) {
    rewriter.replaceOp(loop, sums);
    return;
  }
  // The original loop, which comes after the sums, runs the remaining
  // steps from them.
  rewriter.modifyOpInPlace(loop, [&] {
    loop.setLowerBound(mainEnd);
    loop.getInitArgsMutable().assign(sums);
  });
}

} // namespace

void nas::tile_and_vectorize::splitAccumulators(RewriterBase &rewriter,
                                                func::FuncOp func,
                                                const CpuTarget &target) {
  SmallVector<scf::ForOp> loops;
  func.walk([&](scf::ForOp loop) {
    if (hasOnlyContractChains(loop))
      loops.push_back(loop);
  });
  for (scf::ForOp loop : loops) {
    // Counts the accumulator registers: each row of a vector spans
    // ceil(columns / lanes) of them, and a 0-D vector one.
    int64_t chains = 0;
    for (Value arg : loop.getRegionIterArgs()) {
      auto type = cast<VectorType>(arg.getType());
      if (type.getRank() == 0) {
        ++chains;
        continue;
      }
      int64_t lanes = target.getLanes(type.getElementTypeBitWidth());
      int64_t columns = type.getShape().back();
      chains +=
          type.getNumElements() / columns * llvm::divideCeil(columns, lanes);
    }
    if (chains >= kMinChains)
      continue;
    APInt lowerBound, step;
    std::optional<APInt> trips = loop.getStaticTripCount();
    if (!trips ||
        !matchPattern(loop.getLowerBound(), m_ConstantInt(&lowerBound)) ||
        !matchPattern(loop.getStep(), m_ConstantInt(&step)))
      continue;
    int64_t unroll = std::min<int64_t>(llvm::divideCeil(kMinChains, chains),
                                       trips->getSExtValue() / 2);
    if (unroll < 2)
      continue;
    split(rewriter, loop, lowerBound.getSExtValue(), step.getSExtValue(),
          trips->getSExtValue(), unroll);
  }
}
