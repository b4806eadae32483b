//===- ImportONNX.cpp - ONNX model to nas dialect importer ----------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Target/ONNX/ImportONNX.h"

#include "GraphImporter.h"
#include "ShapeInference.h"

#include "nas/Dialect/Nas/IR/NasDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <climits>

using namespace mlir;

/// Returns the version of the default ONNX operator set the model imports.
static FailureOr<int64_t> getOpsetVersion(const onnx::ModelProto &model,
                                          Location fileLoc) {
  for (const onnx::OperatorSetIdProto &opset : model.opset_import())
    if (opset.domain().empty() || opset.domain() == "ai.onnx")
      return opset.version();
  return emitError(fileLoc) << "the model does not import the default ONNX "
                               "operator set (domain '' or 'ai.onnx')";
}

/// Parses the model.
static LogicalResult parseModel(StringRef bytes, StringRef fileName,
                                Location fileLoc, onnx::ModelProto &model) {
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return emitError(fileLoc) << "failed to parse '" << fileName
                              << "' as an ONNX model (a binary "
                                 "onnx.ModelProto)";
  if (!model.has_graph())
    return emitError(fileLoc)
           << "'" << fileName << "' is not an ONNX model: it has no graph";
  return success();
}

/// Verifies the module. Diagnostics print locations as file:line:col only,
/// so an error on an op imported from a node gets a note with the node name.
static LogicalResult verifyImport(ModuleOp module) {
  MLIRContext *context = module.getContext();
  ScopedDiagnosticHandler handler(context, [](Diagnostic &diag) {
    if (diag.getSeverity() == DiagnosticSeverity::Error)
      if (auto nameLoc = diag.getLocation()->findInstanceOf<NameLoc>())
        diag.attachNote() << "imported from ONNX node '"
                          << nameLoc.getName().getValue() << "'";
    return failure();
  });
  if (succeeded(verify(module)))
    return success();
  return emitError(module.getLoc())
         << "the imported module failed verification";
}

OwningOpRef<ModuleOp> nas::importOnnxModel(StringRef bytes, StringRef fileName,
                                           MLIRContext *context) {
  context
      ->loadDialect<arith::ArithDialect, func::FuncDialect, nas::NasDialect>();
  Location fileLoc = FileLineColLoc::get(context, fileName, 0, 0);
  onnx::ModelProto model;
  if (failed(parseModel(bytes, fileName, fileLoc, model)))
    return nullptr;
  FailureOr<int64_t> opsetVersion = getOpsetVersion(model, fileLoc);
  if (failed(opsetVersion))
    return nullptr;

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  onnx_import::GraphImporter importer(*module, model.graph(), *opsetVersion,
                                      fileLoc);
  if (failed(importer.checkNodes()))
    return nullptr;
  // NOTE: only the failures of ONNX 1.12 shape inference that it reports by
  // throwing are caught. checkNodes rejects the two crashes known here: a
  // zero stride (a division by zero) and a Conv whose input and weight ranks
  // differ (an out-of-bounds read), the latter only where the ranks are
  // known before inference.
  std::string error;
  if (!nas::onnx_import::inferShapes(model, error)) {
    emitError(fileLoc) << "ONNX shape inference failed: " << error;
    return nullptr;
  }
  if (failed(importer.importGraph()) || failed(verifyImport(*module)))
    return nullptr;
  return module;
}

void nas::registerImportOnnxTranslation() {
  static TranslateToMLIRRegistration registration(
      "import-onnx", "import an ONNX model (binary ModelProto) as nas IR",
      [](llvm::SourceMgr &sourceMgr,
         MLIRContext *context) -> OwningOpRef<Operation *> {
        const llvm::MemoryBuffer *buffer =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        OwningOpRef<ModuleOp> module = importOnnxModel(
            buffer->getBuffer(), buffer->getBufferIdentifier(), context);
        if (!module)
          return nullptr;
        return module.release().getOperation();
      },
      [](DialectRegistry &registry) {
        registry
            .insert<arith::ArithDialect, func::FuncDialect, nas::NasDialect>();
      });
}
