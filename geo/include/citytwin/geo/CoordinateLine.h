#pragma once
// One line of a coordinate stream as cs2cs reads and writes it: "x y [z]",
// numbers separated by blanks, tabs or commas. Used by `citytwin-cli
// transform`; kept here, away from the CLI, so that it can be fuzzed.

#include <string>
#include <string_view>

namespace citytwin::geo {

struct CoordinateLine {
    enum class Kind {
        Point,    ///< two or three numbers
        Blank,    ///< empty or only blanks: passed through
        Comment,  ///< starts with '#': passed through
        Bad,      ///< anything else; error says why
    };
    Kind kind = Kind::Blank;
    double x = 0.0;  ///< longitude or easting (GIS order)
    double y = 0.0;  ///< latitude or northing
    double z = 0.0;  ///< height in metres; 0 when the line gives none
    bool hasZ = false;
    std::string error;  ///< for Kind::Bad: what is wrong, naming the token
};

/// Parses one line (without its newline; a trailing '\r' is ignored).
/// Non-finite numbers (nan, inf) are Bad: they are not coordinates.
CoordinateLine parseCoordinateLine(std::string_view line);

/// Appends v with full precision: the shortest fixed-point text that reads
/// back as exactly the same double ("*" if v is not finite, as cs2cs does).
void appendCoordinate(std::string& out, double v);

}  // namespace citytwin::geo
