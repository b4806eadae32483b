//===- BufferBytes.h - size of a statically shaped buffer -------*- C++ -*-===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#ifndef NAS_CONVERSION_BUFFERBYTES_H
#define NAS_CONVERSION_BUFFERBYTES_H

#include "mlir/IR/BuiltinTypes.h"

#include <cstdint>
#include <optional>

namespace nas {

/// Returns the size in bytes of a buffer of `type`. The buffer must have a
/// static shape, the identity layout, the default memory space and integer
/// or float elements of 8, 16, 32 or 64 bits, and take less than 2^62
/// bytes; otherwise returns std::nullopt. Other widths are excluded because
/// LLVM stores them (i24, x86_fp80) in more bytes than their width.
std::optional<int64_t> getStaticBufferBytes(mlir::MemRefType type);

} // namespace nas

#endif // NAS_CONVERSION_BUFFERBYTES_H
