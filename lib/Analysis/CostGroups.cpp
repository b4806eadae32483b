//===- CostGroups.cpp - layer names and cost breakdowns -------------------===//
//
// Part of the nas-mlir project, under the Apache License v2.0 with LLVM
// Exceptions.
//
//===----------------------------------------------------------------------===//

#include "nas/Analysis/CostAnalysis.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

using namespace mlir;
using namespace nas;

std::optional<StringRef> nas::getLayerName(Location loc) {
  if (auto named = dyn_cast<NameLoc>(loc)) {
    if (!named.getName().empty())
      return named.getName().strref();
    return getLayerName(named.getChildLoc());
  }
  if (auto callSite = dyn_cast<CallSiteLoc>(loc)) {
    if (std::optional<StringRef> name = getLayerName(callSite.getCallee()))
      return name;
    return getLayerName(callSite.getCaller());
  }
  if (auto fused = dyn_cast<FusedLoc>(loc)) {
    for (Location part : fused.getLocations())
      if (std::optional<StringRef> name = getLayerName(part))
        return name;
    return std::nullopt;
  }
  if (auto opaque = dyn_cast<OpaqueLoc>(loc))
    return getLayerName(opaque.getFallbackLocation());
  return std::nullopt;
}

SmallVector<std::string> nas::getLayerModules(StringRef layerName,
                                              unsigned maxDepth) {
  SmallVector<StringRef> components;
  layerName.split(components, '/', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  SmallVector<std::string> modules;
  std::string path;
  // The last component names the layer itself, not a module.
  for (size_t depth = 1; depth < components.size() && depth <= maxDepth;
       ++depth) {
    if (!path.empty())
      path += '/';
    path += components[depth - 1].str();
    modules.push_back(path);
  }
  return modules;
}

namespace {

/// Accumulates layers into named groups, keeping the order in which the
/// groups first appear.
class GroupBuilder {
public:
  void add(StringRef name, unsigned depth, const LayerCost &layer) {
    auto [it, inserted] = indices.try_emplace(name, groups.size());
    if (inserted) {
      GroupCost group;
      group.name = name.str();
      group.depth = depth;
      groups.push_back(std::move(group));
      counted.emplace_back();
    }
    GroupCost &group = groups[it->second];
    // Every sum here is at most the matching function total, which the
    // analysis has checked for overflow.
    group.layers += 1;
    group.macs += layer.macs;
    group.otherOps += layer.otherOps;
    group.activationBytes += layer.activationBytes;
    for (const WeightUse &use : layer.parameters)
      if (counted[it->second].insert(use.value).second)
        group.params += use.tensor.elements;
  }

  SmallVector<GroupCost> take() { return std::move(groups); }

private:
  llvm::StringMap<size_t> indices;
  SmallVector<GroupCost> groups;
  /// Parameter values already counted, per group.
  SmallVector<DenseSet<Value>> counted;
};

} // namespace

SmallVector<GroupCost> nas::groupByKind(const FunctionCost &cost) {
  GroupBuilder builder;
  for (const LayerCost &layer : cost.layers)
    builder.add(layer.kind, /*depth=*/0, layer);
  return builder.take();
}

SmallVector<GroupCost> nas::groupByModule(const FunctionCost &cost,
                                          unsigned maxDepth) {
  GroupBuilder builder;
  for (const LayerCost &layer : cost.layers) {
    SmallVector<std::string> modules = getLayerModules(layer.name, maxDepth);
    if (modules.empty())
      builder.add(kTopLevelModule, /*depth=*/0, layer);
    for (auto [index, module] : llvm::enumerate(modules))
      builder.add(module, index + 1, layer);
  }
  return builder.take();
}
