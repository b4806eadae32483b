// 2^58 f64 elements are 2^61 bytes (2 EiB), more than any x86-64 or AArch64
// address space holds, so the allocation fails on every host.
func.func @unallocatable(%x: tensor<288230376151711744xf64>)
    -> tensor<288230376151711744xf64> {
  %y = nas.relu %x : tensor<288230376151711744xf64>
      -> tensor<288230376151711744xf64>
  return %y : tensor<288230376151711744xf64>
}
