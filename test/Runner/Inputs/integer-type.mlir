func.func @integers(%x: tensor<4xi8>) -> tensor<4xi8> {
  return %x : tensor<4xi8>
}
