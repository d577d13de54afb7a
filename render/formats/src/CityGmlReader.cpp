#include <citygml/citygml.h>
#include <citygml/citygmllogger.h>
#include <citygml/citymodel.h>
#include <citygml/cityobject.h>
#include <citygml/envelope.h>
#include <citygml/geometry.h>
#include <citygml/polygon.h>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/util/XMLException.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <unordered_set>

#include "citytwin/formats/CityGmlModel.h"

namespace citytwin::formats {
namespace {

using R = geo::Result<CityGmlModel>;
using Type = citygml::CityObject::CityObjectsType;

/// libcitygml's log lines, kept for the diagnostics (it prints nothing itself).
class CollectingLogger : public citygml::CityGMLLogger {
public:
    CollectingLogger() : CityGMLLogger(LOGLEVEL::LL_WARNING) {}
    void log(LOGLEVEL level, const std::string& message, const char*, int) const override {
        (level == LOGLEVEL::LL_ERROR ? errors : warnings).push_back(message);
    }
    mutable std::vector<std::string> errors, warnings;
};

/// Xerces' UTF-16 text as UTF-8, without Xerces (which may be shut down by
/// the time its exception reaches us).
std::string utf8(const XMLCh* text) {
    std::string out;
    for (; text && *text; ++text) {
        const auto c = static_cast<std::uint32_t>(*text);
        if (c < 0x80) {
            out += char(c);
        } else if (c < 0x800) {
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
        } else {
            out += char(0xE0 | (c >> 12));
            out += char(0x80 | ((c >> 6) & 0x3F));
            out += char(0x80 | (c & 0x3F));
        }
    }
    return out;
}

/// The model, or the parser's reason for having none.
struct Parsed {
    std::shared_ptr<const citygml::CityModel> model;
    std::string why;
    long line = 0;
};

Parsed parseFile(const std::string& path, CollectingLogger& logger,
                 const std::shared_ptr<citygml::CityGMLLogger>& shared) {
    // Xerces' Initialize/Terminate, which libcitygml calls per file, are not thread-safe.
    static std::mutex xercesMutex;
    std::lock_guard lock(xercesMutex);
    citygml::ParserParams params;  // every LoD, every class, triangulated
    Parsed out;
    try {
        out.model = citygml::load(path, params, shared);
    } catch (const xercesc::SAXParseException& e) {
        out.why = "not well-formed XML (truncated or not XML): " + utf8(e.getMessage());
        out.line = long(e.getLineNumber());
    } catch (const xercesc::XMLException& e) {
        out.why = "XML parser failed: " + utf8(e.getMessage());
        out.line = long(e.getSrcLine());
    } catch (const std::exception& e) {
        out.why = std::string("CityGML parser failed: ") + e.what();
    } catch (...) {
        out.why = "CityGML parser failed with an unknown exception";
    }
    if (!out.model && out.why.empty())
        out.why =
            logger.errors.empty() && logger.warnings.empty()
                ? "not CityGML: no CityModel element"
                : "not CityGML: no CityModel element (libcitygml: " +
                      (logger.errors.empty() ? logger.warnings.back() : logger.errors.front()) +
                      ")";
    return out;
}

std::optional<CityGmlSurfaceKind> kindOfObject(Type type) {
    switch (type) {
        case Type::COT_RoofSurface:
            return CityGmlSurfaceKind::Roof;
        case Type::COT_WallSurface:
            return CityGmlSurfaceKind::Wall;
        case Type::COT_GroundSurface:
            return CityGmlSurfaceKind::Ground;
        default:
            return std::nullopt;
    }
}

std::optional<CityGmlSurfaceKind> kindOfGeometry(citygml::Geometry::GeometryType type) {
    using G = citygml::Geometry::GeometryType;
    switch (type) {
        case G::GT_Roof:
            return CityGmlSurfaceKind::Roof;
        case G::GT_Wall:
            return CityGmlSurfaceKind::Wall;
        case G::GT_Ground:
            return CityGmlSurfaceKind::Ground;
        default:
            return std::nullopt;
    }
}

struct FoundPolygon {
    const citygml::Polygon* polygon;
    std::optional<CityGmlSurfaceKind> kind;
    unsigned lod;
};

/// Every polygon of one top-level object and its children, each once: a
/// solid that xlinks its semantic surfaces' polygons shares them, and the
/// surfaces are walked first so that their semantics win.
class PolygonCollector {
public:
    explicit PolygonCollector(std::string& srsName) : _srsName(srsName) {}

    void object(const citygml::CityObject& o, std::optional<CityGmlSurfaceKind> inherited) {
        // Closure surfaces are virtual (they close a solid at an open
        // passage): not drawn, also not where a solid xlinks them.
        _skipping = o.getType() == Type::COT_ClosureSurface;
        if (_skipping) {
            for (unsigned i = 0; i < o.getGeometriesCount(); ++i)
                geometry(o.getGeometry(i), std::nullopt, 0);
            _skipping = false;
            return;
        }
        const auto kind = kindOfObject(o.getType()) ? kindOfObject(o.getType()) : inherited;
        for (unsigned i = 0; i < o.getChildCityObjectsCount(); ++i)
            object(o.getChildCityObject(i), kind);
        for (unsigned i = 0; i < o.getGeometriesCount(); ++i)
            geometry(o.getGeometry(i), kind, 0);
        if (_srsName.empty() && !o.getEnvelope().srsName().empty())
            _srsName = o.getEnvelope().srsName();
    }

    std::vector<FoundPolygon> found;

private:
    void geometry(const citygml::Geometry& g, std::optional<CityGmlSurfaceKind> inherited,
                  unsigned parentLod) {
        const auto kind = kindOfGeometry(g.getType()) ? kindOfGeometry(g.getType()) : inherited;
        const unsigned lod = std::max(parentLod, g.getLOD());
        if (_srsName.empty() && !g.getSRSName().empty())
            _srsName = g.getSRSName();
        for (unsigned i = 0; i < g.getGeometriesCount(); ++i)
            geometry(g.getGeometry(i), kind, lod);
        for (unsigned i = 0; i < g.getPolygonsCount(); ++i) {
            const auto p = g.getPolygon(i);
            if (p && !p->getIndices().empty() && _seen.insert(p.get()).second && !_skipping)
                found.push_back({p.get(), kind, lod});
        }
    }

    std::string& _srsName;
    std::unordered_set<const citygml::Polygon*> _seen;
    bool _skipping = false;
};

CityGmlSurface surfaceOf(const citygml::Polygon& polygon) {
    CityGmlSurface s;
    for (const auto& v : polygon.getVertices())
        s.points.push_back({v.x, v.y, v.z});
    for (const unsigned i : polygon.getIndices())
        if (i < s.points.size())
            s.triangles.push_back(i);
    s.triangles.resize(s.triangles.size() / 3 * 3);
    return s;
}

/// The area-weighted normal's vertical part over its length (-1 down, 1 up).
double verticalness(const CityGmlSurface& s) {
    double nx = 0, ny = 0, nz = 0;
    for (std::size_t t = 0; t + 2 < s.triangles.size(); t += 3) {
        const auto& a = s.points[s.triangles[t]];
        const auto& b = s.points[s.triangles[t + 1]];
        const auto& c = s.points[s.triangles[t + 2]];
        const double ux = b.x - a.x, uy = b.y - a.y, uz = b.z - a.z;
        const double vx = c.x - a.x, vy = c.y - a.y, vz = c.z - a.z;
        nx += uy * vz - uz * vy;
        ny += uz * vx - ux * vz;
        nz += ux * vy - uy * vx;
    }
    const double len = std::sqrt(nx * nx + ny * ny + nz * nz);
    return len > 0.0 ? nz / len : 0.0;
}

/// Polygons without semantics (LoD1 blocks): steep ones are walls, flat ones
/// the roof if above the object's middle height, else its ground.
void inferKinds(CityGmlBuilding& b) {
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    for (const auto& s : b.surfaces)
        for (const auto& p : s.points) {
            lo = std::min(lo, p.z);
            hi = std::max(hi, p.z);
        }
    for (auto& s : b.surfaces) {
        if (s.fromSemantics)
            continue;
        if (std::abs(verticalness(s)) < 0.5) {
            s.kind = CityGmlSurfaceKind::Wall;
            continue;
        }
        double z = 0.0;
        for (const auto& p : s.points)
            z += p.z;
        z /= double(std::max<std::size_t>(1, s.points.size()));
        s.kind = z > 0.5 * (lo + hi) || hi - lo < 0.01 ? CityGmlSurfaceKind::Roof
                                                       : CityGmlSurfaceKind::Ground;
    }
}

std::vector<geo::Attribute> attributesOf(const citygml::CityObject& o, const std::string& id,
                                         unsigned lod) {
    std::vector<geo::Attribute> out;
    if (!id.empty())
        out.push_back({"gml:id", id});
    out.push_back({"class", o.getTypeAsString()});
    out.push_back({"lod", std::to_string(lod)});
    for (const auto& [name, value] : o.getAttributes())
        out.push_back({name, value.asString()});
    return out;
}

std::optional<CityGmlBuilding> buildingOf(const citygml::CityObject& o, std::string& srsName) {
    PolygonCollector collector(srsName);
    collector.object(o, std::nullopt);
    if (collector.found.empty())
        return std::nullopt;
    CityGmlBuilding b;
    // libcitygml names objects without gml:id "genID_<file>_<n>": not the user's id.
    b.id = o.getId().starts_with("genID_") ? std::string() : o.getId();
    b.objectClass = o.getTypeAsString();
    for (const auto& f : collector.found)
        b.lod = std::max(b.lod, f.lod);
    // A building with LoD1 and LoD2 geometry draws its finest only.
    for (const auto& f : collector.found) {
        if (f.lod != b.lod)
            continue;
        CityGmlSurface s = surfaceOf(*f.polygon);
        if (s.triangles.empty())
            continue;
        s.fromSemantics = f.kind.has_value();
        s.kind = f.kind.value_or(CityGmlSurfaceKind::Other);
        b.surfaces.push_back(std::move(s));
    }
    if (b.surfaces.empty())
        return std::nullopt;
    inferKinds(b);
    b.attributes = attributesOf(o, b.id, b.lod);
    return b;
}

}  // namespace

const char* toString(CityGmlSurfaceKind kind) {
    switch (kind) {
        case CityGmlSurfaceKind::Roof:
            return "roof";
        case CityGmlSurfaceKind::Wall:
            return "wall";
        case CityGmlSurfaceKind::Ground:
            return "ground";
        case CityGmlSurfaceKind::Other:
            break;
    }
    return "other";
}

std::size_t CityGmlModel::polygonCount() const {
    std::size_t n = 0;
    for (const auto& b : buildings)
        n += b.surfaces.size();
    return n;
}

std::size_t CityGmlModel::triangleCount() const {
    std::size_t n = 0;
    for (const auto& b : buildings)
        for (const auto& s : b.surfaces)
            n += s.triangles.size() / 3;
    return n;
}

geo::Result<CityGmlModel> readCityGml(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec) || !std::ifstream(path, std::ios::binary))
        return R::failure("cannot open the CityGML file (missing or not a file)", path);
    if (std::filesystem::file_size(path, ec) == 0 && !ec)
        return R::failure("the CityGML file is empty", path);

    auto logger = std::make_shared<CollectingLogger>();
    const Parsed parsed = parseFile(path, *logger, logger);
    if (!parsed.model)
        return R::failure(parsed.why, path, parsed.line);

    CityGmlModel model;
    model.srsName = parsed.model->getEnvelope().srsName();
    for (const auto* object : parsed.model->getRootCityObjects())
        if (object)
            if (auto b = buildingOf(*object, model.srsName))
                model.buildings.push_back(std::move(*b));
    if (model.buildings.empty())
        return R::failure("CityGML without any city object that has polygons (" +
                              std::to_string(parsed.model->getNumRootCityObjects()) +
                              " city objects read)",
                          path);
    R result(std::move(model));
    // A few of libcitygml's complaints are worth a warning; thousands are not.
    constexpr std::size_t kMaxWarnings = 5;
    std::vector<std::string> said = logger->errors;
    said.insert(said.end(), logger->warnings.begin(), logger->warnings.end());
    for (std::size_t i = 0; i < std::min(said.size(), kMaxWarnings); ++i)
        result.addDiagnostic(geo::makeWarning("libcitygml: " + said[i], path));
    if (said.size() > kMaxWarnings)
        result.addDiagnostic(geo::makeWarning(
            "libcitygml: " + std::to_string(said.size() - kMaxWarnings) + " more warnings", path));
    return result;
}

}  // namespace citytwin::formats
