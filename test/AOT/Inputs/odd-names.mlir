// A function name and argument names that need escaping in a C string
// literal, and in the C comments that quote them.
func.func @"odd*/names"(%x: tensor<3xf32> {nas.name = "quote\"back\\slash"}, %y: tensor<3xf32> {nas.name = "end*/comment??="}) -> (tensor<3xf32> {nas.name = "sum"}) {
  %s = nas.add %x, %y : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %s : tensor<3xf32>
}
