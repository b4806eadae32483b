// Placeholder; replaced by the cost report implementation.
#include "nas/Transforms/Passes.h"
namespace nas {
#define GEN_PASS_DEF_NASCOSTREPORT
#include "nas/Transforms/Passes.h.inc"
} // namespace nas
namespace {
struct NasCostReportPass : nas::impl::NasCostReportBase<NasCostReportPass> {
  using NasCostReportBase::NasCostReportBase;
  void runOnOperation() override { signalPassFailure(); }
};
} // namespace
