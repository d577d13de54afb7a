#pragma once
// Bookmarks and kiosk tours are one format: a bookmarks export is a tour
// file (docs/kiosk.md) whose stops are the bookmarks, written and read by
// kiosk/TourFile, so an exported set plays as a kiosk tour and a tour's
// stops import as bookmarks. A stop's caption carries the name (the same
// text in zh and en); its camera, layers and sensor_time the view.

#include <string>
#include <vector>

#include "citytwin/geo/ProjectBookmarks.h"
#include "kiosk/Tour.h"

namespace citytwin::app {

kiosk::TourStop stopFromBookmark(const geo::Bookmark& b);
/// `chinese`: a caption's zh text names the bookmark, else its en text.
geo::Bookmark bookmarkFromStop(const kiosk::TourStop& stop, bool chinese);

/// A tour of the bookmarks, in order, titled `title` in both languages.
kiosk::Tour tourFromBookmarks(const std::vector<geo::Bookmark>& bookmarks,
                              const std::string& title);

}  // namespace citytwin::app
