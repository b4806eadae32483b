// RUN: not nas-opt %s --nas-annotate-costs=memory-reuse=inplace 2>&1 | FileCheck %s
// RUN: not nas-opt %s --nas-cost-report=memory-reuse=inplace 2>&1 | FileCheck %s
// RUN: not nas-opt %s --nas-cost-report="json=%t.missing/report.json table=false" 2>&1 | FileCheck %s --check-prefix=JSON

// An option error names the option, without a dump of the module.
// CHECK: error: invalid memory-reuse 'inplace': expected 'none' or 'elementwise'
// CHECK-NOT: see current operation
// JSON: error: cannot write the JSON report: cannot open output file '{{.*}}missing/report.json'
// JSON-NOT: see current operation
func.func @f(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %y = nas.relu %x : tensor<1x4xf32> -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}
