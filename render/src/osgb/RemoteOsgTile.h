#pragma once
// OSG-format tiles (an OSGB pyramid's .osgb files) at http(s) URLs: read
// through the tile cache (citytwin/tilecache), checked by the tile reader
// helper when isolated reading is installed, parsed with the URL's folder
// as database path so that PagedLOD children are URLs too.

#include <osgDB/ReaderWriter>

#include <string>

namespace citytwin::render {

/// The node at `url`; a tile the server lacks (or, offline, the cache) is
/// one warning naming the URL and an empty node (the pager stops asking).
osgDB::ReaderWriter::ReadResult readRemoteOsgTile(const std::string& url,
                                                  const osgDB::Options* options);

/// Registers (once) a ReaderWriter for http:// and https:// OSG files that
/// calls readRemoteOsgTile, for when isolated reading is not installed
/// (otherwise its read callback takes URLs first).
void installRemoteOsgTileReading();

}  // namespace citytwin::render
