#pragma once
// The sub-folders a web server lists for a folder URL: how an OSGB
// pyramid's Data/Tile_* folders are found over HTTP, where nothing else
// names them. nginx's autoindex in JSON (`autoindex_format json`:
// [{"name": "...", "type": "directory"}, ...]) or any HTML index whose
// links end in '/' (nginx's and Apache's default pages).

#include <string>
#include <vector>

namespace citytwin::render::detail {

/// Sub-folder names, sorted, without "." / ".." or names holding '/' or '\'.
std::vector<std::string> parseDirectoryListing(const std::string& body);

}  // namespace citytwin::render::detail
