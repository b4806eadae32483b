// RUN: nas-opt %s -nas-tile-and-vectorize=cpu=bogus -split-input-file -verify-diagnostics

// expected-error@+1 {{unknown CPU 'bogus', expected 'host' or an LLVM x86-64 CPU name such as 'x86-64-v2' or 'znver4'}}
func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}
