//===- PeakMemory.cpp - activation liveness over op order -----------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//
//
// The ops of the function body run one after another in block order. Every
// activation lives in a buffer: a tensor argument that is not a weight, or a
// result of a `nas` op. A view op (isViewOfInput) makes no buffer; its result
// aliases the buffer of its first operand. Under MemoryReuse::Elementwise an
// op whose canReuseInputBuffer() is true writes into the buffer of its first
// operand when no later op reads that buffer. A buffer is live from the op
// that makes it (op 0 for arguments) to the last op that reads a value in
// it; the terminator is such an op, so returned values stay live to the end.
//
//===----------------------------------------------------------------------===//

#include "PeakMemory.h"

#include "nas/Dialect/Nas/IR/NasOps.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/DenseMap.h"

using namespace mlir;
using namespace nas;

namespace {

/// One activation buffer, live during ops [firstOp, lastOp].
struct Buffer {
  uint64_t bytes = 0;
  uint64_t elements = 0;
  int64_t firstOp = 0;
  int64_t lastOp = -1;
};

/// Assigns every activation of a block to a buffer.
class BufferAssignment {
public:
  BufferAssignment(Block &block, const DenseSet<Value> &weights)
      : weights(weights) {
    for (auto [position, op] : llvm::enumerate(block))
      positions[&op] = position;
  }

  /// Returns true if `value` is an activation: a tensor that is not a weight.
  bool isActivation(Value value) const {
    return isa<TensorType>(value.getType()) && !weights.contains(value);
  }

  /// Creates a buffer for `value`, made by the op at `firstOp`.
  LogicalResult addBuffer(Operation *op, StringRef name, Value value,
                          int64_t firstOp) {
    FailureOr<TensorCost> tensor = describeTensor(op, name, value);
    if (failed(tensor))
      return failure();
    Buffer buffer;
    buffer.bytes = tensor->bytes;
    buffer.elements = tensor->elements;
    buffer.firstOp = firstOp;
    buffer.lastOp = lastReader(value, firstOp);
    bufferOf[value] = buffers.size();
    buffers.push_back(buffer);
    return success();
  }

  /// Returns the buffer holding `value`, if it has one.
  std::optional<unsigned> lookup(Value value) const {
    auto it = bufferOf.find(value);
    if (it == bufferOf.end())
      return std::nullopt;
    return it->second;
  }

  /// Places `value` in `buffer` and extends the buffer's life to its
  /// readers.
  void alias(Value value, unsigned buffer, int64_t position) {
    bufferOf[value] = buffer;
    Buffer &target = buffers[buffer];
    target.lastOp = std::max(target.lastOp, lastReader(value, position));
  }

  ArrayRef<Buffer> getBuffers() const { return buffers; }

private:
  /// Returns the position of the last op that reads `value`, or `from` if
  /// no op after it does.
  int64_t lastReader(Value value, int64_t from) const {
    int64_t last = from;
    for (Operation *user : value.getUsers()) {
      auto it = positions.find(user);
      if (it != positions.end())
        last = std::max(last, it->second);
    }
    return last;
  }

  const DenseSet<Value> &weights;
  DenseMap<Operation *, int64_t> positions;
  DenseMap<Value, unsigned> bufferOf;
  SmallVector<Buffer> buffers;
};

/// Decides where the results of the `nas` op at `position` live.
LogicalResult assignResults(CostOpInterface costOp, int64_t position,
                            MemoryReuse reuse, BufferAssignment &assignment) {
  Operation *op = costOp;
  for (OpResult result : op->getResults()) {
    if (!assignment.isActivation(result))
      continue;
    std::optional<unsigned> source;
    if (result.getResultNumber() == 0 && op->getNumOperands() != 0)
      source = assignment.lookup(op->getOperand(0));
    if (costOp.isViewOfInput() && result.getResultNumber() == 0) {
      // A view of a weight is a weight: it needs no buffer either.
      if (source)
        assignment.alias(result, *source, position);
      continue;
    }
    // The first operand's buffer is free for the result when this op is
    // its last reader.
    if (source && reuse == MemoryReuse::Elementwise &&
        costOp.canReuseInputBuffer() &&
        assignment.getBuffers()[*source].lastOp <= position) {
      assignment.alias(result, *source, position);
      continue;
    }
    std::string name =
        op->getNumResults() == 1
            ? std::string("result")
            : "result #" + std::to_string(result.getResultNumber());
    if (failed(assignment.addBuffer(op, name, result, position)))
      return failure();
  }
  return success();
}

/// Adds `term` to `total`, or emits an error on the op at `position` and
/// fails on overflow.
LogicalResult addLive(Block &block, int64_t position, uint64_t &total,
                      uint64_t term, StringRef unit) {
  std::optional<uint64_t> sum = checkedAdd(total, term);
  if (sum) {
    total = *sum;
    return success();
  }
  Operation &op = *std::next(block.begin(), position);
  return op.emitOpError() << "cannot count the live activation " << unit
                          << " while the op runs: the sum overflows 64 bits";
}

} // namespace

FailureOr<LiveMemory> nas::computeLiveMemory(FunctionOpInterface func,
                                             Block &block,
                                             const DenseSet<Value> &weights,
                                             MemoryReuse reuse) {
  BufferAssignment assignment(block, weights);
  for (BlockArgument argument : block.getArguments()) {
    if (!assignment.isActivation(argument))
      continue;
    std::string name = "argument #" + std::to_string(argument.getArgNumber());
    // An argument is made before op 0. If no op reads it, lastOp stays -1
    // and it is never live.
    if (failed(assignment.addBuffer(func, name, argument, /*firstOp=*/-1)))
      return failure();
  }
  for (auto [position, op] : llvm::enumerate(block))
    if (auto costOp = dyn_cast<CostOpInterface>(op))
      if (failed(assignResults(costOp, position, reuse, assignment)))
        return failure();

  // Sweep over the ops: a buffer enters at max(firstOp, 0) and leaves after
  // lastOp.
  size_t numOps = block.getOperations().size();
  std::vector<uint64_t> enterBytes(numOps), enterElements(numOps);
  std::vector<uint64_t> leaveBytes(numOps), leaveElements(numOps);
  for (const Buffer &buffer : assignment.getBuffers()) {
    int64_t first = std::max<int64_t>(buffer.firstOp, 0);
    if (buffer.lastOp < first)
      continue;
    if (failed(
            addLive(block, first, enterBytes[first], buffer.bytes, "bytes")) ||
        failed(addLive(block, first, enterElements[first], buffer.elements,
                       "elements")))
      return failure();
    // The buffers leaving at an op are all live while it runs, so these sums
    // are at most the live total there, which the sweep below checks.
    leaveBytes[buffer.lastOp] += buffer.bytes;
    leaveElements[buffer.lastOp] += buffer.elements;
  }

  LiveMemory live;
  live.bytes.resize(numOps);
  live.elements.resize(numOps);
  uint64_t bytes = 0, elements = 0;
  for (size_t position = 0; position < numOps; ++position) {
    if (failed(
            addLive(block, position, bytes, enterBytes[position], "bytes")) ||
        failed(addLive(block, position, elements, enterElements[position],
                       "elements")))
      return failure();
    live.bytes[position] = bytes;
    live.elements[position] = elements;
    live.peakBytes = std::max(live.peakBytes, bytes);
    live.peakElements = std::max(live.peakElements, elements);
    // Buffers leaving here were all counted in `bytes`, so this cannot wrap.
    bytes -= leaveBytes[position];
    elements -= leaveElements[position];
  }
  return live;
}
