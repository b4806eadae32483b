//===- Passes.td - nas transformation and analysis passes --*- tablegen -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_TRANSFORMS_PASSES_TD
#define NAS_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def NasAnnotateCosts : Pass<"nas-annotate-costs", "mlir::ModuleOp"> {
  let summary = "Annotates every nas op and function with its costs";
  let description = [{
    Sets on every `nas` op the attributes `nas.kind`, `nas.macs`,
    `nas.other_ops`, `nas.params`, `nas.weight_bytes`, `nas.activation_bytes`
    and `nas.live_bytes` (bytes of the buffers live while the op runs), and
    on every function the totals and `nas.peak_bytes`. A parameter used by
    several ops counts once in the function's totals.
  }];
  let options = [
    Option<"memoryReuse", "memory-reuse", "std::string", /*default=*/"\"none\"",
           "Buffer convention for peak memory: 'none' (every op writes a new "
           "buffer) or 'elementwise' (batch_norm, relu, clip and add write "
           "into their first operand's buffer when it is dead after them)">,
  ];
}

def NasCostReport : Pass<"nas-cost-report", "mlir::ModuleOp"> {
  let summary = "Prints a per-layer cost table and writes a JSON report";
  let description = [{
    Prints, for every function, one row per `nas` op (layer name, primitive
    kind, shapes, MACs, parameters, bytes), the totals, and breakdowns by
    primitive kind and by module. Layer names come from the op locations
    (for imported ONNX models, the node names such as
    `/layer1/layer1.0/conv1/Conv`); the module of a layer is its name
    without the last path component.
  }];
  let options = [
    Option<"memoryReuse", "memory-reuse", "std::string", /*default=*/"\"none\"",
           "Buffer convention for peak memory: 'none' or 'elementwise'">,
    Option<"jsonFile", "json", "std::string", /*default=*/"\"\"",
           "Write the JSON report to this file ('-' for stdout)">,
    Option<"printTable", "table", "bool", /*default=*/"true",
           "Print the per-layer table to stdout">,
    Option<"moduleDepth", "module-depth", "unsigned", /*default=*/"2",
           "Number of name path components kept in the module breakdown">,
  ];
}

def NasExpandBlocks : Pass<"nas-expand-blocks"> {
  let summary = "Expands nas blocks into nas primitives";
  let description = [{
    Rewrites `nas.bottleneck` and `nas.inverted_residual` into the
    convolutions, activations and adds that define them. The expanded ops
    keep the block's location, extended with the name of each part.
  }];
}

#endif // NAS_TRANSFORMS_PASSES_TD
