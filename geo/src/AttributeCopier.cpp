#include "AttributeCopier.h"

#include <cpl_string.h>

#include <nlohmann/json.hpp>

namespace citytwin::geo::detail {
namespace {

bool isList(OGRFieldType t) {
    return t == OFTIntegerList || t == OFTInteger64List || t == OFTRealList || t == OFTStringList;
}

/// Replaces every invalid UTF-8 sequence by U+FFFD.
std::string repairUtf8(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80           ? 1
                          : (c >> 5) == 0x6  ? 2
                          : (c >> 4) == 0xE  ? 3
                          : (c >> 3) == 0x1E ? 4
                                             : 0;
        bool ok = len > 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k)
            ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (ok && CPLIsUTF8(s.data() + i, static_cast<int>(len))) {
            out.append(s, i, len);
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

}  // namespace

AttributeCopier::AttributeCopier(OGRFeatureDefn& source, OGRLayer& target, std::string recodeFrom)
    : _source(source), _target(target), _recodeFrom(std::move(recodeFrom)) {}

Status AttributeCopier::prepare() {
    const char* fidColumn = _target.GetFIDColumn();
    _map.assign(_source.GetFieldCount(), -1);
    for (int i = 0; i < _source.GetFieldCount(); ++i) {
        const OGRFieldDefn* src = _source.GetFieldDefn(i);
        std::string name = src->GetNameRef();
        if (fidColumn && EQUAL(name.c_str(), fidColumn))
            name = "src_" + name;
        OGRFeatureDefn* targetDefn = _target.GetLayerDefn();
        int index = targetDefn->GetFieldIndex(name.c_str());
        if (index < 0) {
            OGRFieldDefn def(name.c_str(), isList(src->GetType()) ? OFTString : src->GetType());
            if (isList(src->GetType())) {
                def.SetSubType(OFSTJSON);
            } else {
                def.SetSubType(src->GetSubType());
                def.SetWidth(src->GetWidth());
                def.SetPrecision(src->GetPrecision());
            }
            if (_target.CreateField(&def) != OGRERR_NONE)
                return Status::failure("cannot create the attribute field", {}, 0, name);
            index = targetDefn->GetFieldIndex(name.c_str());
        }
        _map[i] = index;
    }
    return Done{};
}

std::string AttributeCopier::text(const char* raw, int field, std::int64_t fid) {
    std::string s = raw ? raw : "";
    if (!_recodeFrom.empty()) {
        char* recoded = CPLRecode(s.c_str(), _recodeFrom.c_str(), CPL_ENC_UTF8);
        s = recoded ? recoded : "";
        CPLFree(recoded);
    }
    if (!CPLIsUTF8(s.c_str(), static_cast<int>(s.size()))) {
        auto& bad = _badText[field];
        if (bad.count++ == 0)
            bad.firstFid = fid;
        s = repairUtf8(s);
    }
    return s;
}

void AttributeCopier::copy(const OGRFeature& src, OGRFeature& dst) {
    const std::int64_t fid = src.GetFID();
    for (int i = 0; i < _source.GetFieldCount(); ++i) {
        const int t = _map[i];
        if (t < 0)
            continue;
        if (!src.IsFieldSetAndNotNull(i)) {
            dst.SetFieldNull(t);
            continue;
        }
        const OGRFieldType type = _source.GetFieldDefn(i)->GetType();
        const OGRFieldType targetType = dst.GetFieldDefnRef(t)->GetType();
        if (type == OFTString) {
            dst.SetField(t, text(src.GetFieldAsString(i), i, fid).c_str());
        } else if (isList(type)) {
            auto json = nlohmann::json::array();
            int n = 0;
            if (type == OFTIntegerList) {
                const int* v = src.GetFieldAsIntegerList(i, &n);
                for (int k = 0; k < n; ++k)
                    json.push_back(v[k]);
            } else if (type == OFTInteger64List) {
                const GIntBig* v = src.GetFieldAsInteger64List(i, &n);
                for (int k = 0; k < n; ++k)
                    json.push_back(static_cast<std::int64_t>(v[k]));
            } else if (type == OFTRealList) {
                const double* v = src.GetFieldAsDoubleList(i, &n);
                for (int k = 0; k < n; ++k)
                    json.push_back(v[k]);
            } else {
                char** v = src.GetFieldAsStringList(i);
                for (int k = 0; v && v[k]; ++k)
                    json.push_back(text(v[k], i, fid));
            }
            dst.SetField(
                t, json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
        } else if (type == targetType) {
            dst.SetField(t, const_cast<OGRField*>(src.GetRawFieldRef(i)));
        } else {
            dst.SetField(t, src.GetFieldAsString(i));
        }
    }
}

std::vector<Diagnostic> AttributeCopier::encodingWarnings(const std::string& sourcePath,
                                                          const std::string& encodingHint) const {
    std::vector<Diagnostic> out;
    for (const auto& [field, bad] : _badText) {
        out.push_back(makeWarning(
            "text of " + std::to_string(bad.count) + " feature(s), first feature " +
                std::to_string(bad.firstFid) + ", is not valid in the assumed encoding (" +
                encodingHint + "); invalid bytes were replaced by U+FFFD. If the file is " +
                "Chinese, import it again with --encoding GBK (or the right code page)",
            sourcePath, 0, _source.GetFieldDefn(field)->GetNameRef()));
    }
    return out;
}

}  // namespace citytwin::geo::detail
