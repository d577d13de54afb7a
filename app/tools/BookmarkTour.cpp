#include "tools/BookmarkTour.h"

namespace citytwin::app {

kiosk::TourStop stopFromBookmark(const geo::Bookmark& b) {
    kiosk::TourStop s;
    s.camera = {b.lon, b.lat, b.height, b.heading, b.pitch};
    s.maybeLayers = b.maybeLayers;
    s.maybeSensorTimeMs = b.maybeSensorTimeMs;
    s.caption = {b.name, b.name};
    return s;
}

geo::Bookmark bookmarkFromStop(const kiosk::TourStop& stop, bool chinese) {
    geo::Bookmark b;
    b.name = stop.caption.in(chinese);
    b.lon = stop.camera.lon;
    b.lat = stop.camera.lat;
    b.height = stop.camera.height;
    b.heading = stop.camera.heading;
    b.pitch = stop.camera.pitch;
    b.maybeLayers = stop.maybeLayers;
    b.maybeSensorTimeMs = stop.maybeSensorTimeMs;
    return b;
}

kiosk::Tour tourFromBookmarks(const std::vector<geo::Bookmark>& bookmarks,
                              const std::string& title) {
    kiosk::Tour tour;
    tour.title = {title, title};
    for (const auto& b : bookmarks)
        tour.stops.push_back(stopFromBookmark(b));
    return tour;
}

}  // namespace citytwin::app
