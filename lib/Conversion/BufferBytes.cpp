//===- BufferBytes.cpp - size of a statically shaped buffer ---------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Conversion/BufferBytes.h"

#include "llvm/Support/MathExtras.h"

std::optional<int64_t> nas::getStaticBufferBytes(mlir::MemRefType type) {
  mlir::Type element = type.getElementType();
  if (!type.hasStaticShape() || !type.getLayout().isIdentity() ||
      type.getMemorySpace() || !element.isIntOrFloat())
    return std::nullopt;
  unsigned width = element.getIntOrFloatBitWidth();
  if (width != 8 && width != 16 && width != 32 && width != 64)
    return std::nullopt;
  uint64_t bytes = width / 8;
  bool overflow = false;
  for (int64_t size : type.getShape())
    bytes =
        llvm::SaturatingMultiply(bytes, static_cast<uint64_t>(size), &overflow);
  if (overflow || bytes >= (uint64_t(1) << 62))
    return std::nullopt;
  return static_cast<int64_t>(bytes);
}
