#include "citytwin/assets/InspectionContext.h"

namespace citytwin::assets {

InspectionContext::InspectionContext(AssetProject project, RuleSet rules, AssetIndex::Mode mode)
    : _project(std::make_unique<AssetProject>(std::move(project))),
      _rules(std::move(rules)),
      _index(std::make_unique<AssetIndex>(*_project, mode)) {}

std::unique_ptr<InspectionContext> InspectionContext::fromProject(AssetProject project,
                                                                  RuleSet rules,
                                                                  AssetIndex::Mode mode) {
    return std::unique_ptr<InspectionContext>(
        new InspectionContext(std::move(project), std::move(rules), mode));
}

geo::Result<std::unique_ptr<InspectionContext>> InspectionContext::open(
    const AssetRepository& repository, const std::string& rulesPath) {
    using R = geo::Result<std::unique_ptr<InspectionContext>>;
    geo::Result<RuleSet> rules =
        rulesPath.empty() ? geo::Result<RuleSet>(defaultRules()) : loadRules(rulesPath);
    CITYTWIN_RETURN_IF_FAILED(rules);
    auto project = repository.load();
    CITYTWIN_RETURN_IF_FAILED(project);
    R result(fromProject(std::move(project).value(), std::move(rules).value()));
    result.addDiagnostics(project.diagnostics());
    return result;
}

geo::Result<std::vector<ProtectionZone>> InspectionContext::buildZones() const {
    return ProtectionZoneBuilder(_rules).build(_project->cables);
}

}  // namespace citytwin::assets
