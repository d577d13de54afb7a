#pragma once
// The attribute table's filter (issue 17 item 4): plain text matches any
// value (substring, Latin letters without case); an expression compares
// attributes:
//
//   height > 100
//   operator = 'China Mobile' and status != planned
//   (district ~ 浦东 or district ~ pudong) and not height < 20
//   "name:zh" ~ 中心
//
// Operators = != < <= > >= and ~ (contains, without case); and, or, not
// (also && || !), parentheses. A value is 'quoted', "quoted" (a field name
// quoted with double quotes), a number or a bare word. Numbers compare as
// numbers when both sides are numbers, else as text. A feature without the
// attribute fails every comparison except !=. Text with any of = ! < > ~
// is an expression and must parse; an error names the character where it
// went wrong.

#include <memory>
#include <string>
#include <string_view>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

class AttributeFilter {
public:
    /// Empty or blank text: matches everything.
    static geo::Result<AttributeFilter> parse(std::string_view text);

    bool matches(const geo::Feature& feature) const;
    /// True for a text search, false for an expression.
    bool isTextSearch() const;

    struct Node;

private:
    std::shared_ptr<const Node> _root;  ///< nullptr: everything
};

}  // namespace citytwin::assets
