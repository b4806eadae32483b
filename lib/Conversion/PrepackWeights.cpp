//===- PrepackWeights.cpp - pack weights once, outside the inference ------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The nas-prepack-weights pass. The convolution and matmul kernels read
// their weights transposed from the nas layout; the transposes of function
// arguments move into a separate function that writes the packed weights to
// globals, so that the inference itself only reads them.
//
//===----------------------------------------------------------------------===//

#include "TileAndVectorize/Strategy.h"

#include "nas/Conversion/CpuTarget.h"
#include "nas/Conversion/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Tensor/Utils/Utils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Transforms/RegionUtils.h"

#include "llvm/ADT/SetVector.h"

namespace nas {
#define GEN_PASS_DEF_NASPREPACKWEIGHTS
#include "nas/Conversion/Passes.h.inc"
} // namespace nas

using namespace mlir;
using namespace nas;

namespace {

/// Returns true if `use` reads a value as the weight of a convolution or
/// matmul kernel, directly or through tensor.extract_slice and reshapes.
bool isWeightUse(OpOperand &use) {
  Operation *user = use.getOwner();
  if (isa<linalg::Conv2DNhwcHwcfOp, linalg::DepthwiseConv2DNhwcHwcOp>(user))
    return use.getOperandNumber() == 1;
  if (auto matmul = dyn_cast<linalg::MatmulOp>(user))
    return !matmul.hasUserDefinedMaps() && use.getOperandNumber() == 1;
  if (isa<linalg::GenericOp>(user) && user->hasAttr(kRotatedGroupConvAttrName))
    return use.getOperandNumber() == 1;
  if (isa<tensor::ExtractSliceOp, tensor::CollapseShapeOp,
          tensor::ExpandShapeOp>(user))
    return llvm::all_of(user->getUses(), isWeightUse);
  return false;
}

/// Returns true if `value` is a tensor.empty, possibly reshaped.
/// Canonicalization moves the reshape of a depthwise weight from the
/// transpose's input to its init and result.
bool isReshapedEmpty(Value value) {
  Operation *producer = value.getDefiningOp();
  if (isa_and_present<tensor::CollapseShapeOp, tensor::ExpandShapeOp>(producer))
    return isReshapedEmpty(producer->getOperand(0));
  return isa_and_present<tensor::EmptyOp>(producer);
}

/// Returns true if `value` is an argument of `func`, possibly reshaped by
/// tensor.collapse_shape and tensor.expand_shape.
bool isReshapedArgument(Value value, func::FuncOp func) {
  if (auto argument = dyn_cast<BlockArgument>(value))
    return argument.getOwner()->getParentOp() == func.getOperation();
  Operation *producer = value.getDefiningOp();
  if (isa_and_present<tensor::CollapseShapeOp, tensor::ExpandShapeOp>(producer))
    return isReshapedArgument(producer->getOperand(0), func);
  return false;
}

/// Returns true if `op` is a linalg.generic without inputs that fills a
/// (reshaped) tensor.empty with elements it extracts from arguments of
/// `func`, as the rotated weight of a grouped convolution does. Every value
/// that its body uses from outside must be an argument or a constant.
bool isArgumentGather(linalg::GenericOp op, func::FuncOp func) {
  if (!op.hasPureTensorSemantics() || op.getNumDpsInputs() != 0 ||
      op->getNumResults() != 1 || !isReshapedEmpty(op.getDpsInits()[0]))
    return false;
  llvm::SetVector<Value> captured;
  getUsedValuesDefinedAbove(op->getRegions(), captured);
  bool readsArgument = false;
  for (Value value : captured) {
    auto argument = dyn_cast<BlockArgument>(value);
    if (argument && argument.getOwner()->getParentOp() == func)
      readsArgument = true;
    else if (!matchPattern(value, m_Constant()))
      return false;
  }
  return readsArgument;
}

/// Returns the arguments of `func` that the packing op `op` reads: the
/// (reshaped) input of a transpose, or the arguments a gather extracts
/// from.
SmallVector<Value> getPackedArguments(linalg::LinalgOp op, func::FuncOp func) {
  if (auto transpose = dyn_cast<linalg::TransposeOp>(op.getOperation())) {
    Value input = transpose.getInput();
    while (Operation *producer = input.getDefiningOp())
      input = producer->getOperand(0);
    return {input};
  }
  llvm::SetVector<Value> captured;
  getUsedValuesDefinedAbove(op->getRegions(), captured);
  SmallVector<Value> arguments;
  for (Value value : captured) {
    auto argument = dyn_cast<BlockArgument>(value);
    if (argument && argument.getOwner()->getParentOp() == func)
      arguments.push_back(value);
  }
  return arguments;
}

/// Returns true if every use of `value`, directly or through reshapes, is
/// in one of `ops` or in their regions.
bool isOnlyReadBy(Value value, ArrayRef<linalg::LinalgOp> ops) {
  for (OpOperand &use : value.getUses()) {
    Operation *user = use.getOwner();
    if (isa<tensor::CollapseShapeOp, tensor::ExpandShapeOp>(user)) {
      if (!isOnlyReadBy(user->getResult(0), ops))
        return false;
      continue;
    }
    if (llvm::none_of(
            ops, [&](linalg::LinalgOp op) { return op->isAncestor(user); }))
      return false;
  }
  return true;
}

/// Returns the weight packing ops of `func`: transposes of (reshaped)
/// arguments into a (reshaped) tensor.empty, and gathers from arguments
/// (isArgumentGather), whose result is only read as a weight. An argument
/// that anything else also reads, such as an activation that also serves
/// as a weight, stays unpacked: the function must see its new value in
/// every call.
SmallVector<linalg::LinalgOp> findPackingOps(func::FuncOp func) {
  SmallVector<linalg::LinalgOp> ops;
  func.walk([&](linalg::LinalgOp op) {
    auto transpose = dyn_cast<linalg::TransposeOp>(op.getOperation());
    auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
    bool packs = transpose
                     ? transpose.hasPureTensorSemantics() &&
                           isReshapedArgument(transpose.getInput(), func) &&
                           isReshapedEmpty(transpose.getInit())
                     : generic && isArgumentGather(generic, func);
    if (!packs)
      return;
    Value result = op->getResult(0);
    if (!result.use_empty() && llvm::all_of(result.getUses(), isWeightUse))
      ops.push_back(op);
  });
  // Dropping one op can leave another that reads the same argument with a
  // reader outside the set, so the filter repeats until nothing changes.
  bool changed = true;
  while (changed) {
    size_t count = ops.size();
    SmallVector<linalg::LinalgOp> kept(ops);
    llvm::erase_if(kept, [&](linalg::LinalgOp op) {
      return llvm::any_of(getPackedArguments(op, func), [&](Value argument) {
        return !isOnlyReadBy(argument, ops);
      });
    });
    ops = std::move(kept);
    changed = ops.size() != count;
  }
  return ops;
}

/// Clones into `builder`'s insertion point the ops that compute `value`
/// from the function arguments, which `mapping` maps to the pack function's
/// arguments, and returns the clone of `value`.
Value cloneFromArguments(OpBuilder &builder, Value value, IRMapping &mapping) {
  if (Value mapped = mapping.lookupOrNull(value))
    return mapped;
  Operation *producer = value.getDefiningOp();
  for (Value operand : producer->getOperands())
    cloneFromArguments(builder, operand, mapping);
  // The constants that a gather's body uses from outside it.
  llvm::SetVector<Value> captured;
  getUsedValuesDefinedAbove(producer->getRegions(), captured);
  for (Value operand : captured)
    cloneFromArguments(builder, operand, mapping);
  builder.clone(*producer, mapping);
  return mapping.lookup(value);
}

/// Erases `op` and then every producer of its operands that this leaves
/// without uses: the reshapes and tensor.empty of a moved packing op.
void eraseWithDeadProducers(Operation *op) {
  llvm::SetVector<Operation *> producers;
  for (Value operand : op->getOperands())
    if (Operation *producer = operand.getDefiningOp())
      producers.insert(producer);
  op->erase();
  for (Operation *producer : producers)
    if (producer->use_empty() &&
        isa<tensor::CollapseShapeOp, tensor::ExpandShapeOp, tensor::EmptyOp>(
            producer))
      eraseWithDeadProducers(producer);
}

/// Returns the shape of the global that stores a packed weight of `type`:
/// `type`'s shape, with the last dimension grown by 64 bytes when its rows
/// are a multiple of 256 bytes. A tile of a weight reads one row segment
/// per reduction step. Rows a power of 2 of bytes apart map to few cache
/// sets and evict each other (a 3x3 convolution with 512 output channels
/// has 2048-byte rows), while rows 2112 bytes apart spread over all sets.
SmallVector<int64_t> getPaddedShape(RankedTensorType type) {
  SmallVector<int64_t> shape(type.getShape());
  int64_t elementBytes = type.getElementTypeBitWidth() / 8;
  if (shape.size() >= 2 && (shape.back() * elementBytes) % 256 == 0)
    shape.back() += 64 / elementBytes;
  return shape;
}

/// Returns the width of the output channel blocks of the packed weight
/// that `op` computes, or 0 to keep it in HWCF (or K x N). Blocks pay when
/// every use of the weight is a convolution or a matrix product, directly
/// and not through slices, whose plan splits the output channels into at
/// least two tiles of the same width. Each tile then reads a contiguous
/// panel instead of a segment of every row.
int64_t getChannelBlock(linalg::LinalgOp op, const CpuTarget &target) {
  int64_t block = 0;
  for (OpOperand &use : op->getResult(0).getUses()) {
    auto user = dyn_cast<linalg::LinalgOp>(use.getOwner());
    if (!isa_and_nonnull<linalg::Conv2DNhwcHwcfOp, linalg::MatmulOp>(
            use.getOwner()) ||
        use.getOperandNumber() != 1 || user.hasUserDefinedMaps())
      return 0;
    std::optional<nas::tile_and_vectorize::TilingPlan> plan =
        nas::tile_and_vectorize::planTiling(user, target);
    if (!plan || (plan->kind != "conv" && plan->kind != "matmul"))
      return 0;
    int64_t columns = plan->parallelTiles.back();
    if (columns == 0 || (block != 0 && columns != block))
      return 0;
    block = columns;
  }
  return block;
}

/// Returns the type of the blocked form of the weight `type`, whose last
/// dimension is the output channels F, with output channel blocks of
/// `block`: ceil(F / block), then the other dimensions (KH x KW x C for a
/// convolution, K for a matrix product), then `block`.
RankedTensorType getBlockedType(RankedTensorType type, int64_t block) {
  ArrayRef<int64_t> shape = type.getShape();
  SmallVector<int64_t> blocked = {
      static_cast<int64_t>(llvm::divideCeil(shape.back(), block))};
  llvm::append_range(blocked, shape.drop_back());
  blocked.push_back(block);
  return RankedTensorType::get(blocked, type.getElementType());
}

/// Returns the permutation that moves the output channel dimension of a
/// weight of `rank` dimensions to the front: {rank - 1, 0, ..., rank - 2}.
SmallVector<int64_t> getChannelsFirstPermutation(int64_t rank) {
  SmallVector<int64_t> permutation = {rank - 1};
  llvm::append_range(permutation, llvm::seq<int64_t>(0, rank - 1));
  return permutation;
}

/// Returns `weight` (... x F) packed into output channel blocks of `block`:
/// F padded with zeros to a multiple of `block`, split into
/// F / block x block and transposed to F / block x ... x block.
Value packChannelBlocks(OpBuilder &builder, Location loc, Value weight,
                        int64_t block) {
  auto type = cast<RankedTensorType>(weight.getType());
  ArrayRef<int64_t> shape = type.getShape();
  int64_t rank = type.getRank();
  Type elementType = type.getElementType();
  RankedTensorType blockedType = getBlockedType(type, block);
  int64_t blocks = blockedType.getDimSize(0);

  Value padded = weight;
  if (blocks * block != shape.back()) {
    SmallVector<int64_t> paddedShape(shape);
    paddedShape.back() = blocks * block;
    Value zero = arith::ConstantOp::create(builder, loc,
                                           builder.getZeroAttr(elementType));
    padded = tensor::createPadHighOp(
        RankedTensorType::get(paddedShape, elementType), weight, zero,
        /*nofold=*/false, loc, builder);
  }
  SmallVector<int64_t> splitShape(shape.drop_back());
  splitShape.append({blocks, block});
  SmallVector<ReassociationIndices> reassociation;
  for (int64_t dim = 0; dim < rank - 1; ++dim)
    reassociation.push_back({dim});
  reassociation.push_back({rank - 1, rank});
  Value split = tensor::ExpandShapeOp::create(
      builder, loc, RankedTensorType::get(splitShape, elementType), padded,
      reassociation);
  Value empty = tensor::EmptyOp::create(builder, loc, blockedType.getShape(),
                                        elementType);
  SmallVector<int64_t> permutation = getChannelsFirstPermutation(rank);
  permutation.push_back(rank);
  return linalg::TransposeOp::create(builder, loc, split, empty, permutation)
      .getResult()[0];
}

/// Returns the weight of `type` that the blocked weight `blocked` stores in
/// output channel blocks of `block`: a linalg.unpack, which
/// nas-tile-and-vectorize replaces by a slice of `blocked` in every tile.
Value unpackChannelBlocks(OpBuilder &builder, Location loc, Value blocked,
                          RankedTensorType type, int64_t block) {
  int64_t rank = type.getRank();
  Value empty = tensor::EmptyOp::create(builder, loc, type.getShape(),
                                        type.getElementType());
  return linalg::UnPackOp::create(
             builder, loc, blocked, empty,
             /*innerDimsPos=*/ArrayRef<int64_t>{rank - 1},
             /*innerTiles=*/ArrayRef<OpFoldResult>{builder.getIndexAttr(block)},
             /*outerDimsPerm=*/getChannelsFirstPermutation(rank))
      ->getResult(0);
}

/// Returns the view of the packed weight of `type` in its padded global
/// `buffer`: all of it, or the leading part of the padded last dimension.
Value createWeightView(OpBuilder &builder, Location loc, Value buffer,
                       RankedTensorType type) {
  auto bufferType = cast<MemRefType>(buffer.getType());
  if (bufferType.getShape() == type.getShape())
    return buffer;
  int64_t rank = type.getRank();
  SmallVector<OpFoldResult> offsets(rank, builder.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes;
  for (int64_t size : type.getShape())
    sizes.push_back(builder.getIndexAttr(size));
  SmallVector<OpFoldResult> strides(rank, builder.getIndexAttr(1));
  return memref::SubViewOp::create(builder, loc, buffer, offsets, sizes,
                                   strides);
}

/// Moves the packing ops of `func` into a new function `@<func>_pack_weights`
/// that stores their results in new globals, which `func` then reads.
LogicalResult outlinePacking(func::FuncOp func, SymbolTable &symbols,
                             const CpuTarget &target) {
  MLIRContext *context = func.getContext();
  Location loc = func.getLoc();
  std::string packName = getPackFunctionName(func.getSymName());
  if (symbols.lookup(packName))
    return func.emitError()
           << "cannot create the weight packing function '" << packName
           << "': the name is taken; rename that function, "
              "or turn weight prepacking off";

  OpBuilder builder(context);
  builder.setInsertionPointAfter(func);
  auto packType = FunctionType::get(context, func.getArgumentTypes(), {});
  auto pack = func::FuncOp::create(builder, loc, packName, packType);
  if (func->hasAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName()))
    pack->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                  UnitAttr::get(context));
  Block *packBody = pack.addEntryBlock();
  IRMapping mapping;
  for (auto [original, packed] :
       llvm::zip(func.getArguments(), packBody->getArguments()))
    mapping.map(original, packed);
  OpBuilder packBuilder = OpBuilder::atBlockEnd(packBody);

  // A function that another function calls keeps its packing ops, because
  // a caller runs only its own pack function and would leave the callee's
  // globals unfilled.
  SmallVector<linalg::LinalgOp> packingOps;
  if (SymbolTable::symbolKnownUseEmpty(func, func->getParentOp()))
    packingOps = findPackingOps(func);
  for (auto [index, op] : llvm::enumerate(packingOps)) {
    auto weightType = cast<RankedTensorType>(op->getResult(0).getType());
    int64_t block = getChannelBlock(op, target);
    // A blocked weight is read panel by panel and needs no padded rows.
    RankedTensorType tensorType =
        block ? getBlockedType(weightType, block) : weightType;
    auto memrefType =
        MemRefType::get(block ? SmallVector<int64_t>(tensorType.getShape())
                              : getPaddedShape(tensorType),
                        tensorType.getElementType());

    // A private, uninitialized global, 64-byte aligned for vector loads.
    builder.setInsertionPoint(func);
    auto global = memref::GlobalOp::create(
        builder, op.getLoc(),
        (func.getSymName() + "_packed_weight_" + Twine(index)).str(),
        builder.getStringAttr("private"), memrefType, builder.getUnitAttr(),
        /*constant=*/false, builder.getI64IntegerAttr(64));
    StringAttr name = symbols.insert(global);

    Value packed = cloneFromArguments(packBuilder, op->getResult(0), mapping);
    if (block)
      packed = packChannelBlocks(packBuilder, op.getLoc(), packed, block);
    Value packTarget = createWeightView(
        packBuilder, op.getLoc(),
        memref::GetGlobalOp::create(packBuilder, op.getLoc(), memrefType,
                                    name.getValue()),
        tensorType);
    bufferization::MaterializeInDestinationOp::create(
        packBuilder, op.getLoc(), TypeRange{}, packed, packTarget,
        /*restrict=*/true, /*writable=*/true);

    builder.setInsertionPoint(op);
    Value buffer =
        createWeightView(builder, op.getLoc(),
                         memref::GetGlobalOp::create(
                             builder, op.getLoc(), memrefType, name.getValue()),
                         tensorType);
    Value read = bufferization::ToTensorOp::create(
        builder, op.getLoc(), tensorType, buffer, /*restrict=*/true,
        /*writable=*/false);
    if (block)
      read = unpackChannelBlocks(builder, op.getLoc(), read, weightType, block);
    op->getResult(0).replaceAllUsesWith(read);
    eraseWithDeadProducers(op);
  }
  func::ReturnOp::create(packBuilder, loc);
  symbols.insert(pack);
  return success();
}

struct NasPrepackWeightsPass
    : nas::impl::NasPrepackWeightsBase<NasPrepackWeightsPass> {
  using NasPrepackWeightsBase::NasPrepackWeightsBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    FailureOr<CpuTarget> target = lookupCpuTarget(cpu, module);
    if (failed(target))
      return signalPassFailure();
    SymbolTable symbols(module);
    SmallVector<func::FuncOp> funcs;
    for (auto func : module.getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal())
        funcs.push_back(func);
    for (func::FuncOp func : funcs)
      if (failed(outlinePacking(func, symbols, *target)))
        return signalPassFailure();
  }
};

} // namespace

std::string nas::getPackFunctionName(llvm::StringRef funcName) {
  return (funcName + "_pack_weights").str();
}
