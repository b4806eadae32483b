//===- MemrefCopy.cpp - a memrefCopy definition for object files ----------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// finalize-memref-to-llvm lowers a memref.copy between non-contiguous memrefs
// (the copy of an input into the interior of a padded buffer, for example) to
// a call of
//
//   void memrefCopy(int64_t elementSize, UnrankedMemRefType<char> *source,
//                   UnrankedMemRefType<char> *target);
//
// where an unranked memref is {int64_t rank; void *descriptor} and the ranked
// descriptor is {allocated, aligned, offset, sizes[rank], strides[rank]}, all
// 8-byte fields (mlir/ExecutionEngine/CRunnerUtils.h). The function is built
// here in LLVM IR so that object files need no MLIR runtime library.
//
//===----------------------------------------------------------------------===//

#include "nas/Target/LLVM/Compile.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace {

/// The fields of a ranked memref descriptor that the copy reads.
struct Descriptor {
  Value *aligned;
  Value *offset;
  /// Address of sizes[0]; strides[0] follows sizes[rank - 1].
  Value *sizes;
  Value *strides;
};

class MemrefCopyBuilder {
public:
  explicit MemrefCopyBuilder(Function &function)
      : function(function), context(function.getContext()), builder(context),
        pointerType(PointerType::getUnqual(context)),
        indexType(Type::getInt64Ty(context)) {}

  void build();

private:
  BasicBlock *createBlock(const Twine &name) {
    return BasicBlock::Create(context, name, &function);
  }
  /// Loads the ranked descriptor that the unranked memref `unranked` points
  /// to.
  Descriptor loadDescriptor(Value *unranked, Value *rank, const Twine &name);
  /// Loads entry `index` of the i64 array at `array`.
  Value *loadIndex(Value *array, Value *index, const Twine &name);
  /// Returns the address of element `position` of `data`.
  Value *elementAddress(Value *data, Value *position, Value *elementSize);

  Function &function;
  LLVMContext &context;
  IRBuilder<> builder;
  Type *pointerType;
  Type *indexType;
};

Descriptor MemrefCopyBuilder::loadDescriptor(Value *unranked, Value *rank,
                                             const Twine &name) {
  Value *descriptorAddress =
      builder.CreateConstInBoundsGEP1_64(indexType, unranked, 1);
  Value *descriptor =
      builder.CreateLoad(pointerType, descriptorAddress, name + ".descriptor");
  Descriptor result;
  result.aligned = builder.CreateLoad(
      pointerType, builder.CreateConstInBoundsGEP1_64(indexType, descriptor, 1),
      name + ".aligned");
  result.offset = builder.CreateLoad(
      indexType, builder.CreateConstInBoundsGEP1_64(indexType, descriptor, 2),
      name + ".offset");
  result.sizes = builder.CreateConstInBoundsGEP1_64(indexType, descriptor, 3,
                                                    name + ".sizes");
  result.strides = builder.CreateInBoundsGEP(indexType, result.sizes, rank,
                                             name + ".strides");
  return result;
}

Value *MemrefCopyBuilder::loadIndex(Value *array, Value *index,
                                    const Twine &name) {
  return builder.CreateLoad(
      indexType, builder.CreateInBoundsGEP(indexType, array, index), name);
}

Value *MemrefCopyBuilder::elementAddress(Value *data, Value *position,
                                         Value *elementSize) {
  return builder.CreateGEP(builder.getInt8Ty(), data,
                           builder.CreateMul(position, elementSize));
}

void MemrefCopyBuilder::build() {
  Value *elementSize = function.getArg(0);
  Value *sourceArg = function.getArg(1);
  Value *targetArg = function.getArg(2);
  Value *zero = builder.getInt64(0);
  Value *one = builder.getInt64(1);

  BasicBlock *entry = createBlock("entry");
  BasicBlock *done = createBlock("done");
  builder.SetInsertPoint(done);
  builder.CreateRetVoid();

  // Both memrefs have the same rank and sizes.
  builder.SetInsertPoint(entry);
  Value *rank = builder.CreateLoad(indexType, sourceArg, "rank");
  Descriptor source = loadDescriptor(sourceArg, rank, "source");
  Descriptor target = loadDescriptor(targetArg, rank, "target");
  BasicBlock *scalar = createBlock("scalar");
  BasicBlock *checkEmpty = createBlock("check.empty");
  builder.CreateCondBr(builder.CreateICmpEQ(rank, zero), scalar, checkEmpty);

  builder.SetInsertPoint(scalar);
  builder.CreateMemCpy(
      elementAddress(target.aligned, target.offset, elementSize), MaybeAlign(1),
      elementAddress(source.aligned, source.offset, elementSize), MaybeAlign(1),
      elementSize);
  builder.CreateBr(done);

  // Nothing to copy if any size is 0.
  BasicBlock *checkEmptyBody = createBlock("check.empty.body");
  BasicBlock *prepare = createBlock("prepare");
  builder.SetInsertPoint(checkEmpty);
  PHINode *dim = builder.CreatePHI(indexType, 2, "dim");
  dim->addIncoming(zero, entry);
  builder.CreateCondBr(builder.CreateICmpSLT(dim, rank), checkEmptyBody,
                       prepare);
  builder.SetInsertPoint(checkEmptyBody);
  Value *size = loadIndex(source.sizes, dim, "size");
  dim->addIncoming(builder.CreateAdd(dim, one), checkEmptyBody);
  builder.CreateCondBr(builder.CreateICmpEQ(size, zero), done, checkEmpty);

  // The loops over all dimensions but the innermost keep their indices in
  // `indices`. The innermost dimension is copied with one memcpy when both
  // memrefs are contiguous along it, and one memcpy per element otherwise.
  builder.SetInsertPoint(prepare);
  Value *indices = builder.CreateAlloca(indexType, rank, "indices");
  builder.CreateMemSet(indices, builder.getInt8(0),
                       builder.CreateMul(rank, builder.getInt64(8)),
                       MaybeAlign(8));
  Value *inner = builder.CreateSub(rank, one, "inner");
  Value *innerSize = loadIndex(source.sizes, inner, "inner.size");
  Value *sourceInnerStride =
      loadIndex(source.strides, inner, "source.inner.stride");
  Value *targetInnerStride =
      loadIndex(target.strides, inner, "target.inner.stride");
  Value *contiguous =
      builder.CreateAnd(builder.CreateICmpEQ(sourceInnerStride, one),
                        builder.CreateICmpEQ(targetInnerStride, one));
  BasicBlock *row = createBlock("row");
  builder.CreateBr(row);

  BasicBlock *copyRow = createBlock("copy.row");
  BasicBlock *copyElement = createBlock("copy.element");
  BasicBlock *advance = createBlock("advance");
  builder.SetInsertPoint(row);
  PHINode *sourceRow = builder.CreatePHI(indexType, 2, "source.row");
  PHINode *targetRow = builder.CreatePHI(indexType, 2, "target.row");
  sourceRow->addIncoming(source.offset, prepare);
  targetRow->addIncoming(target.offset, prepare);
  builder.CreateCondBr(contiguous, copyRow, copyElement);

  builder.SetInsertPoint(copyRow);
  builder.CreateMemCpy(
      elementAddress(target.aligned, targetRow, elementSize), MaybeAlign(1),
      elementAddress(source.aligned, sourceRow, elementSize), MaybeAlign(1),
      builder.CreateMul(innerSize, elementSize));
  builder.CreateBr(advance);

  builder.SetInsertPoint(copyElement);
  PHINode *element = builder.CreatePHI(indexType, 2, "element");
  PHINode *sourcePosition = builder.CreatePHI(indexType, 2, "source.position");
  PHINode *targetPosition = builder.CreatePHI(indexType, 2, "target.position");
  element->addIncoming(zero, row);
  sourcePosition->addIncoming(sourceRow, row);
  targetPosition->addIncoming(targetRow, row);
  builder.CreateMemCpy(
      elementAddress(target.aligned, targetPosition, elementSize),
      MaybeAlign(1),
      elementAddress(source.aligned, sourcePosition, elementSize),
      MaybeAlign(1), elementSize);
  Value *nextElement = builder.CreateAdd(element, one);
  element->addIncoming(nextElement, copyElement);
  sourcePosition->addIncoming(
      builder.CreateAdd(sourcePosition, sourceInnerStride), copyElement);
  targetPosition->addIncoming(
      builder.CreateAdd(targetPosition, targetInnerStride), copyElement);
  builder.CreateCondBr(builder.CreateICmpSLT(nextElement, innerSize),
                       copyElement, advance);

  // Advance the outer indices like an odometer, from dimension inner - 1
  // down to 0; the copy is done when dimension 0 wraps around.
  BasicBlock *increment = createBlock("increment");
  BasicBlock *incrementBody = createBlock("increment.body");
  BasicBlock *wrap = createBlock("wrap");
  builder.SetInsertPoint(advance);
  Value *firstOuter = builder.CreateSub(inner, one, "first.outer");
  builder.CreateBr(increment);

  builder.SetInsertPoint(increment);
  PHINode *outer = builder.CreatePHI(indexType, 2, "outer");
  PHINode *sourceBase = builder.CreatePHI(indexType, 2, "source.base");
  PHINode *targetBase = builder.CreatePHI(indexType, 2, "target.base");
  outer->addIncoming(firstOuter, advance);
  sourceBase->addIncoming(sourceRow, advance);
  targetBase->addIncoming(targetRow, advance);
  builder.CreateCondBr(builder.CreateICmpSLT(outer, zero), done, incrementBody);

  builder.SetInsertPoint(incrementBody);
  Value *indexAddress = builder.CreateInBoundsGEP(indexType, indices, outer);
  Value *index = builder.CreateAdd(
      builder.CreateLoad(indexType, indexAddress, "index"), one);
  builder.CreateStore(index, indexAddress);
  Value *outerSize = loadIndex(source.sizes, outer, "outer.size");
  Value *sourceStride = loadIndex(source.strides, outer, "source.stride");
  Value *targetStride = loadIndex(target.strides, outer, "target.stride");
  Value *sourceNext = builder.CreateAdd(sourceBase, sourceStride);
  Value *targetNext = builder.CreateAdd(targetBase, targetStride);
  sourceRow->addIncoming(sourceNext, incrementBody);
  targetRow->addIncoming(targetNext, incrementBody);
  builder.CreateCondBr(builder.CreateICmpSLT(index, outerSize), row, wrap);

  builder.SetInsertPoint(wrap);
  builder.CreateStore(zero, indexAddress);
  outer->addIncoming(builder.CreateSub(outer, one), wrap);
  sourceBase->addIncoming(
      builder.CreateSub(sourceNext, builder.CreateMul(sourceStride, outerSize)),
      wrap);
  targetBase->addIncoming(
      builder.CreateSub(targetNext, builder.CreateMul(targetStride, outerSize)),
      wrap);
  builder.CreateBr(increment);
}

} // namespace

void nas::defineMemrefCopy(Module &module) {
  Function *function = module.getFunction("memrefCopy");
  if (!function || !function->isDeclaration())
    return;
  function->setLinkage(GlobalValue::InternalLinkage);
  MemrefCopyBuilder(*function).build();
}
