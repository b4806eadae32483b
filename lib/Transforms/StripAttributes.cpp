//===- StripAttributes.cpp - drop nas attributes before lowering ----------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Transforms/Passes.h"

#include "mlir/Interfaces/FunctionInterfaces.h"

namespace nas {
#define GEN_PASS_DEF_NASSTRIPATTRIBUTES
#include "nas/Transforms/Passes.h.inc"
} // namespace nas

using namespace mlir;

namespace {

/// Returns `attrs` without the entries named `nas.*`, or nullptr if none is
/// left.
DictionaryAttr withoutNasAttributes(DictionaryAttr attrs) {
  if (!attrs)
    return attrs;
  SmallVector<NamedAttribute> kept;
  for (NamedAttribute attr : attrs)
    if (!attr.getName().strref().starts_with("nas."))
      kept.push_back(attr);
  if (kept.empty())
    return nullptr;
  return DictionaryAttr::get(attrs.getContext(), kept);
}

struct NasStripAttributesPass
    : nas::impl::NasStripAttributesBase<NasStripAttributesPass> {
  void runOnOperation() override {
    getOperation()->walk([](Operation *op) {
      for (NamedAttribute attr : op->getDiscardableAttrDictionary())
        if (attr.getName().strref().starts_with("nas."))
          op->removeDiscardableAttr(attr.getName());
      auto function = dyn_cast<FunctionOpInterface>(op);
      if (!function)
        return;
      for (unsigned i = 0, e = function.getNumArguments(); i < e; ++i)
        function.setArgAttrs(
            i, withoutNasAttributes(function.getArgAttrDict(i)));
      for (unsigned i = 0, e = function.getNumResults(); i < e; ++i)
        function.setResultAttrs(
            i, withoutNasAttributes(function.getResultAttrDict(i)));
    });
  }
};

} // namespace
