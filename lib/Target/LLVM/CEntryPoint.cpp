//===- CEntryPoint.cpp - the plain C function around a lowered entry ------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The lowered entry takes each memref argument as its unpacked descriptor
// fields (allocated pointer, aligned pointer, offset, sizes, strides) and
// returns a descriptor struct, or a struct of them for several results, whose
// buffers the caller owns. The C entry point built here hides all of that
// behind arrays of data pointers.
//
//===----------------------------------------------------------------------===//

#include "nas/Target/LLVM/Compile.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace {

/// Number of parameters that a memref of `rank` unpacks to.
unsigned getDescriptorFieldCount(size_t rank) { return 3 + 2 * rank; }

Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

/// Checks that `lowered` takes the unpacked descriptors of the inputs of
/// `signature` and returns their result descriptors.
Error checkLoweredType(Function &lowered,
                       const nas::EntrySignature &signature) {
  unsigned expectedParameterCount = 0;
  for (const nas::TensorInfo &input : signature.inputs)
    expectedParameterCount += getDescriptorFieldCount(input.shape.size());
  if (lowered.arg_size() != expectedParameterCount)
    return makeError(formatv("expected the lowered function '{0}' to take "
                             "{1} parameters (the unpacked memref "
                             "descriptors of its inputs), got {2}",
                             signature.functionName, expectedParameterCount,
                             lowered.arg_size()));
  auto *returnType = dyn_cast<StructType>(lowered.getReturnType());
  size_t outputCount = signature.outputs.size();
  bool matches = returnType && (outputCount == 1 ||
                                returnType->getNumElements() == outputCount);
  if (!matches)
    return makeError(formatv("expected the lowered function '{0}' to return "
                             "the descriptors of {1} results",
                             signature.functionName, outputCount));
  return Error::success();
}

/// Returns the IR type of the elements of `tensor`.
Type *getElementType(LLVMContext &context, const nas::TensorInfo &tensor) {
  return tensor.elementType == nas::ElementType::F32
             ? Type::getFloatTy(context)
             : Type::getDoubleTy(context);
}

/// Builds the body of the C entry point.
class EntryPointBuilder {
public:
  /// `packedFlag`, when not null, is the i8 global that the weight packing
  /// entry sets.
  EntryPointBuilder(Function &wrapper, Function &lowered,
                    const nas::EntrySignature &signature,
                    GlobalVariable *packedFlag)
      : wrapper(wrapper), lowered(lowered), signature(signature),
        context(wrapper.getContext()), builder(context),
        pointerType(PointerType::getUnqual(context)),
        indexType(Type::getInt64Ty(context)), packedFlag(packedFlag) {}

  /// Builds `int wrapper(const void *const *inputs, void *const *outputs)`
  /// around the lowered entry.
  void build();
  /// Builds `int wrapper(const void *const *inputs)` around the lowered
  /// weight packing function, which then sets the packed flag.
  void buildPack();

private:
  /// Creates the entry block and the block that returns 1. Checks that
  /// `inputs` is not null if the function has inputs, and that `outputs` is
  /// not null when the wrapper takes it (`outputs` is then not nullptr).
  /// Leaves the builder in the next block.
  void checkArrays(Value *inputs, Value *outputs);
  /// Loads every input pointer of `inputs` into `inputPointers` and ORs
  /// their null checks into `anyNull`.
  void loadInputs(Value *inputs, SmallVectorImpl<Value *> &inputPointers,
                  Value *&anyNull);
  /// Loads entry `index` of the pointer array `array`.
  Value *loadPointer(Value *array, size_t index, const Twine &name);
  /// Branches to a block returning 1 if `isNull` is true, and continues in a
  /// new block otherwise.
  void returnOneIf(Value *isNull, const Twine &continueName);
  /// Appends the unpacked descriptor of a row-major buffer to `arguments`.
  void appendDescriptor(SmallVectorImpl<Value *> &arguments, Value *data,
                        ArrayRef<int64_t> shape);
  /// Frees `allocated` unless it is an input or one of `freed`.
  void freeOnce(Value *allocated, ArrayRef<Value *> inputPointers,
                ArrayRef<Value *> freed, size_t outputIndex);

  Function &wrapper;
  Function &lowered;
  const nas::EntrySignature &signature;
  LLVMContext &context;
  IRBuilder<> builder;
  Type *pointerType;
  Type *indexType;
  GlobalVariable *packedFlag;
  BasicBlock *failureBlock = nullptr;
};

void EntryPointBuilder::checkArrays(Value *inputs, Value *outputs) {
  BasicBlock *entry = BasicBlock::Create(context, "entry", &wrapper);
  failureBlock = BasicBlock::Create(context, "null.pointer", &wrapper);
  builder.SetInsertPoint(failureBlock);
  builder.CreateRet(builder.getInt32(1));

  // Check the arrays, then every pointer in them, before computing anything.
  builder.SetInsertPoint(entry);
  // A function without arguments reads no entry of `inputs`, so a null
  // array is accepted there.
  Value *arrayIsNull =
      outputs ? builder.CreateIsNull(outputs) : builder.getFalse();
  if (!signature.inputs.empty())
    arrayIsNull = builder.CreateOr(builder.CreateIsNull(inputs), arrayIsNull);
  returnOneIf(arrayIsNull, "load.pointers");
}

void EntryPointBuilder::loadInputs(Value *inputs,
                                   SmallVectorImpl<Value *> &inputPointers,
                                   Value *&anyNull) {
  for (size_t i = 0, e = signature.inputs.size(); i < e; ++i) {
    Value *pointer = loadPointer(inputs, i, "input" + Twine(i));
    anyNull = builder.CreateOr(anyNull, builder.CreateIsNull(pointer));
    inputPointers.push_back(pointer);
  }
}

Value *EntryPointBuilder::loadPointer(Value *array, size_t index,
                                      const Twine &name) {
  Value *address = builder.CreateConstInBoundsGEP1_64(pointerType, array, index,
                                                      name + ".addr");
  return builder.CreateLoad(pointerType, address, name);
}

void EntryPointBuilder::returnOneIf(Value *isNull, const Twine &continueName) {
  BasicBlock *next = BasicBlock::Create(context, continueName, &wrapper);
  builder.CreateCondBr(isNull, failureBlock, next);
  builder.SetInsertPoint(next);
}

void EntryPointBuilder::appendDescriptor(SmallVectorImpl<Value *> &arguments,
                                         Value *data, ArrayRef<int64_t> shape) {
  arguments.push_back(data);
  arguments.push_back(data);
  arguments.push_back(ConstantInt::get(indexType, 0));
  for (int64_t size : shape)
    arguments.push_back(ConstantInt::get(indexType, size));
  SmallVector<int64_t> strides(shape.size());
  int64_t stride = 1;
  for (size_t d = shape.size(); d-- > 0;) {
    strides[d] = stride;
    stride *= shape[d];
  }
  for (int64_t value : strides)
    arguments.push_back(ConstantInt::get(indexType, value));
}

void EntryPointBuilder::freeOnce(Value *allocated,
                                 ArrayRef<Value *> inputPointers,
                                 ArrayRef<Value *> freed, size_t outputIndex) {
  // The deallocation pipeline returns every result in a fresh allocation,
  // but two results may share one, so each is freed once. An input pointer
  // is never freed, in case a pipeline change returns an input unchanged.
  Value *shouldFree = builder.getTrue();
  for (Value *other : llvm::concat<Value *const>(inputPointers, freed))
    shouldFree =
        builder.CreateAnd(shouldFree, builder.CreateICmpNE(allocated, other));
  std::string index = std::to_string(outputIndex);
  BasicBlock *freeBlock =
      BasicBlock::Create(context, "free.result" + index, &wrapper);
  BasicBlock *next =
      BasicBlock::Create(context, "after.free.result" + index, &wrapper);
  builder.CreateCondBr(shouldFree, freeBlock, next);
  builder.SetInsertPoint(freeBlock);
  Module &module = *wrapper.getParent();
  FunctionCallee freeFunction = module.getOrInsertFunction(
      "free", FunctionType::get(Type::getVoidTy(context), {pointerType},
                                /*isVarArg=*/false));
  builder.CreateCall(freeFunction, {allocated});
  builder.CreateBr(next);
  builder.SetInsertPoint(next);
}

void EntryPointBuilder::build() {
  Argument *inputs = wrapper.getArg(0);
  Argument *outputs = wrapper.getArg(1);
  inputs->setName("inputs");
  outputs->setName("outputs");

  checkArrays(inputs, outputs);
  SmallVector<Value *> inputPointers;
  SmallVector<Value *> outputPointers;
  Value *anyNull = builder.getFalse();
  loadInputs(inputs, inputPointers, anyNull);
  for (size_t i = 0, e = signature.outputs.size(); i < e; ++i) {
    Value *pointer = loadPointer(outputs, i, "output" + Twine(i));
    anyNull = builder.CreateOr(anyNull, builder.CreateIsNull(pointer));
    outputPointers.push_back(pointer);
  }
  returnOneIf(anyNull, "check.packed");

  // The kernels read the packed weights from globals, which contain no data
  // before the packing entry has run.
  if (packedFlag) {
    BasicBlock *unpacked = BasicBlock::Create(context, "unpacked", &wrapper);
    BasicBlock *compute = BasicBlock::Create(context, "compute", &wrapper);
    Value *packed =
        builder.CreateLoad(builder.getInt8Ty(), packedFlag, "packed");
    builder.CreateCondBr(builder.CreateIsNull(packed), unpacked, compute);
    builder.SetInsertPoint(unpacked);
    builder.CreateRet(builder.getInt32(2));
    builder.SetInsertPoint(compute);
  }

  SmallVector<Value *> arguments;
  for (auto [pointer, input] : llvm::zip(inputPointers, signature.inputs))
    appendDescriptor(arguments, pointer, input.shape);
  CallInst *results = builder.CreateCall(&lowered, arguments, "results");

  // Copy every result before freeing any, since two results may share a
  // buffer.
  SmallVector<Value *> allocatedPointers;
  for (auto [index, output] : llvm::enumerate(signature.outputs)) {
    Value *descriptor =
        signature.outputs.size() == 1
            ? static_cast<Value *>(results)
            : builder.CreateExtractValue(results, index, "result");
    Value *allocated = builder.CreateExtractValue(descriptor, 0, "allocated");
    Value *aligned = builder.CreateExtractValue(descriptor, 1, "aligned");
    Value *offset = builder.CreateExtractValue(descriptor, 2, "offset");
    Type *elementType = getElementType(context, output);
    Value *source = builder.CreateGEP(elementType, aligned, offset, "source");
    Align alignment(output.getElementBytes());
    builder.CreateMemCpy(outputPointers[index], alignment, source, alignment,
                         output.getNumElements() * output.getElementBytes());
    allocatedPointers.push_back(allocated);
  }
  for (auto [index, allocated] : llvm::enumerate(allocatedPointers))
    freeOnce(allocated, inputPointers,
             ArrayRef<Value *>(allocatedPointers).take_front(index), index);
  builder.CreateRet(builder.getInt32(0));
}

void EntryPointBuilder::buildPack() {
  Argument *inputs = wrapper.getArg(0);
  inputs->setName("inputs");
  checkArrays(inputs, /*outputs=*/nullptr);
  SmallVector<Value *> inputPointers;
  Value *anyNull = builder.getFalse();
  loadInputs(inputs, inputPointers, anyNull);
  returnOneIf(anyNull, "pack");

  SmallVector<Value *> arguments;
  for (auto [pointer, input] : llvm::zip(inputPointers, signature.inputs))
    appendDescriptor(arguments, pointer, input.shape);
  builder.CreateCall(&lowered, arguments);
  builder.CreateStore(builder.getInt8(1), packedFlag);
  builder.CreateRet(builder.getInt32(0));
}

/// Renames the definition named `name` in `module`, if any, so that a new
/// external function can take the name. Fails for a declaration, which
/// cannot be renamed because the compiled code calls that external
/// function.
Error freeName(Module &module, StringRef name) {
  GlobalValue *existing = module.getNamedValue(name);
  if (!existing)
    return Error::success();
  if (existing->isDeclaration())
    return makeError("the symbol '" + name +
                     "' is an external function that the compiled code "
                     "calls; choose another name");
  existing->setName(name + ".lowered");
  return Error::success();
}

} // namespace

Error nas::addCEntryPoint(Module &module, const EntrySignature &signature,
                          StringRef symbol, bool packsWeights) {
  Function *lowered = module.getFunction(signature.functionName);
  if (!lowered || lowered->isDeclaration())
    return makeError("the lowered module has no function '" +
                     signature.functionName + "'");
  if (Error error = checkLoweredType(*lowered, signature))
    return error;
  Function *loweredPack = nullptr;
  if (packsWeights) {
    std::string packName = getPackFunctionName(signature.functionName);
    loweredPack = module.getFunction(packName);
    if (!loweredPack || loweredPack->isDeclaration())
      return makeError("the lowered module has no function '" + packName + "'");
    if (loweredPack->arg_size() != lowered->arg_size() ||
        !loweredPack->getReturnType()->isVoidTy())
      return makeError("expected the lowered function '" + packName +
                       "' to take the parameters of '" +
                       signature.functionName + "' and return nothing");
  }

  // A definition already named like an entry point gets another name, and
  // becomes internal below.
  std::string packSymbol = (symbol + "_pack_weights").str();
  if (Error error = freeName(module, symbol))
    return error;
  if (packsWeights)
    if (Error error = freeName(module, packSymbol))
      return error;

  LLVMContext &context = module.getContext();
  Type *pointerType = PointerType::getUnqual(context);
  Type *statusType = Type::getInt32Ty(context);
  GlobalVariable *packedFlag = nullptr;
  Function *packWrapper = nullptr;
  if (packsWeights) {
    Type *flagType = Type::getInt8Ty(context);
    packedFlag = new GlobalVariable(
        module, flagType, /*isConstant=*/false, GlobalValue::InternalLinkage,
        ConstantInt::get(flagType, 0), symbol + ".packed");
    packWrapper = Function::Create(
        FunctionType::get(statusType, {pointerType}, /*isVarArg=*/false),
        GlobalValue::ExternalLinkage, packSymbol, module);
    EntryPointBuilder(*packWrapper, *loweredPack, signature, packedFlag)
        .buildPack();
  }
  auto *type = FunctionType::get(statusType, {pointerType, pointerType},
                                 /*isVarArg=*/false);
  Function *wrapper =
      Function::Create(type, GlobalValue::ExternalLinkage, symbol, module);
  EntryPointBuilder(*wrapper, *lowered, signature, packedFlag).build();

  for (Function &function : module)
    if (&function != wrapper && &function != packWrapper &&
        !function.isDeclaration() && !function.hasLocalLinkage())
      function.setLinkage(GlobalValue::InternalLinkage);
  for (GlobalVariable &global : module.globals())
    if (!global.isDeclaration() && !global.hasLocalLinkage())
      global.setLinkage(GlobalValue::InternalLinkage);
  return Error::success();
}
