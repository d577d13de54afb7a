#pragma once
// GDAL's KML drivers read a <coordinates> tuple that is not numbers
// ("abc,def,ghi") as an empty point or as 0,0: a silent wrong answer. This
// check reads the text of every <coordinates> element first and names the
// first token that is not a finite number, with its line.

#include <string>
#include <string_view>

#include "citytwin/geo/Result.h"

namespace citytwin::geo::detail {

/// Done, or an error naming `source`, the line and the bad token.
Status checkKmlCoordinates(std::string_view kml, const std::string& source);

/// checkKmlCoordinates on the file at `path` if it is a .kml; Done for others.
Status checkKmlFile(const std::string& path);

}  // namespace citytwin::geo::detail
