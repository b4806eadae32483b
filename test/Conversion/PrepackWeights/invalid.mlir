// RUN: nas-opt %s -nas-prepack-weights=cpu=bogus -verify-diagnostics

// expected-error@below {{unknown CPU 'bogus', expected 'host' or an LLVM x86-64 CPU name such as 'x86-64-v2' or 'znver4'}}
module {
  func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
    return %x : tensor<4xf32>
  }
}
