#pragma once
// The search box's index (issue 17, item 3): the ids and names of every
// loaded layer's features (`id`, `name`, `name:zh`, `name:en`, `ref` and
// any `*_id` attribute), found by substring, prefixes first, Chinese and
// Latin alike (UTF-8 bytes; Latin letters compared without case).
//
// All names live in one text buffer, one per line, so a query is one scan
// of a few megabytes (about 2 ms for 200,000 buildings: bench/assets
// bench_search) and the index costs little beyond the text itself.
//
// Thread safety: build on any thread (layers are read through const
// access); a built index may be searched from several threads at once.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "citytwin/geo/Feature.h"

namespace citytwin::assets {

struct NameMatch {
    std::uint32_t layer = 0;    ///< index into layerIds()
    std::uint32_t feature = 0;  ///< index into that layer's features
    std::string field;          ///< the attribute that matched ("name:zh")
    std::string text;           ///< its value as stored
    bool prefix = false;        ///< the value starts with the query
};

class NameIndex {
public:
    /// Indexes a layer's searchable attributes; the layer must outlive the index.
    void addLayer(std::string layerId, std::shared_ptr<const geo::FeatureLayer> layer);

    /// Up to `perLayer` matches of each layer, prefix matches first, then in
    /// feature order; a feature appears once (its best field). An empty
    /// query finds nothing.
    std::vector<NameMatch> find(std::string_view query, std::size_t perLayer = 50) const;

    const std::vector<std::string>& layerIds() const { return _layerIds; }
    const geo::FeatureLayer& layer(std::uint32_t i) const { return *_layers[i]; }
    std::size_t size() const { return _entries.size(); }

    /// True for the attribute names the index reads.
    static bool isSearchable(std::string_view attribute);

private:
    struct Entry {
        std::uint32_t offset;  ///< start of the line in _text
        std::uint32_t layer;
        std::uint32_t feature;
        std::uint16_t field;  ///< index into _fields
    };
    std::string _text;  ///< folded values, each followed by '\n'
    std::vector<Entry> _entries;
    std::vector<std::string> _fields;
    std::vector<std::size_t> _layerStarts;  ///< where each layer's lines begin in _text
    std::vector<std::string> _layerIds;
    std::vector<std::shared_ptr<const geo::FeatureLayer>> _layers;
};

/// ASCII letters to lower case; other bytes (UTF-8 Chinese) unchanged.
std::string foldForSearch(std::string_view text);

}  // namespace citytwin::assets
