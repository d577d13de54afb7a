#pragma once
// Copies a source feature's attributes into a project layer: creates the
// target fields (lists become JSON text, which GeoPackage can store; a source
// field named like the GeoPackage FID column is renamed), recodes text from
// the declared encoding and replaces bytes that are not valid UTF-8 with
// U+FFFD, counting them per field so that a wrong encoding is reported.

#include <ogrsf_frmts.h>

#include <map>
#include <string>
#include <vector>

#include "citytwin/geo/Result.h"

namespace citytwin::geo::detail {

class AttributeCopier {
public:
    /// recodeFrom: encoding to convert text from (empty: text is already
    /// UTF-8, as OGR gives it for every driver that knows its encoding).
    AttributeCopier(OGRFeatureDefn& source, OGRLayer& target, std::string recodeFrom);

    /// Creates missing fields in target; an error names the field.
    Status prepare();
    /// Copies the attributes of src into dst.
    void copy(const OGRFeature& src, OGRFeature& dst);
    /// One warning per field whose text was not valid UTF-8, naming the
    /// first feature and how many had it.
    std::vector<Diagnostic> encodingWarnings(const std::string& sourcePath,
                                             const std::string& encodingHint) const;

private:
    std::string text(const char* raw, int field, std::int64_t fid);

    OGRFeatureDefn& _source;
    OGRLayer& _target;
    std::string _recodeFrom;
    std::vector<int> _map;  // source field -> target field
    struct BadText {
        std::int64_t firstFid = 0;
        std::int64_t count = 0;
    };
    std::map<int, BadText> _badText;  // by source field
};

}  // namespace citytwin::geo::detail
