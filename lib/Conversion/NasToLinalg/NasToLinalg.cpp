// Placeholder; replaced by the lowering implementation.
#include "nas/Conversion/Passes.h"
namespace nas {
#define GEN_PASS_DEF_CONVERTNASTOLINALG
#include "nas/Conversion/Passes.h.inc"
} // namespace nas
namespace {
struct ConvertNasToLinalgPass
    : nas::impl::ConvertNasToLinalgBase<ConvertNasToLinalgPass> {
  void runOnOperation() override { signalPassFailure(); }
};
} // namespace
