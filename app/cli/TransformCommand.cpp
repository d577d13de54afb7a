// citytwin-cli transform: coordinates on stdin -> stdout, like PROJ's cs2cs
// but in GIS axis order and knowing GCJ-02/BD-09. Lines are parsed and
// transformed in large batches (one proj_trans_generic call per batch).

#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "CliArgs.h"
#include "CliCommand.h"
#include "citytwin/geo/CoordinateLine.h"
#include "citytwin/geo/CrsTransform.h"

namespace citytwin::cli {
namespace {

const char* kHelp =
    "usage: citytwin-cli transform --from CRS --to CRS\n\n"
    "Reads lines 'x y [z]' from stdin and writes the transformed lines 'x y z' to\n"
    "stdout, one output line per input line, with full precision (the shortest\n"
    "decimal text that reads back as the same double), like PROJ's cs2cs.\n"
    "x is longitude or easting, y latitude or northing (GIS order, whatever the\n"
    "EPSG axis order: EPSG:4326 input is 'lon lat', EPSG:4549 is 'easting\n"
    "northing'); z is a height in metres, 0 if not given. Numbers may be\n"
    "separated by blanks, tabs or commas. Empty lines and lines starting with\n"
    "'#' are copied unchanged.\n\n"
    "options:\n"
    "  --from CRS   CRS of the input: an EPSG code (EPSG:4490 or 4490), WKT, a PROJ\n"
    "               string, GCJ02 (AMap/Tencent) or BD09 (Baidu)\n"
    "  --to CRS     CRS of the output, same forms\n\n"
    "A line that is not 'x y [z]' or cannot be transformed is written as '* * *',\n"
    "and a message naming its line number goes to stderr; the other lines are\n"
    "still converted.\n"
    "exit status: 0 if every line was converted, 1 if any line was bad, 2 on a\n"
    "usage error (unknown CRS, missing option).\n";

constexpr std::size_t kBatch = 1 << 16;

class LineBatch {
public:
    explicit LineBatch(const geo::CrsTransform& t) : _t(t) {}

    void add(std::string_view text, long lineNo) {
        geo::CoordinateLine line = geo::parseCoordinateLine(text);
        Entry e{line.kind, lineNo, std::move(line.error), {}, _xs.size()};
        if (line.kind == geo::CoordinateLine::Kind::Point) {
            _xs.push_back(line.x);
            _ys.push_back(line.y);
            _zs.push_back(line.z);
            _inputs.push_back({line.x, line.y});
        } else if (line.kind == geo::CoordinateLine::Kind::Comment) {
            e.passthrough.assign(text);
            if (!e.passthrough.empty() && e.passthrough.back() == '\r')
                e.passthrough.pop_back();
        }
        _entries.push_back(std::move(e));
    }
    bool full() const { return _entries.size() >= kBatch; }

    /// Transforms and writes the batch; returns how many lines were bad.
    long flush() {
        long bad = 0;
        _t.transformInPlace(_xs, _ys, _zs);
        _out.clear();
        for (const auto& e : _entries) {
            switch (e.kind) {
                case geo::CoordinateLine::Kind::Blank:
                    break;
                case geo::CoordinateLine::Kind::Comment:
                    _out += e.passthrough;
                    break;
                case geo::CoordinateLine::Kind::Bad:
                    _out += "* * *";
                    std::cerr << "citytwin-cli transform: line " << e.lineNo << ": " << e.error
                              << '\n';
                    ++bad;
                    break;
                case geo::CoordinateLine::Kind::Point: {
                    const std::size_t i = e.index;
                    if (_xs[i] == HUGE_VAL || _ys[i] == HUGE_VAL) {
                        _out += "* * *";
                        char where[96];
                        std::snprintf(where, sizeof where, "(%.10g, %.10g)", _inputs[i].first,
                                      _inputs[i].second);
                        std::cerr << "citytwin-cli transform: line " << e.lineNo
                                  << ": cannot transform " << where << " from "
                                  << _t.source().label() << " to " << _t.target().label()
                                  << " (outside its area?)\n";
                        ++bad;
                    } else {
                        geo::appendCoordinate(_out, _xs[i]);
                        _out += ' ';
                        geo::appendCoordinate(_out, _ys[i]);
                        _out += ' ';
                        geo::appendCoordinate(_out, _zs[i]);
                    }
                    break;
                }
            }
            _out += '\n';
        }
        std::fwrite(_out.data(), 1, _out.size(), stdout);
        _entries.clear();
        _xs.clear();
        _ys.clear();
        _zs.clear();
        _inputs.clear();
        return bad;
    }

private:
    struct Entry {
        geo::CoordinateLine::Kind kind;
        long lineNo;
        std::string error;
        std::string passthrough;
        std::size_t index;
    };
    const geo::CrsTransform& _t;
    std::vector<Entry> _entries;
    std::vector<double> _xs, _ys, _zs;
    std::vector<std::pair<double, double>> _inputs;
    std::string _out;
};

int runTransform(int argc, char** argv) {
    CliArgs args("transform", kHelp, {"--from", "--to"}, {});
    if (auto exit = args.parseOrExit(argc, argv))
        return *exit;
    if (!args.has("--from") || !args.has("--to") || !args.positionals().empty())
        return args.usage("need --from CRS and --to CRS (and no other arguments)");
    std::optional<geo::Crs> fromCrs, toCrs;
    if (!args.crs("--from", fromCrs) || !args.crs("--to", toCrs))
        return args.usageWithoutHelp(args.error());
    auto transform = geo::CrsTransform::create(*fromCrs, *toCrs);
    if (!transform)
        return args.usageWithoutHelp(transform.messages());

    LineBatch batch(transform.value());
    long lineNo = 0, bad = 0;
    std::string pending;  // an incomplete last line of the previous read
    std::vector<char> buf(1 << 20);
    while (true) {
        const std::size_t n = std::fread(buf.data(), 1, buf.size(), stdin);
        if (n == 0)
            break;
        pending.append(buf.data(), n);
        std::size_t start = 0;
        for (std::size_t nl; (nl = pending.find('\n', start)) != std::string::npos;
             start = nl + 1) {
            batch.add(std::string_view(pending).substr(start, nl - start), ++lineNo);
            if (batch.full())
                bad += batch.flush();
        }
        pending.erase(0, start);
    }
    if (!pending.empty())
        batch.add(pending, ++lineNo);
    bad += batch.flush();
    std::fflush(stdout);
    if (bad > 0) {
        std::cerr << "citytwin-cli transform: " << bad << " of " << lineNo
                  << " line(s) could not be converted\n";
        return 1;
    }
    return 0;
}

}  // namespace

CliCommand transformCommand() {
    return {"transform", "transform 'x y [z]' lines on stdin between CRSs (like cs2cs)",
            runTransform};
}

}  // namespace citytwin::cli
