//===- Passes.td - nas conversion passes -------------------*- tablegen -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_CONVERSION_PASSES_TD
#define NAS_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertNasToLinalg : Pass<"nas-to-linalg"> {
  let summary = "Lowers nas primitives to linalg on tensors";
  let description = [{
    Rewrites every nas primitive into linalg named ops where one exists
    (convolutions, pooling, matmul, fill, broadcast, reduce) and
    linalg.generic otherwise, with tensor.pad for padding and tensor reshapes
    for grouped convolutions, flatten and reshape. Blocks must be expanded
    first (`nas-expand-blocks`). Only f32 and f64 tensors with static shapes
    are supported. The pass checks every nas op before rewriting any. Each
    op that it cannot lower gets an error naming the op and the reason, and
    the pass fails with the IR unchanged.

    With `layout=nhwc`, convolutions, pooling and elementwise ops on 4-D
    tensors compute in the channels-last layout (`linalg.conv_2d_nhwc_hwcf`,
    `linalg.depthwise_conv_2d_nhwc_hwc`, `linalg.pooling_nhwc_*`), with a
    `linalg.transpose` of every 4-D activation operand to NHWC before the op
    and of the result back to NCHW after it. Canonicalization folds each
    back-and-forth pair, so that only the transposes at the function
    boundary, of the weights and around reshapes remain. The function
    signature keeps the NCHW layout of the nas ops.
  }];
  let options = [
    Option<"layout", "layout", "nas::ActivationLayout",
           /*default=*/"nas::ActivationLayout::NCHW",
           "Layout that 4-D ops compute in",
           [{::llvm::cl::values(
             clEnumValN(nas::ActivationLayout::NCHW, "nchw",
                        "channels first, the layout of the nas ops"),
             clEnumValN(nas::ActivationLayout::NHWC, "nhwc",
                        "channels last, with transposes around each op"))}]>,
  ];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::linalg::LinalgDialect",
    "mlir::math::MathDialect",
    "mlir::tensor::TensorDialect",
  ];
}

def NasNhwcBoundary : Pass<"nas-nhwc-boundary", "mlir::ModuleOp"> {
  let summary = "Gives the 4-D activations at the boundary of public "
                "functions the NHWC layout";
  let description = [{
    Works on nas IR, before `nas-to-linalg`. In every public function with a
    body that no symbol use in the module refers to, each 4-D activation
    argument becomes N x H x W x C, followed by a `linalg.transpose` with
    permutation [0, 3, 1, 2] back to the N x C x H x W tensor that its
    users read, and each 4-D result is transposed to N x H x W x C (with
    permutation [0, 2, 3, 1]) before the return. The function type changes
    accordingly:

    ```mlir
    func.func @f(%x: tensor<1x8x6x6xf32>, %w: tensor<4x8x1x1xf32>)
        -> tensor<1x4x6x6xf32>
    // becomes
    func.func @f(%x: tensor<1x6x6x8xf32>, %w: tensor<4x8x1x1xf32>)
        -> tensor<1x6x6x4xf32>
    ```

    A 4-D argument is a weight, and keeps its type, when one of its uses is
    the weight operand of `nas.conv2d` or a weight operand of
    `nas.bottleneck` or `nas.inverted_residual`; every other 4-D argument
    and every 4-D result is an activation (`nas::getBoundaryLayout` in
    nas/Conversion/BoundaryLayout.h, which nas-run and nas-compile call
    too). Private functions and called public functions keep their NCHW
    signature, so calls stay valid.

    After `nas-to-linalg layout=nhwc`, each inserted transpose meets the
    transpose that the lowered op applies to its operand or result, and
    canonicalization folds the pair, so a function whose activations are
    all read by convolutions, pooling and elementwise ops has no transpose
    left on them. Arguments read by other ops (such as `nas.flatten`) keep
    a transpose.
  }];
  let dependentDialects = [
    "mlir::linalg::LinalgDialect",
    "mlir::tensor::TensorDialect",
  ];
}

def NasPrepackWeights : Pass<"nas-prepack-weights", "mlir::ModuleOp"> {
  let summary = "Moves the packing of weights into a function of its own "
                "that runs once";
  let description = [{
    Works on linalg on tensors in the NHWC layout, before tiling. In every
    public function `@f` with a body, a `linalg.transpose` is a weight
    packing op when its input is a function argument (possibly through
    `tensor.collapse_shape` and `tensor.expand_shape`) and its result is
    only read as the weight of `linalg.conv_2d_nhwc_hwcf`,
    `linalg.depthwise_conv_2d_nhwc_hwc` or `linalg.matmul` (directly or
    through `tensor.extract_slice` and reshapes). A `linalg.generic` without
    inputs that fills a `tensor.empty` with elements extracted from
    arguments, such as the rotated weight of a grouped convolution read by
    a generic marked `nas.rotated_group_conv`, is a packing op too.

    Each packing op gets a private, uninitialized `memref.global`. When the
    rows of the packed weight (its last dimension) are a multiple of 256
    bytes, the global has 64 more bytes per row, so that the rows a kernel
    reads one after the other do not map to the same few cache sets. `@f`
    reads the packed weight from the global (`bufferization.to_tensor` of
    `memref.get_global`, through a `memref.subview` of the leading part of
    each row when padded), and a new function `@f_pack_weights`, with the
    arguments of `@f` and no results, computes every packed weight from the
    arguments and writes it to its global
    (`bufferization.materialize_in_destination`).

    Every argument that reaches such a weight operand counts as a weight. A
    caller must call `@f_pack_weights` before the first call of `@f` and
    after every change of those arguments, because `@f` reads what the last
    call packed. The pack function gets the `llvm.emit_c_interface` attribute
    when `@f` has it. Functions without packing ops are left unchanged and
    get an empty pack function, so that a caller can always call it. A
    public function that another function of the module calls is left
    unchanged too, because its callers run only their own pack function.

    When every use of a weight is a `linalg.conv_2d_nhwc_hwcf` whose output
    channels `nas-tile-and-vectorize` would split into tiles of the same
    width B (at least two tiles, for the CPU of the `cpu` option), the
    global stores the weight in output channel blocks instead:
    ceil(F / B) x KH x KW x C x B, the last block padded with zeros. The
    pack function computes it with a pad, an expand_shape and a transpose.
    `@f` reads it through a `linalg.unpack` to KH x KW x C x F, which
    nas-tile-and-vectorize replaces in each tile by a slice of one block.
    Each tile then streams a contiguous panel of weights.
  }];
  let options = [
    Option<"cpu", "cpu", "std::string", /*default=*/"\"host\"",
           "CPU whose tile sizes decide the output channel blocks of "
           "convolution weights: 'host' or an LLVM x86-64 CPU name">,
  ];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::bufferization::BufferizationDialect",
    "mlir::func::FuncDialect",
    "mlir::linalg::LinalgDialect",
    "mlir::memref::MemRefDialect",
    "mlir::tensor::TensorDialect",
  ];
}

def NasTileAndVectorize
    : Pass<"nas-tile-and-vectorize", "mlir::func::FuncOp"> {
  let summary = "Tiles convolutions, pooling, matmuls and transposes to "
                "register blocks, fuses their elementwise consumers and "
                "vectorizes the tiles";
  let description = [{
    Works on linalg on tensors in the NHWC layout, as `nas-to-linalg
    layout=nhwc` produces it. Every `linalg.conv_2d_nhwc_hwcf`,
    `linalg.depthwise_conv_2d_nhwc_hwc`, `linalg.pooling_nhwc_max/sum`,
    `linalg.matmul` and `linalg.transpose` with static shapes and f32 or
    f64 elements is an anchor. A matmul that reads its right operand
    transposed (a fully connected layer) first becomes a transpose of that
    operand and a plain matmul.

    1. The anchor, or the elementwise `linalg.generic` that is the only user
       of its result (bias, batch normalization, activation, residual add
       after `nas-fuse-elementwise`), is tiled to a register block of
       output rows (one, or several whole rows of a convolution) by output
       columns by channels, with `scf.for` loops.
       The anchor and the `linalg.fill` or `linalg.broadcast` that
       initializes its accumulator are fused into the tile, so the
       epilogue runs on the block while it is in registers. A transpose is
       tiled to blocks of lanes x lanes elements.
    2. Loops whose step does not divide their range are peeled, so that
       every tile has a static shape.
    3. Inside a tile, the reduction loops are tiled to one kernel row (and
       for convolutions one kernel column and one input channel, for
       matmuls one step of K). A convolution tile of several output rows,
       with its initialization and epilogue, is split into one tile per
       row. The 2-D op is rewritten to its 1-D form, and all tiled ops are
       vectorized with `linalg::vectorize`.
    4. The accumulator reads and writes are hoisted out of the reduction
       loops, so that the accumulators stay in vector registers.
    5. With `skip-padding-taps`, a convolution tile leaves out the
       multiply-adds whose input element lies in zero padding: its kernel
       rows run under an `scf.if` on the input row, and in the tiles at
       the left and right edges (first and last iterations of the column
       loop, peeled) the loop over kernel columns is unrolled and each
       contraction keeps only the pixels whose input column lies inside
       the source.
    6. Every `tensor.pad` with a constant value becomes an insert of its
       source into an empty tensor and fills of the border, which lets
       empty tensor elimination compute the source in the padded buffer.
    7. A reduction loop with fewer than 8 accumulator registers (a fully
       connected layer on one input has one per tile) is unrolled into
       copies with accumulators of their own, summed after the loop, so
       that its multiply-adds do not wait on each other's latency.

    The register block is chosen from the vector width, register count and
    cache sizes of `cpu`: a convolution keeps pixels x columns/lanes
    accumulators, one weight vector per column and one broadcast input in
    the registers, its weight panel in half of the L2 cache, and at most
    ways - 1 of its pixels' input lines in one set of the L1 cache. Weight
    vectors that come from the L2 cache count more than those from L1,
    which favors blocks of more pixels, spanning several output rows when
    the rows are short. Other ops are left unchanged.
  }];
  let options = [
    Option<"cpu", "cpu", "std::string", /*default=*/"\"host\"",
           "CPU whose vector width and register count set the tile sizes: "
           "'host' or an LLVM x86-64 CPU name such as 'x86-64-v2', "
           "'x86-64-v3', 'x86-64-v4' or 'znver4'">,
    Option<"markParallelLoops", "mark-parallel-loops", "bool",
           /*default=*/"false",
           "Mark the outermost two tile loops of each anchor with the unit "
           "attribute nas.parallel, for nas-parallelize-loops">,
    Option<"minParallelIterations", "min-parallel-iterations", "int64_t",
           /*default=*/"131072",
           "With mark-parallel-loops, the smallest number of iterations "
           "(multiply-adds, or elements of a copy or transpose) of an anchor "
           "whose tile loops are marked">,
    Option<"skipPaddingTaps", "skip-padding-taps", "bool", /*default=*/"true",
           "Leave out the multiply-adds of convolution tiles whose input "
           "element lies in zero padding">,
  ];
  let dependentDialects = [
    "mlir::affine::AffineDialect",
    "mlir::arith::ArithDialect",
    "mlir::linalg::LinalgDialect",
    "mlir::scf::SCFDialect",
    "mlir::tensor::TensorDialect",
    "mlir::vector::VectorDialect",
  ];
}

def NasParallelizeLoops
    : Pass<"nas-parallelize-loops", "mlir::func::FuncOp"> {
  let summary = "Turns the marked tile loops into scf.parallel";
  let description = [{
    Runs on buffers, after bufferization. Every outermost `scf.for` with
    the unit attribute `nas.parallel` (which `nas-tile-and-vectorize
    mark-parallel-loops=true` puts on the outermost two loops over the
    output tiles of each anchor) and without loop-carried values becomes an
    `scf.parallel` with the same bounds and body; `convert-scf-to-openmp`
    then distributes its iterations over threads. The iterations of such a
    loop write disjoint output tiles. When the loop has fewer than 16
    iterations and its body is only a marked loop without loop-carried
    values and with bounds defined outside, the `scf.parallel` covers both
    ranges, so that few rows still split evenly between threads. Marked
    loops nested in a parallel loop, and marked loops that still carry
    values, stay sequential. The pass removes every `nas.parallel`
    attribute. The unit attribute `nas.border_fill` of a border fill loop
    that runs before the producer of the rest of its buffer moves to the
    first op of the `scf.parallel` body, which `convert-scf-to-openmp`
    keeps, for `nas-merge-parallel-regions`.
  }];
  let dependentDialects = ["mlir::scf::SCFDialect"];
}

def NasMergeParallelRegions
    : Pass<"nas-merge-parallel-regions", "mlir::func::FuncOp"> {
  let summary = "Merges consecutive omp.parallel regions into one";
  let description = [{
    Runs after `convert-scf-to-openmp`. Two `omp.parallel` ops of the same
    block without clauses, with only ops free of memory effects between
    them (views, reshapes, constants, `memref.get_global`), become one: the
    ops between move before the first, and the body of the second joins the
    body of the first, after its worksharing loop. Each `omp.wsloop` ends
    with an implicit barrier, so no thread starts the second loop before
    all have finished the first, as before; the threads are only forked and
    joined once. A first region whose body has a `nowait` worksharing loop,
    or ops other than worksharing loops, is left alone.

    Then a worksharing loop whose body starts with an op marked
    `nas.border_fill` (see `nas-parallelize-loops`) becomes `nowait` when
    the next op of its region is a worksharing loop with a barrier: the
    producer of the rest of the filled buffer, which writes none of the
    border. That barrier orders both loops before the loop that reads the
    buffer. The markers go away.
  }];
  let dependentDialects = ["mlir::omp::OpenMPDialect"];
}

def NasSinkLoads : Pass<"nas-sink-loads", "mlir::LLVM::LLVMFuncOp"> {
  let summary = "Moves each load next to its first use in its block";
  let description = [{
    Runs on the LLVM dialect, at the end of the lowering. Last op first,
    each load that is neither volatile nor atomic, and each address
    computation (`llvm.getelementptr`), element extraction or insertion,
    shuffle and bitcast, moves to right before the first op of its block
    that uses it. An op with a user in another block stays. A load also
    stays when an op between it and its user may write memory. A prefetch
    does not count as a write, and inline assembly always does. So the
    load of an input element, its extraction and its broadcast end up next
    to the FMA that uses them. The new order is computed on the old one
    and applied once per block, in time linear in the uses.

    The lowering of a register block reads all the input elements of a
    reduction step before the first FMA. LLVM's scheduler usually
    interleaves them again. In the functions that the OpenMP lowering
    outlines, it kept several loaded inputs live at once and spilled 5
    accumulators of a block of 14 pixels by 2 vectors on every step.
  }];
  let dependentDialects = ["mlir::LLVM::LLVMDialect"];
}

def NasFuseElementwise : Pass<"nas-fuse-elementwise", "mlir::func::FuncOp"> {
  let summary = "Fuses chains of elementwise linalg ops, leaving the kernels "
                "named";
  let description = [{
    Applies the patterns of upstream `linalg-fuse-elementwise-ops`: fusion
    of elementwise producers into their consumers, folding of
    `tensor.expand_shape` and `tensor.collapse_shape` into the linalg ops
    next to them by expanding their loops, and the canonicalizations that
    go with them. A producer is fused or folded only into its single user,
    as upstream, and a reshape only into or out of an op whose loops are
    all parallel. So a `linalg.matmul` between the reshapes of a fully
    connected layer on a rank-3 input stays a named matmul, which
    `nas-tile-and-vectorize` tiles and `nas-prepack-weights` packs, instead
    of becoming a 3-D `linalg.generic` that runs as scalar loops.
  }];
  let dependentDialects = [
    "mlir::affine::AffineDialect",
    "mlir::linalg::LinalgDialect",
    "mlir::tensor::TensorDialect",
  ];
}

def NasPlanBuffers : Pass<"nas-plan-buffers", "mlir::func::FuncOp"> {
  let summary = "Places the buffers that a function frees into one arena";
  let description = [{
    Runs on buffers, after buffer deallocation. Takes the `memref.alloc`
    ops of a single-block function's body that have a static shape, the
    identity layout, the default memory space and an element type of 8,
    16, 32 or 64 bits, and that one `memref.dealloc` in the same block
    frees. A buffer is live from its allocation to the last op of the block
    that uses it or a view of it, itself or in its regions. A use that may
    let another value refer to it (a terminator that yields it, an op with
    a memref, tensor or LLVM result, a pointer extraction) makes it live
    until its deallocation. Largest first, each buffer gets the lowest
    offset, aligned to 64 bytes (or to its own larger alignment), at which
    it overlaps no buffer placed before it that is live at the same time. The buffers
    become `memref.view` ops of one `memref<N x i8>` allocated at the
    start of the body and freed before its terminator, and their
    deallocations go away.

    One allocation per call replaces one per layer, and consecutive layers
    reuse the same addresses. A returned buffer, or one freed under a
    condition, keeps its own allocation. Functions with `async` ops, whose
    regions may run after the op, and arenas of 2^62 bytes or more are left
    as they are.
  }];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::memref::MemRefDialect",
  ];
}

def NasStackBuffers : Pass<"nas-stack-buffers", "mlir::func::FuncOp"> {
  let summary = "Moves the small buffers that nested blocks allocate and "
                "free onto the stack";
  let description = [{
    Runs on buffers, after buffer deallocation and after the tile loops
    have become OpenMP loops. Takes each `memref.alloc` outside the
    function's entry block (in a loop body, for example) with a static
    shape, the identity layout, the default memory space and an element
    type of 8, 16, 32 or 64 bits, that one `memref.dealloc` later in the
    same block frees. It becomes a `memref.alloca` after an
    `llvm.intr.stacksave`, and its deallocation an `llvm.intr.stackrestore`
    of the saved stack pointer, so each iteration of a loop frees what it
    allocated. Outer blocks first and in block order, a buffer moves only
    while the moved buffers live at its allocation, in its block and
    around it, and itself take at most `max-bytes` bytes. A buffer stays on
    the heap when an op between its allocation and deallocation allocates
    on the stack or restores a stack pointer, or when its life overlaps
    that of a buffer of the same block moved before it without nesting in
    it (a restore frees everything allocated after its save).

    The row buffers that `nas-tile-and-vectorize` puts between a fused
    depthwise convolution and its pointwise convolution are allocated once
    per tile. From the heap, each tile paid a `malloc` and a `free`; on the
    stack, a few instructions. Each thread of an OpenMP loop has a stack of
    its own, so the buffers stay private to the thread that runs the tile.
  }];
  let options = [
    Option<"maxBytes", "max-bytes", "uint64_t", /*default=*/"65536",
           "Most bytes of moved buffers live at once">,
  ];
  let dependentDialects = [
    "mlir::LLVM::LLVMDialect",
    "mlir::memref::MemRefDialect",
  ];
}

def NasPrefetchWeights : Pass<"nas-prefetch-weights", "mlir::func::FuncOp"> {
  let summary = "Prefetches the weight rows that register-blocked kernels "
                "read in later reduction steps";
  let description = [{
    Runs on buffers, after bufferization. For every 1-D
    `vector.transfer_read` from a memref in the body of an `scf.for` whose
    induction variable is one of the read's indices, other than the last
    (the weight row of a convolution step at input channel c, or of a
    matmul step at k), inserts a `memref.prefetch` (read, locality 3, data
    cache) of the same read `distance` iterations ahead, one per 64-byte
    cache line that the read spans, counted from its first element. The
    hardware
    prefetchers do not follow the rows of a weight panel, which are a whole
    weight row apart; with the prefetch, the last 3x3 convolution of
    ResNet-50 runs about 30% faster on a Zen 4 core. A prefetch past the
    end of the buffer is harmless: it does not fault.

    Reads from a buffer of at most half of the CPU's L1 data cache are not
    prefetched: the whole buffer stays in the L1 cache from one tile to the
    next, and a prefetch would only take a load slot. The buffer is the
    memref that the read's views (subview, reshapes, casts) start from.
    With AVX-512 on one thread, MobileNetV2's 1x1 convolution from 144 to
    24 channels (18 KiB of weights) ran 6% faster without the prefetches,
    and the fully connected layer of 2048 to 1000 (8 MiB) 10% slower.
  }];
  let options = [
    Option<"distance", "distance", "int64_t", /*default=*/"16",
           "Number of loop iterations between a prefetch and its read">,
    Option<"cpu", "cpu", "std::string", /*default=*/"\"host\"",
           "CPU whose L1 data cache size decides which buffers are "
           "prefetched: 'host' or an LLVM x86-64 CPU name">,
  ];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::memref::MemRefDialect",
  ];
}

#endif // NAS_CONVERSION_PASSES_TD
