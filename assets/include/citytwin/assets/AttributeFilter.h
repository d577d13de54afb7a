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

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "citytwin/geo/Feature.h"
#include "citytwin/geo/Result.h"

namespace citytwin::assets {

/// Why an expression does not parse, as data: the app words it in the
/// user's language (this library has no Qt); message() is the English.
struct AttributeFilterError {
    enum class Code {
        Unclosed,          ///< token: the quote that is not closed
        NotAnOperator,     ///< token: & or |
        Unexpected,        ///< token: what follows a whole expression
        NestedTooDeeply,   ///< more than 64 levels of parentheses or not
        ExpectedClose,     ///< token: found instead of ')'
        ExpectedField,     ///< token: found instead of an attribute name
        ExpectedOperator,  ///< context: the attribute name; token: found
        NotAComparison,    ///< token: an operator that compares nothing (!)
        ExpectedValue,     ///< context: the operator; token: found
    };
    Code code = Code::Unexpected;
    std::size_t at = 0;   ///< 1-based character (byte) position
    std::string token;    ///< the token found there; empty at the end of the text
    std::string context;  ///< the attribute or operator before it, if the code has one

    /// "expected a value after '>' but found 'end' at character 9".
    std::string message() const;
};

class AttributeFilter {
public:
    /// Empty or blank text: matches everything. On failure the diagnostic
    /// holds message(), and `error`, if given, the error as data.
    static geo::Result<AttributeFilter> parse(std::string_view text,
                                              AttributeFilterError* error = nullptr);

    bool matches(const geo::Feature& feature) const;
    /// True for a text search, false for an expression.
    bool isTextSearch() const;

    struct Node;

private:
    std::shared_ptr<const Node> _root;  ///< nullptr: everything
};

}  // namespace citytwin::assets
