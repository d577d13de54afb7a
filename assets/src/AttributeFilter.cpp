#include "citytwin/assets/AttributeFilter.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <vector>

namespace citytwin::assets {

struct AttributeFilter::Node {
    enum class Kind { Text, Compare, And, Or, Not } kind = Kind::Text;
    enum class Op { Eq, Ne, Lt, Le, Gt, Ge, Contains } op = Op::Eq;
    std::string field;
    std::string value;  ///< lower-cased for Text and Contains
    std::shared_ptr<const Node> a, b;
};

namespace {

using Node = AttributeFilter::Node;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool contains(std::string_view haystack, const std::string& needleLower) {
    return lower(haystack).find(needleLower) != std::string::npos;
}

bool compare(const Node& n, const geo::Feature& f) {
    const std::string* v = f.find(n.field);
    if (!v)
        return n.op == Node::Op::Ne;
    if (n.op == Node::Op::Contains)
        return contains(*v, n.value);
    int order = 0;
    const auto x = geo::attributeNumber(*v), y = geo::attributeNumber(n.value);
    if (x && y)
        order = *x < *y ? -1 : (*x > *y ? 1 : 0);
    else
        order = v->compare(n.value) < 0 ? -1 : (v->compare(n.value) > 0 ? 1 : 0);
    switch (n.op) {
        case Node::Op::Eq:
            return order == 0;
        case Node::Op::Ne:
            return order != 0;
        case Node::Op::Lt:
            return order < 0;
        case Node::Op::Le:
            return order <= 0;
        case Node::Op::Gt:
            return order > 0;
        case Node::Op::Ge:
            return order >= 0;
        default:
            return false;
    }
}

bool evaluate(const Node& n, const geo::Feature& f) {
    switch (n.kind) {
        case Node::Kind::Text:
            for (const auto& a : f.attributes)
                if (contains(a.value, n.value))
                    return true;
            return false;
        case Node::Kind::Compare:
            return compare(n, f);
        case Node::Kind::And:
            return evaluate(*n.a, f) && evaluate(*n.b, f);
        case Node::Kind::Or:
            return evaluate(*n.a, f) || evaluate(*n.b, f);
        case Node::Kind::Not:
            return !evaluate(*n.a, f);
    }
    return false;
}

struct Token {
    enum class Kind { Word, Quoted, Field, Op, Open, Close, End } kind = Kind::End;
    std::string text;
    std::size_t at = 0;  ///< 1-based character (byte) position
};

/// A recursive-descent parser over the tokens; depth is bounded so that
/// "((((..." cannot exhaust the stack.
class Parser {
    using Code = AttributeFilterError::Code;

public:
    explicit Parser(std::string_view text) : _text(text) {}

    geo::Result<std::shared_ptr<const Node>> run() {
        if (!tokenize())
            return fail();
        auto root = parseOr(0);
        if (root && peek().kind != Token::Kind::End)
            error(Code::Unexpected, peek().at, found(peek()));
        if (_error)
            return fail();
        return root;
    }

    const std::optional<AttributeFilterError>& lastError() const { return _error; }

private:
    geo::Result<std::shared_ptr<const Node>> fail() const {
        return geo::Result<std::shared_ptr<const Node>>::failure(
            _error->message(), "filter", 0, "character " + std::to_string(_error->at));
    }
    /// The first error wins: later ones follow from it.
    void error(AttributeFilterError::Code code, std::size_t at, std::string token = {},
               std::string context = {}) {
        if (!_error)
            _error = AttributeFilterError{code, at, std::move(token), std::move(context)};
    }
    /// What a found token is called in an error: nothing at the end.
    static std::string found(const Token& t) {
        return t.kind == Token::Kind::End ? std::string() : t.text;
    }

    bool tokenize() {
        std::size_t i = 0;
        while (i < _text.size()) {
            const char c = _text[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++i;
                continue;
            }
            Token t;
            t.at = i + 1;
            if (c == '(' || c == ')') {
                t.kind = c == '(' ? Token::Kind::Open : Token::Kind::Close;
                t.text = std::string(1, c);
                ++i;
            } else if (c == '\'' || c == '"') {
                const std::size_t end = _text.find(c, i + 1);
                if (end == std::string_view::npos) {
                    error(Code::Unclosed, i + 1, std::string(1, c));
                    return false;
                }
                t.kind = c == '\'' ? Token::Kind::Quoted : Token::Kind::Field;
                t.text = std::string(_text.substr(i + 1, end - i - 1));
                i = end + 1;
            } else if (std::string_view("=!<>~&|").find(c) != std::string_view::npos) {
                t.kind = Token::Kind::Op;
                std::size_t n = 1;
                if (i + 1 < _text.size()) {
                    const std::string two(_text.substr(i, 2));
                    if (two == "!=" || two == "<=" || two == ">=" || two == "&&" || two == "||" ||
                        two == "==")
                        n = 2;
                }
                t.text = std::string(_text.substr(i, n));
                if (t.text == "==")
                    t.text = "=";
                if (t.text == "&" || t.text == "|") {
                    error(Code::NotAnOperator, i + 1, t.text);
                    return false;
                }
                i += n;
            } else {
                std::size_t end = i;
                while (end < _text.size() &&
                       std::string_view(" \t\n\r()'\"=!<>~&|").find(_text[end]) ==
                           std::string_view::npos)
                    ++end;
                t.kind = Token::Kind::Word;
                t.text = std::string(_text.substr(i, end - i));
                i = end;
            }
            _tokens.push_back(std::move(t));
        }
        Token end;
        end.at = _text.size() + 1;
        end.text = "end";
        _tokens.push_back(end);
        return true;
    }

    const Token& peek() const { return _tokens[_pos]; }
    const Token& next() { return _tokens[std::min(_pos++, _tokens.size() - 1)]; }
    bool isWord(const Token& t, const char* w) const {
        return t.kind == Token::Kind::Word && lower(t.text) == w;
    }
    bool isOp(const Token& t, const char* op) const {
        return t.kind == Token::Kind::Op && t.text == op;
    }

    std::shared_ptr<const Node> binary(Node::Kind kind, std::shared_ptr<const Node> a,
                                       std::shared_ptr<const Node> b) {
        auto n = std::make_shared<Node>();
        n->kind = kind;
        n->a = std::move(a);
        n->b = std::move(b);
        return n;
    }

    std::shared_ptr<const Node> parseOr(int depth) {
        auto left = parseAnd(depth);
        while (left && (isWord(peek(), "or") || isOp(peek(), "||"))) {
            next();
            auto right = parseAnd(depth);
            if (!right)
                return nullptr;
            left = binary(Node::Kind::Or, left, right);
        }
        return left;
    }

    std::shared_ptr<const Node> parseAnd(int depth) {
        auto left = parseUnary(depth);
        while (left && (isWord(peek(), "and") || isOp(peek(), "&&"))) {
            next();
            auto right = parseUnary(depth);
            if (!right)
                return nullptr;
            left = binary(Node::Kind::And, left, right);
        }
        return left;
    }

    std::shared_ptr<const Node> parseUnary(int depth) {
        if (depth > 64) {
            error(Code::NestedTooDeeply, peek().at);
            return nullptr;
        }
        if (isWord(peek(), "not") || isOp(peek(), "!")) {
            next();
            auto inner = parseUnary(depth + 1);
            if (!inner)
                return nullptr;
            return binary(Node::Kind::Not, inner, nullptr);
        }
        if (peek().kind == Token::Kind::Open) {
            next();
            auto inner = parseOr(depth + 1);
            if (!inner)
                return nullptr;
            if (peek().kind != Token::Kind::Close) {
                error(Code::ExpectedClose, peek().at, found(peek()));
                return nullptr;
            }
            next();
            return inner;
        }
        return parseComparison();
    }

    std::shared_ptr<const Node> parseComparison() {
        const Token field = next();
        if (field.kind != Token::Kind::Word && field.kind != Token::Kind::Field) {
            error(Code::ExpectedField, field.at, found(field));
            return nullptr;
        }
        const Token op = next();
        auto n = std::make_shared<Node>();
        n->kind = Node::Kind::Compare;
        n->field = field.text;
        if (op.kind != Token::Kind::Op) {
            error(Code::ExpectedOperator, op.at, found(op), field.text);
            return nullptr;
        }
        static const std::pair<const char*, Node::Op> kOps[] = {
            {"=", Node::Op::Eq},      {"!=", Node::Op::Ne}, {"<", Node::Op::Lt},
            {"<=", Node::Op::Le},     {">", Node::Op::Gt},  {">=", Node::Op::Ge},
            {"~", Node::Op::Contains}};
        bool known = false;
        for (const auto& [text, kind] : kOps)
            if (op.text == text) {
                n->op = kind;
                known = true;
            }
        if (!known) {
            error(Code::NotAComparison, op.at, op.text);
            return nullptr;
        }
        const Token value = next();
        if (value.kind != Token::Kind::Word && value.kind != Token::Kind::Quoted &&
            value.kind != Token::Kind::Field) {
            error(Code::ExpectedValue, value.at, found(value), op.text);
            return nullptr;
        }
        n->value = n->op == Node::Op::Contains ? lower(value.text) : value.text;
        return n;
    }

    std::string_view _text;
    std::vector<Token> _tokens;
    std::size_t _pos = 0;
    std::optional<AttributeFilterError> _error;
};

}  // namespace

std::string AttributeFilterError::message() const {
    const std::string found = "'" + (token.empty() ? std::string("end") : token) + "'";
    std::string m;
    switch (code) {
        case Code::Unclosed:
            m = "unclosed " + token;
            break;
        case Code::NotAnOperator:
            m = found + " is not an operator (use and, or)";
            break;
        case Code::Unexpected:
            m = "unexpected " + found;
            break;
        case Code::NestedTooDeeply:
            m = "nested too deeply";
            break;
        case Code::ExpectedClose:
            m = "expected ')' but found " + found;
            break;
        case Code::ExpectedField:
            m = "expected an attribute name but found " + found;
            break;
        case Code::ExpectedOperator:
            m = "expected an operator (= != < <= > >= ~) after '" + context + "'";
            break;
        case Code::NotAComparison:
            m = found + " is not a comparison";
            break;
        case Code::ExpectedValue:
            m = "expected a value after '" + context + "' but found " + found;
            break;
    }
    return m + " at character " + std::to_string(at);
}

geo::Result<AttributeFilter> AttributeFilter::parse(std::string_view text,
                                                    AttributeFilterError* error) {
    AttributeFilter filter;
    const bool blank = text.find_first_not_of(" \t\r\n") == std::string_view::npos;
    if (blank)
        return filter;
    if (text.find_first_of("=!<>~") == std::string_view::npos) {
        auto n = std::make_shared<Node>();
        n->kind = Node::Kind::Text;
        std::string_view t = text;
        while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front())))
            t.remove_prefix(1);
        while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back())))
            t.remove_suffix(1);
        n->value = lower(t);
        filter._root = n;
        return filter;
    }
    Parser parser(text);
    auto root = parser.run();
    if (!root && error && parser.lastError())
        *error = *parser.lastError();
    CITYTWIN_RETURN_IF_FAILED(root);
    filter._root = *root;
    return filter;
}

bool AttributeFilter::matches(const geo::Feature& feature) const {
    return !_root || evaluate(*_root, feature);
}

bool AttributeFilter::isTextSearch() const {
    return !_root || _root->kind == Node::Kind::Text;
}

}  // namespace citytwin::assets
