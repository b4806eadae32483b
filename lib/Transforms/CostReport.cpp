//===- CostReport.cpp - print per-layer costs as a table and as JSON ------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Analysis/CostAnalysis.h"
#include "nas/Transforms/Passes.h"

#include "mlir/Support/FileUtilities.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

namespace nas {
#define GEN_PASS_DEF_NASCOSTREPORT
#include "nas/Transforms/Passes.h.inc"
} // namespace nas

using namespace mlir;
using namespace nas;

namespace {

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

/// Returns `value` in decimal with a comma between groups of three digits.
std::string formatCount(uint64_t value) {
  std::string digits = std::to_string(value);
  std::string text;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0)
      text += ',';
    text += digits[i];
  }
  return text;
}

/// Returns a shape as "1x64x56x56".
std::string formatShape(ArrayRef<int64_t> shape) {
  return llvm::join(
      llvm::map_range(shape, [](int64_t dim) { return std::to_string(dim); }),
      "x");
}

/// Returns the shapes of `tensors` separated by ", ".
std::string formatShapes(ArrayRef<TensorCost> tensors) {
  return llvm::join(llvm::map_range(tensors,
                                    [](const TensorCost &tensor) {
                                      return formatShape(tensor.shape);
                                    }),
                    ", ");
}

/// A table with text columns aligned left and number columns aligned right,
/// indented by two spaces, with two spaces between columns.
class Table {
public:
  /// `numeric[i]` is true if column i contains numbers.
  explicit Table(ArrayRef<bool> numeric)
      : numeric(numeric.begin(), numeric.end()) {}

  void addRow(SmallVector<std::string> row) { rows.push_back(std::move(row)); }

  void print(llvm::raw_ostream &os) const {
    SmallVector<size_t> widths(numeric.size(), 0);
    for (const SmallVector<std::string> &row : rows)
      for (auto [width, cell] : llvm::zip(widths, row))
        width = std::max(width, cell.size());
    for (const SmallVector<std::string> &row : rows) {
      std::string line = " ";
      for (auto [column, cell] : llvm::enumerate(row)) {
        line += ' ';
        std::string padding(widths[column] - cell.size(), ' ');
        line += numeric[column] ? padding + cell : cell + padding;
        if (column + 1 != row.size())
          line += ' ';
      }
      os << StringRef(line).rtrim() << '\n';
    }
  }

private:
  SmallVector<bool> numeric;
  SmallVector<SmallVector<std::string>> rows;
};

void printLayers(llvm::raw_ostream &os, const FunctionCost &cost) {
  Table table({false, false, false, true, true, true, true, true});
  table.addRow({"layer", "kind", "input -> output", "MACs", "params",
                "weight bytes", "activation bytes", "live bytes"});
  for (const LayerCost &layer : cost.layers)
    table.addRow(
        {layer.name, layer.kind,
         formatShapes(layer.inputs) + " -> " + formatShapes(layer.outputs),
         formatCount(layer.macs), formatCount(layer.params),
         formatCount(layer.weightBytes), formatCount(layer.activationBytes),
         formatCount(layer.liveBytes)});
  table.print(os);
}

void printTotals(llvm::raw_ostream &os, const FunctionCost &cost) {
  const CostTotals &totals = cost.totals;
  std::string convention =
      ("(memory-reuse=" + stringifyMemoryReuse(cost.reuse) + ")").str();
  Table table({false, true});
  table.addRow({"MACs", formatCount(totals.macs)});
  table.addRow({"other ops", formatCount(totals.otherOps)});
  table.addRow({"parameters", formatCount(totals.params)});
  table.addRow({"statistics", formatCount(totals.statistics)});
  table.addRow({"stored weight elements", formatCount(totals.storedWeights)});
  table.addRow({"weight bytes", formatCount(totals.weightBytes)});
  table.addRow({"activation bytes", formatCount(totals.activationBytes)});
  table.addRow(
      {"peak memory bytes " + convention, formatCount(totals.peakBytes)});
  table.addRow(
      {"peak memory elements " + convention, formatCount(totals.peakElements)});
  table.print(os);
}

void printGroups(llvm::raw_ostream &os, StringRef title,
                 ArrayRef<GroupCost> groups) {
  Table table({false, true, true, true, true, true});
  table.addRow({title.str(), "layers", "MACs", "other ops", "params",
                "activation bytes"});
  for (const GroupCost &group : groups)
    table.addRow({group.name, formatCount(group.layers),
                  formatCount(group.macs), formatCount(group.otherOps),
                  formatCount(group.params),
                  formatCount(group.activationBytes)});
  table.print(os);
}

void printReport(llvm::raw_ostream &os, const FunctionCost &cost,
                 unsigned moduleDepth) {
  os << "cost report for @" << cost.name << " (" << cost.layers.size()
     << (cost.layers.size() == 1 ? " layer" : " layers")
     << ", memory-reuse=" << stringifyMemoryReuse(cost.reuse) << ")\n\n";
  printLayers(os, cost);
  os << "\ntotals\n";
  printTotals(os, cost);
  os << "\nby kind\n";
  printGroups(os, "kind", groupByKind(cost));
  if (moduleDepth != 0) {
    os << "\nby module (module-depth=" << moduleDepth << ")\n";
    printGroups(os, "module", groupByModule(cost, moduleDepth));
  }
  os << '\n';
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

std::string typeToString(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  type.print(os);
  return text;
}

/// Writes the members "shape" and "element_type" of `tensor`.
void writeTensorMembers(llvm::json::OStream &json, const TensorCost &tensor) {
  json.attributeArray("shape", [&] {
    for (int64_t dim : tensor.shape)
      json.value(dim);
  });
  json.attribute("element_type", typeToString(tensor.elementType));
}

void writeTensors(llvm::json::OStream &json, StringRef key,
                  ArrayRef<TensorCost> tensors) {
  json.attributeArray(key, [&] {
    for (const TensorCost &tensor : tensors)
      json.object([&] { writeTensorMembers(json, tensor); });
  });
}

/// Writes the parameter and statistic operands of `layer` as "weights",
/// each with its role.
void writeWeights(llvm::json::OStream &json, const LayerCost &layer) {
  json.attributeArray("weights", [&] {
    for (const WeightUse &use : layer.parameters)
      json.object([&] {
        json.attribute("role", "parameter");
        writeTensorMembers(json, use.tensor);
      });
    for (const WeightUse &use : layer.statistics)
      json.object([&] {
        json.attribute("role", "statistic");
        writeTensorMembers(json, use.tensor);
      });
  });
}

void writeLayer(llvm::json::OStream &json, const LayerCost &layer) {
  json.object([&] {
    json.attribute("name", layer.name);
    json.attribute("kind", layer.kind);
    writeTensors(json, "inputs", layer.inputs);
    writeTensors(json, "outputs", layer.outputs);
    writeWeights(json, layer);
    json.attribute("macs", layer.macs);
    json.attribute("other_ops", layer.otherOps);
    json.attribute("params", layer.params);
    json.attribute("statistics", layer.statisticElements);
    json.attribute("weight_bytes", layer.weightBytes);
    json.attribute("activation_bytes", layer.activationBytes);
    json.attribute("live_bytes", layer.liveBytes);
    json.attribute("live_elements", layer.liveElements);
  });
}

void writeTotals(llvm::json::OStream &json, const CostTotals &totals) {
  json.attributeObject("totals", [&] {
    json.attribute("macs", totals.macs);
    json.attribute("other_ops", totals.otherOps);
    json.attribute("params", totals.params);
    json.attribute("statistics", totals.statistics);
    json.attribute("stored_weight_elements", totals.storedWeights);
    json.attribute("weight_bytes", totals.weightBytes);
    json.attribute("activation_bytes", totals.activationBytes);
    json.attribute("peak_bytes", totals.peakBytes);
    json.attribute("peak_elements", totals.peakElements);
  });
}

void writeGroups(llvm::json::OStream &json, StringRef key, StringRef nameKey,
                 ArrayRef<GroupCost> groups, bool withDepth) {
  json.attributeArray(key, [&] {
    for (const GroupCost &group : groups)
      json.object([&] {
        json.attribute(nameKey, group.name);
        if (withDepth)
          json.attribute("depth", group.depth);
        json.attribute("layers", group.layers);
        json.attribute("macs", group.macs);
        json.attribute("other_ops", group.otherOps);
        json.attribute("params", group.params);
        json.attribute("activation_bytes", group.activationBytes);
      });
  });
}

void writeJson(llvm::raw_ostream &os, ArrayRef<FunctionCost> costs,
               unsigned moduleDepth) {
  llvm::json::OStream json(os, /*IndentSize=*/2);
  json.object([&] {
    json.attributeArray("functions", [&] {
      for (const FunctionCost &cost : costs)
        json.object([&] {
          json.attribute("name", cost.name);
          json.attribute("memory_reuse", stringifyMemoryReuse(cost.reuse));
          json.attribute("module_depth", moduleDepth);
          json.attributeArray("layers", [&] {
            for (const LayerCost &layer : cost.layers)
              writeLayer(json, layer);
          });
          writeTotals(json, cost.totals);
          writeGroups(json, "by_kind", "kind", groupByKind(cost),
                      /*withDepth=*/false);
          SmallVector<GroupCost> modules;
          if (moduleDepth != 0)
            modules = groupByModule(cost, moduleDepth);
          writeGroups(json, "by_module", "module", modules,
                      /*withDepth=*/true);
        });
    });
  });
  os << '\n';
}

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

struct NasCostReportPass : nas::impl::NasCostReportBase<NasCostReportPass> {
  using NasCostReportBase::NasCostReportBase;

  void runOnOperation() override {
    // The report only reads the IR.
    markAllAnalysesPreserved();
    std::optional<MemoryReuse> reuse = parseMemoryReuse(memoryReuse);
    if (!reuse) {
      emitError(getOperation().getLoc())
          << "invalid memory-reuse '" << memoryReuse
          << "': expected 'none' or 'elementwise'";
      return signalPassFailure();
    }
    SmallVector<FunctionCost> costs;
    bool failedAny = false;
    getOperation().walk([&](FunctionOpInterface func) {
      if (func.isExternal())
        return;
      FailureOr<FunctionCost> cost = computeFunctionCost(func, *reuse);
      if (failed(cost))
        failedAny = true;
      else
        costs.push_back(std::move(*cost));
    });
    if (failedAny)
      return signalPassFailure();

    if (printTable) {
      for (const FunctionCost &cost : costs)
        printReport(llvm::outs(), cost, moduleDepth);
      llvm::outs().flush();
    }
    if (jsonFile.empty())
      return;
    if (jsonFile == "-") {
      writeJson(llvm::outs(), costs, moduleDepth);
      llvm::outs().flush();
      return;
    }
    std::string error;
    std::unique_ptr<llvm::ToolOutputFile> file =
        openOutputFile(jsonFile, &error);
    if (!file) {
      emitError(getOperation().getLoc())
          << "cannot write the JSON report: " << error;
      return signalPassFailure();
    }
    writeJson(file->os(), costs, moduleDepth);
    file->keep();
  }
};

} // namespace
