#include "citytwin/render/ModelFileLoader.h"

#include <cctype>
#include <filesystem>

#include "citytwin/formats/CityGmlModel.h"
#include "citytwin/formats/TileSource.h"
#include "citytwin/render/CityGmlModelLoader.h"
#include "citytwin/render/OsgbPyramidLoader.h"
#include "citytwin/render/TilesetLoader.h"

namespace citytwin::render {

ModelFileKind modelFileKind(const std::string& path) {
    if (formats::TileSource::isUrl(path)) {
        std::string name = formats::TileSource::fileNameOf(path);
        for (char& c : name)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        // A server may name its tileset anything; only glTF and OSGB
        // pyramids (their metadata.xml, or a folder URL) are told apart.
        if (name.ends_with(".gltf") || name.ends_with(".glb"))
            return ModelFileKind::None;
        const std::string bare = path.substr(0, path.find_first_of("?#"));
        if (name == "metadata.xml" || bare.ends_with("/") || name == "data")
            return ModelFileKind::OsgbPyramid;
        return ModelFileKind::Tileset;
    }
    if (isOsgbPyramidPath(path))
        return ModelFileKind::OsgbPyramid;
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".gltf" || ext == ".glb")
        return ModelFileKind::Gltf;
    if (ext == ".json")
        return ModelFileKind::Tileset;
    if (ext == ".citygml")
        return ModelFileKind::CityGml;
    // .gml is also plain GML (vector data through GDAL): told apart by the
    // CityGML namespace in the file's head.
    if ((ext == ".gml" || ext == ".xml") && formats::sniffCityGml(path).isCityGml)
        return ModelFileKind::CityGml;
    return ModelFileKind::None;
}

geo::Result<LoadedModel> loadModelFile(const std::string& path, const geo::LocalFrame& frame,
                                       const ModelAnchor& anchor,
                                       const TilesetLoadOptions& tilesetOptions) {
    switch (modelFileKind(path)) {
        case ModelFileKind::OsgbPyramid:
            return loadOsgbPyramid(path, frame);
        case ModelFileKind::Gltf:
            return loadGltfModel(path, anchor, frame);
        case ModelFileKind::CityGml:
            return loadCityGmlModel(path, anchor, frame);
        case ModelFileKind::Tileset: {
            // A tileset without georeference stands where a glTF would.
            TilesetLoadOptions options = tilesetOptions;
            options.placeLocalTilesetsAtAnchor = true;
            options.localAnchor = anchor;
            return loadTileset(path, frame, options);
        }
        case ModelFileKind::None:
            break;
    }
    return geo::Result<LoadedModel>::failure(
        "not a 3D model citytwin reads (an OSGB metadata.xml or pyramid folder, .gltf, .glb, "
        "tileset.json, CityGML .gml/.citygml/.xml)",
        path);
}

}  // namespace citytwin::render
