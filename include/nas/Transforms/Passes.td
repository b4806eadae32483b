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
    Sets on every `nas` op the string attribute `nas.kind` (the primitive
    kind) and the i64 attributes `nas.macs`, `nas.other_ops`, `nas.params`
    (parameter elements), `nas.statistics` (statistic elements, such as the
    running mean and variance of batch normalization), `nas.weight_bytes`,
    `nas.activation_bytes` (bytes of the results, 0 for a view) and
    `nas.live_bytes` (bytes of the activation buffers live while the op
    runs).

    Sets on every function with a body the i64 attributes `nas.total_macs`,
    `nas.total_other_ops`, `nas.total_params`, `nas.total_statistics`,
    `nas.total_weight_bytes`, `nas.total_activation_bytes`, `nas.peak_bytes`
    and `nas.peak_elements`, and the string attribute `nas.memory_reuse`
    (the convention of the peak). A parameter or statistic used by several
    ops counts once in the totals; its MACs count at every use.

    Fails with an error naming the op on dynamic shapes, on an op that
    produces a tensor without a cost model, and on a count above the
    largest signed 64-bit integer.
  }];
  let options = [
    Option<"memoryReuse", "memory-reuse", "std::string", /*default=*/"\"none\"",
           "Buffer convention for the peak memory: 'none' (every op writes "
           "a new buffer) or 'elementwise' (an op that can compute in place, "
           "such as batch_norm, relu, clip or add, writes into its first "
           "operand's buffer when no later op reads it)">,
  ];
}

def NasCostReport : Pass<"nas-cost-report", "mlir::ModuleOp"> {
  let summary = "Prints a per-layer cost table and writes a JSON report";
  let description = [{
    Prints to stdout, for every function with a body, one row per `nas` op
    (layer name, primitive kind, input and output shapes, MACs, parameters,
    weight bytes, activation bytes, live bytes), the totals, and breakdowns
    by primitive kind and by module. The IR is not changed.

    Layer names come from the op locations (for imported ONNX models, node
    names such as `/layer1/layer1.0/conv1/Conv`). The modules of a layer
    are the prefixes of its name split on '/' without the last component,
    up to `module-depth` components: that node belongs to `layer1` and
    `layer1/layer1.0`.
  }];
  let options = [
    Option<"memoryReuse", "memory-reuse", "std::string", /*default=*/"\"none\"",
           "Buffer convention for the peak memory: 'none' or 'elementwise'">,
    Option<"jsonFile", "json", "std::string", /*default=*/"\"\"",
           "Write the report as JSON to this file ('-' for stdout)">,
    Option<"printTable", "table", "bool", /*default=*/"true",
           "Print the text report (table, totals, breakdowns) to stdout">,
    Option<"moduleDepth", "module-depth", "unsigned", /*default=*/"2",
           "Maximum number of name components of a module in the module "
           "breakdown; 0 leaves the breakdown out">,
  ];
}

def NasExpandBlocks : Pass<"nas-expand-blocks"> {
  let summary = "Expands nas blocks into nas primitives";
  let description = [{
    Rewrites `nas.bottleneck` and `nas.inverted_residual` into the
    convolutions, activations and adds that define them. The expanded ops
    keep the block's location, extended with the name of each part. A block
    whose expansion needs a dynamic size is left in place with an error
    naming it, and the pass fails.
  }];
}

def NasStripAttributes : Pass<"nas-strip-attributes", "mlir::ModuleOp"> {
  let summary = "Removes nas attributes from functions, arguments and results";
  let description = [{
    Drops every discardable attribute in the `nas` namespace (ONNX names
    such as `nas.name`, cost annotations such as `nas.total_macs`) from the
    module's functions, their arguments and results, and from the ops they
    contain. The lowering pipeline runs it first, because the translation to
    LLVM IR does not know these attributes.
  }];
}

#endif // NAS_TRANSFORMS_PASSES_TD
