#pragma once
// %XX escapes of a URL decoded: the path of a tile request, the names a web
// server's folder listing links to. One place for what TileSource and the
// OSGB directory listing both read.

#include <string>

namespace citytwin::formats {

/// Each %XX (two hex digits) as its byte; anything else, a lone or
/// malformed '%' included, is kept as it is.
std::string percentDecode(const std::string& s);

}  // namespace citytwin::formats
