// The argument values of the fill rule: an input is uniform in [-1, 1) from
// splitmix64. Expected values from Inputs/fill_reference.py.
// RUN: nas-run %s --repeat=1 --print-values | FileCheck %s --check-prefix=SEED0
// RUN: nas-run %s --repeat=1 --print-values --seed=7 | FileCheck %s --check-prefix=SEED7
// RUN: nas-run %s --reference-only --print-values | FileCheck %s --check-prefix=SEED0

// SEED0: output: tensor<2x3xf32>
// SEED0-NEXT: values: [3.048970e-01, 4.024242e-01, -2.257518e-01, 3.128273e-01, 5.758569e-01, -7.075307e-01]
// SEED7: values: [4.430163e-01, 2.994086e-01, 9.874856e-02, 2.084695e-01, -3.038831e-01, -6.354296e-01]
func.func @identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  return %x : tensor<2x3xf32>
}
