#include "citytwin/assets/NameIndex.h"

#include <algorithm>
#include <map>
#include <set>

namespace citytwin::assets {

std::string foldForSearch(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        else if (c == '\n' || c == '\r')
            c = ' ';  // a line is one value
    return out;
}

bool NameIndex::isSearchable(std::string_view a) {
    return a == "id" || a == "name" || a == "ref" || a.starts_with("name:") ||
           (a.size() > 3 && a.ends_with("_id")) || a == "code";
}

void NameIndex::addLayer(std::string layerId, std::shared_ptr<const geo::FeatureLayer> layer) {
    const auto layerIndex = std::uint32_t(_layers.size());
    _layerStarts.push_back(_text.size());
    for (std::size_t f = 0; f < layer->features.size(); ++f) {
        for (const auto& a : layer->features[f].attributes) {
            if (a.value.empty() || !isSearchable(a.name))
                continue;
            auto it = std::find(_fields.begin(), _fields.end(), a.name);
            if (it == _fields.end())
                it = _fields.insert(_fields.end(), a.name);
            _entries.push_back({std::uint32_t(_text.size()), layerIndex, std::uint32_t(f),
                                std::uint16_t(it - _fields.begin())});
            _text += foldForSearch(a.value);
            _text += '\n';
        }
    }
    _layerIds.push_back(std::move(layerId));
    _layers.push_back(std::move(layer));
}

std::vector<NameMatch> NameIndex::find(std::string_view query, std::size_t perLayer) const {
    std::vector<NameMatch> out;
    const std::string q = foldForSearch(query);
    if (q.empty() || perLayer == 0)
        return out;
    // Per layer: prefix matches and the others, in feature order, each feature once.
    struct Found {
        std::vector<const Entry*> prefix, inner;
        std::set<std::uint32_t> features;
    };
    std::map<std::uint32_t, Found> found;
    std::size_t at = 0;
    while ((at = _text.find(q, at)) != std::string::npos) {
        const std::size_t lineEnd = _text.find('\n', at);
        const bool prefix = at == 0 || _text[at - 1] == '\n';
        // Layers are contiguous in the text: a short search finds the layer,
        // and a full list skips the match without looking up its entry.
        const auto layer =
            std::uint32_t(std::upper_bound(_layerStarts.begin(), _layerStarts.end(), at) -
                          _layerStarts.begin() - 1);
        Found& f = found[layer];
        auto& list = prefix ? f.prefix : f.inner;
        if (at + q.size() <= lineEnd && list.size() < perLayer) {  // not across two values
            auto e =
                std::upper_bound(_entries.begin(), _entries.end(), at,
                                 [](std::size_t pos, const Entry& x) { return pos < x.offset; });
            const Entry& entry = *(e - 1);
            if (f.features.insert(entry.feature).second)
                list.push_back(&entry);
        }
        at = lineEnd + 1;  // one match per value is enough
    }
    for (const auto& [layer, f] : found) {
        std::size_t n = 0;
        for (const auto* list : {&f.prefix, &f.inner})
            for (const Entry* e : *list) {
                if (n++ >= perLayer)
                    break;
                const geo::Feature& feature = _layers[layer]->features[e->feature];
                const std::string& field = _fields[e->field];
                const std::string* value = feature.find(field);
                out.push_back(
                    {layer, e->feature, field, value ? *value : std::string(), list == &f.prefix});
            }
    }
    return out;
}

}  // namespace citytwin::assets
