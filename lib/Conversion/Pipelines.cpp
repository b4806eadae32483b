// Placeholder; replaced by the lowering pipeline.
#include "nas/Conversion/Passes.h"
void nas::buildLowerToLLVMPipeline(mlir::OpPassManager &pm) {}
void nas::registerNasPipelines() {}
