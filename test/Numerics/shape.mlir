// Compiled code against the reference evaluator: every function is lowered
// with nas-lower-to-llvm, run once on seeded arguments, and compared with
// --check (max abs error / max |reference| <= 1e-4).
// RUN: nas-run %s --check --repeat=1 --entry=flatten_axis0 | FileCheck %s --check-prefix=FLATTEN-AXIS0
// RUN: nas-run %s --check --repeat=1 --entry=flatten_axis1 | FileCheck %s --check-prefix=FLATTEN-AXIS1
// RUN: nas-run %s --check --repeat=1 --entry=flatten_axis2 | FileCheck %s --check-prefix=FLATTEN-AXIS2
// RUN: nas-run %s --check --repeat=1 --entry=flatten_axis4 | FileCheck %s --check-prefix=FLATTEN-AXIS4
// RUN: nas-run %s --check --repeat=1 --entry=reshape | FileCheck %s --check-prefix=RESHAPE

// Flatten 2x3x5x7 at axis 0, then add a broadcast row so the result is computed.
// FLATTEN-AXIS0: output: tensor<1x210xf32>
// FLATTEN-AXIS0: check: passed
func.func @flatten_axis0(%arg0: tensor<2x3x5x7xf32>, %arg1: tensor<1x210xf32>) -> tensor<1x210xf32> {
  %1 = nas.flatten %arg0 {axis = 0} : tensor<2x3x5x7xf32> -> tensor<1x210xf32>
  %2 = nas.add %1, %arg1 : (tensor<1x210xf32>, tensor<1x210xf32>) -> tensor<1x210xf32>
  return %2 : tensor<1x210xf32>
}

// Flatten 2x3x5x7 at axis 1, then add a broadcast row so the result is computed.
// FLATTEN-AXIS1: output: tensor<2x105xf32>
// FLATTEN-AXIS1: check: passed
func.func @flatten_axis1(%arg0: tensor<2x3x5x7xf32>, %arg1: tensor<1x105xf32>) -> tensor<2x105xf32> {
  %1 = nas.flatten %arg0 {axis = 1} : tensor<2x3x5x7xf32> -> tensor<2x105xf32>
  %2 = nas.add %1, %arg1 : (tensor<2x105xf32>, tensor<1x105xf32>) -> tensor<2x105xf32>
  return %2 : tensor<2x105xf32>
}

// Flatten 2x3x5x7 at axis 2, then add a broadcast row so the result is computed.
// FLATTEN-AXIS2: output: tensor<6x35xf32>
// FLATTEN-AXIS2: check: passed
func.func @flatten_axis2(%arg0: tensor<2x3x5x7xf32>, %arg1: tensor<1x35xf32>) -> tensor<6x35xf32> {
  %1 = nas.flatten %arg0 {axis = 2} : tensor<2x3x5x7xf32> -> tensor<6x35xf32>
  %2 = nas.add %1, %arg1 : (tensor<6x35xf32>, tensor<1x35xf32>) -> tensor<6x35xf32>
  return %2 : tensor<6x35xf32>
}

// Flatten 2x3x5x7 at axis 4, then add a broadcast row so the result is computed.
// FLATTEN-AXIS4: output: tensor<210x1xf32>
// FLATTEN-AXIS4: check: passed
func.func @flatten_axis4(%arg0: tensor<2x3x5x7xf32>, %arg1: tensor<1x1xf32>) -> tensor<210x1xf32> {
  %1 = nas.flatten %arg0 {axis = 4} : tensor<2x3x5x7xf32> -> tensor<210x1xf32>
  %2 = nas.add %1, %arg1 : (tensor<210x1xf32>, tensor<1x1xf32>) -> tensor<210x1xf32>
  return %2 : tensor<210x1xf32>
}

// Reshape 2x3x5x7 to 5x42, then relu.
// RESHAPE: output: tensor<5x42xf32>
// RESHAPE: check: passed
func.func @reshape(%arg0: tensor<2x3x5x7xf32>) -> tensor<5x42xf32> {
  %1 = nas.reshape %arg0 : tensor<2x3x5x7xf32> -> tensor<5x42xf32>
  %2 = nas.relu %1 : tensor<5x42xf32> -> tensor<5x42xf32>
  return %2 : tensor<5x42xf32>
}
