#pragma once
// Bookmarks kept with a project (issue 17): saved views with a name, in a
// table of their own, `citytwin_bookmarks` (an attribute table, no
// geometry), in the project's dataset. Written through OGR, so the same
// code serves a GeoPackage and a PostGIS project. Columns: name (text, any
// language), lon, lat (WGS 84 degrees), height (m above the ground),
// heading (degrees clockwise from north), pitch (degrees, -90 looking
// down), layers (a JSON array of the layer ids shown, NULL: the layers are
// left as they are), sensor_time (ISO 8601 UTC, NULL: live), saved_at.
//
// Thread safety: holds only the path; every call opens the dataset itself.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/geo/IsoTime.h"
#include "citytwin/geo/Result.h"

namespace citytwin::geo {

struct Bookmark {
    std::int64_t id = 0;  ///< the row's id in the project (0: not stored)
    std::string name;
    double lon = 0.0;
    double lat = 0.0;
    double height = 1000.0;
    double heading = 0.0;
    double pitch = -45.0;
    std::optional<std::vector<std::string>> maybeLayers;
    std::optional<TimeMs> maybeSensorTimeMs;
};

/// The problem with a bookmark's values ("pitch: out of range [-90, 90]"),
/// or empty if it can be stored and flown to.
std::string bookmarkProblem(const Bookmark& b);

class ProjectBookmarks {
public:
    static constexpr const char* kTable = "citytwin_bookmarks";

    explicit ProjectBookmarks(std::string projectPath) : _path(std::move(projectPath)) {}
    const std::string& path() const { return _path; }

    /// Every bookmark, oldest first; none if the project has no table yet.
    /// A row with a bad value is left out with a warning naming its id and field.
    Result<std::vector<Bookmark>> list() const;
    /// Stores a new bookmark (creating the table); returns its id.
    Result<std::int64_t> add(const Bookmark& bookmark) const;
    Status rename(std::int64_t id, const std::string& name) const;
    Status remove(std::int64_t id) const;

private:
    std::string _path;
};

}  // namespace citytwin::geo
