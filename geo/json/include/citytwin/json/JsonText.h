#pragma once
// JSON text to a document without exceptions, for every loader we write
// (rules, tilesets, subtrees, scenarios, tours, payloads, event logs): a
// syntax error or a number too large for a double ("1e999", which
// json::parse throws as out_of_range) comes back as a message with its
// line, column and the JSON path of the value being read.
// Header-only (citytwin::json): it names nlohmann::json, which only the
// libraries that parse JSON link.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace citytwin::json {

struct JsonText {
    nlohmann::json doc;
    bool ok = false;
    bool numberOutOfRange = false;  ///< a number no double holds
    std::string message;            ///< what went wrong, with line and column
    std::string path;               ///< JSON path of the failing value ("a.b[2]"), may be empty
    long line = 0;                  ///< 1-based, 0 when unknown
    std::string where;              ///< "at line L, column C"
    std::string reason;             ///< nlohmann's reason without its "[json.exception...]" tag
};

namespace detail {

/// json::parse's DOM builder, remembering where in the document it is.
class PathTrackingSax {
public:
    nlohmann::json result;
    std::size_t errorByte = 0;
    int errorId = 0;
    std::string errorMessage;
    std::string errorPath;

    PathTrackingSax() : _dom(result, false) {}

    bool null() { return value() && _dom.null(); }
    bool boolean(bool v) { return value() && _dom.boolean(v); }
    bool number_integer(nlohmann::json::number_integer_t v) {
        return value() && _dom.number_integer(v);
    }
    bool number_unsigned(nlohmann::json::number_unsigned_t v) {
        return value() && _dom.number_unsigned(v);
    }
    bool number_float(nlohmann::json::number_float_t v, const std::string& s) {
        return value() && _dom.number_float(v, s);
    }
    bool string(std::string& v) { return value() && _dom.string(v); }
    bool binary(nlohmann::json::binary_t& v) { return value() && _dom.binary(v); }
    bool start_object(std::size_t n) {
        value();
        _frames.push_back({false, -1, {}});
        return _dom.start_object(n);
    }
    bool key(std::string& k) {
        _frames.back().key = k;
        return _dom.key(k);
    }
    bool end_object() {
        _frames.pop_back();
        return _dom.end_object();
    }
    bool start_array(std::size_t n) {
        value();
        _frames.push_back({true, -1, {}});
        return _dom.start_array(n);
    }
    bool end_array() {
        _frames.pop_back();
        return _dom.end_array();
    }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& ex) {
        errorByte = position;
        errorId = ex.id;
        errorMessage = ex.what();
        if (!_frames.empty() && _frames.back().isArray)
            ++_frames.back().index;  // the failing value was not counted yet
        errorPath = path();
        return false;
    }

private:
    struct Frame {
        bool isArray = false;
        long index = -1;
        std::string key;
    };
    bool value() {
        if (!_frames.empty() && _frames.back().isArray)
            ++_frames.back().index;
        return true;
    }
    std::string path() const {
        std::string out;
        for (const auto& f : _frames) {
            if (f.isArray)
                out += "[" + std::to_string(std::max(0L, f.index)) + "]";
            else if (!f.key.empty())
                out += (out.empty() ? "" : ".") + f.key;
        }
        return out;
    }
    nlohmann::detail::json_sax_dom_parser<nlohmann::json> _dom;
    std::vector<Frame> _frames;
};

inline void lineAndColumn(std::string_view text, std::size_t byte, long& line, long& column) {
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
}

}  // namespace detail

/// Parses `text`; never throws.
inline JsonText parseJsonText(std::string_view text) {
    JsonText out;
    detail::PathTrackingSax sax;
    try {
        out.ok = nlohmann::json::sax_parse(text.begin(), text.end(), &sax);
    } catch (const std::exception& e) {
        out.message = std::string("cannot read JSON: ") + e.what();
        return out;
    }
    if (out.ok) {
        out.doc = std::move(sax.result);
        return out;
    }
    long column = 0;
    detail::lineAndColumn(text, sax.errorByte > 0 ? sax.errorByte - 1 : 0, out.line, column);
    const std::string where =
        "at line " + std::to_string(out.line) + ", column " + std::to_string(column);
    out.where = where;
    out.path = sax.errorPath;
    out.reason = sax.errorMessage;
    if (const auto pos = out.reason.find("] "); pos != std::string::npos)
        out.reason = out.reason.substr(pos + 2);
    if (sax.errorId == 406) {
        out.numberOutOfRange = true;
        out.message = "number out of range (not a finite double) " + where +
                      (out.path.empty() ? std::string() : " in " + out.path);
        return out;
    }
    out.message = "JSON syntax error " + where + ": " + out.reason;
    return out;
}

}  // namespace citytwin::json
