#include "ProtectionZoneLayer.h"

#include "citytwin/assets/AssetRepository.h"
#include "citytwin/assets/InspectionContext.h"
#include "citytwin/assets/ProtectionZoneBuilder.h"

namespace citytwin::app {

geo::Result<std::vector<geo::FeatureLayer>> readProtectionZones(const render::SceneSource& source) {
    using R = geo::Result<std::vector<geo::FeatureLayer>>;
    auto repository = assets::openAssetRepository(source.path);
    if (!repository)
        return R::failure("cannot open the asset project", source.path);
    auto context = assets::InspectionContext::open(*repository);
    CITYTWIN_RETURN_IF_FAILED(context);
    auto zones = context.value()->buildZones();
    CITYTWIN_RETURN_IF_FAILED(zones);
    std::vector<geo::FeatureLayer> layers;
    layers.push_back(assets::zonesToFeatureLayer(zones.value(), context.value()->rules()));
    layers.back().sourcePath = source.path;
    return layers;
}

}  // namespace citytwin::app
