#include "citytwin/render/ModelFeatureTable.h"

#include <osg/NodeVisitor>

#include <set>

#include "citytwin/render/FeaturePickData.h"

namespace citytwin::render {
namespace {

/// The distinct tile layers under a node, in the order they are met.
class TileLayerFinder : public osg::NodeVisitor {
public:
    TileLayerFinder() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}

    void apply(osg::Node& node) override {
        if (auto* data = dynamic_cast<const FeaturePickData*>(node.getUserData()))
            if (data->layer() && seen.insert(data->layer().get()).second)
                found.push_back({data->layerId(), data->layer(), 0});
        traverse(node);
    }

    std::set<const geo::FeatureLayer*> seen;
    std::vector<ModelFeatureRow> found;
};

/// "city/tileset.json/ll.b3dm" -> "ll.b3dm": what the user knows the tile by.
std::string tileName(const std::string& layerId) {
    const std::size_t slash = layerId.rfind('/');
    return slash == std::string::npos ? layerId : layerId.substr(slash + 1);
}

}  // namespace

std::optional<std::uint32_t> ModelFeatureTable::rowOf(const std::string& layerId,
                                                      std::uint32_t featureIndex) const {
    for (std::size_t i = 0; i < sources.size(); ++i)
        if (sources[i].featureIndex == featureIndex && sources[i].layerId == layerId)
            return std::uint32_t(i);
    return std::nullopt;
}

ModelFeatureTable collectModelFeatures(osg::Node& modelRoot, const std::string& name) {
    TileLayerFinder finder;
    modelRoot.accept(finder);
    ModelFeatureTable table;
    table.layer = std::make_shared<geo::FeatureLayer>();
    table.layer->name = name;
    for (const ModelFeatureRow& tile : finder.found) {
        const std::string tileLabel = tileName(tile.layerId);
        for (std::size_t i = 0; i < tile.layer->features.size(); ++i) {
            geo::Feature f = tile.layer->features[i];
            f.geometry = {};  // drawn by the tile itself
            f.attributes.insert(f.attributes.begin(), geo::Attribute{"tile", tileLabel});
            table.layer->features.push_back(std::move(f));
            table.sources.push_back({tile.layerId, tile.layer, std::uint32_t(i)});
        }
    }
    return table;
}

}  // namespace citytwin::render
