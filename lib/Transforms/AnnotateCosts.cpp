// Placeholder; replaced by the cost analysis implementation.
#include "nas/Transforms/Passes.h"
namespace nas {
#define GEN_PASS_DEF_NASANNOTATECOSTS
#include "nas/Transforms/Passes.h.inc"
} // namespace nas
namespace {
struct NasAnnotateCostsPass
    : nas::impl::NasAnnotateCostsBase<NasAnnotateCostsPass> {
  using NasAnnotateCostsBase::NasAnnotateCostsBase;
  void runOnOperation() override { signalPassFailure(); }
};
} // namespace
