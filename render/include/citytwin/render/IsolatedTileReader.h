#pragma once
// Files read by OSG plugins we do not control (OSGB, OSGT, IVE) are first
// parsed in a child process, `citytwin-tile-reader`: OSG 3.6.5's .osgb
// reader segfaults on some truncated files (no length field tells a cut
// file from a whole one). Only bytes the child read without crashing are
// parsed here; a damaged file becomes one warning naming it and is then
// answered "missing" without being read again.

#include <chrono>
#include <string>

namespace citytwin::render {

/// What the helper process made of a file's bytes.
enum class TileCheck {
    Readable,    ///< parsed into a node: safe to parse in this process
    Unreadable,  ///< the plugin refused it without crashing
    Crashed,     ///< the helper died on a signal (e.g. SIGSEGV in OSG)
    TimedOut,    ///< the helper did not finish in time; it was killed
    NoHelper,    ///< the helper could not be started
};

const char* describe(TileCheck check);

/// The helper beside the running executable, or $CITYTWIN_TILE_READER.
std::string defaultTileReaderPath();

/// Runs the helper on `bytes` (the content of a file with extension `ext`,
/// from folder `folder` for its relative references); kills it after `timeout`.
TileCheck checkTileBytes(const std::string& helper, const std::string& bytes,
                         const std::string& ext, const std::string& folder,
                         std::chrono::milliseconds timeout);

/// Routes every osgDB read of an OSG-format file (loadOsgbPyramid's root
/// tiles, the DatabasePager's children) through the helper. Idempotent; an
/// empty path means defaultTileReaderPath(). When the helper is missing the
/// files are read in-process with a one-time warning.
void installIsolatedTileReading(const std::string& helperPath = {});

/// True once a file was found damaged by the installed reading (so it is
/// answered missing from now on). `path` as the reader resolved it.
bool isKnownDamagedTile(const std::string& path);

}  // namespace citytwin::render
