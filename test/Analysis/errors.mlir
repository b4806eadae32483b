// RUN: nas-opt %s -split-input-file -verify-diagnostics --nas-annotate-costs
// RUN: nas-opt %s -split-input-file -verify-diagnostics --nas-cost-report

// An op that produces a tensor and is neither a nas op nor a constant has
// no cost model; the analysis rejects it instead of skipping it.
func.func @no_cost_model() -> tensor<1x4xf32> {
  // expected-error@+1 {{'tensor.empty' op has no cost model}}
  %0 = tensor.empty() : tensor<1x4xf32>
  %1 = nas.relu %0 : tensor<1x4xf32> -> tensor<1x4xf32>
  return %1 : tensor<1x4xf32>
}

// -----

func.func private @callee(tensor<1x4xf32>) -> tensor<1x4xf32>

func.func @call(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{'func.call' op has no cost model}}
  %0 = func.call @callee(%x) : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}

// -----

func.func @region(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  // expected-error@+1 {{'scf.execute_region' op has no cost model: the cost analysis supports only straight-line function bodies}}
  scf.execute_region {
    %0 = nas.relu %x : tensor<1x4xf32> -> tensor<1x4xf32>
    scf.yield
  }
  return %x : tensor<1x4xf32>
}

// -----

// expected-error@+1 {{'func.func' op cannot compute the cost: expected a body of one block, got 2}}
func.func @two_blocks(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %0 = nas.relu %x : tensor<1x4xf32> -> tensor<1x4xf32>
  cf.br ^bb1
^bb1:
  return %0 : tensor<1x4xf32>
}

// -----

// An element type without a byte size cannot be counted in bytes.
// expected-error@+1 {{'func.func' op cannot count the bytes of argument #0: element type 'complex<f32>' has no fixed size in bytes}}
func.func @complex_argument(%x: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  return %x : tensor<4xcomplex<f32>>
}
