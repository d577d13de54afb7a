// The attribute table's filter: text search, comparisons as numbers or
// text, and/or/not with parentheses, quoted names and values, and errors
// that say where.

#include <gtest/gtest.h>

#include <string>

#include "citytwin/assets/AttributeFilter.h"

using namespace citytwin;
using assets::AttributeFilter;

namespace {

geo::Feature site(const std::string& op, const std::string& height, const std::string& district,
                  const std::string& status = "active") {
    geo::Feature f;
    f.attributes = {{"operator", op},
                    {"height", height},
                    {"district", district},
                    {"status", status},
                    {"name:zh", "陆家嘴中心站"}};
    return f;
}

bool matches(const std::string& expression, const geo::Feature& f) {
    const auto filter = AttributeFilter::parse(expression);
    EXPECT_TRUE(filter.ok()) << expression << ": " << filter.messages();
    return filter.ok() && filter->matches(f);
}

std::string errorOf(const std::string& expression) {
    const auto filter = AttributeFilter::parse(expression);
    EXPECT_FALSE(filter.ok()) << expression;
    return filter.messages();
}

}  // namespace

TEST(AttributeFilter, plainTextMatchesAnyValueWithoutCase) {
    const auto f = site("China Mobile", "35", "Pudong");
    EXPECT_TRUE(matches("mobile", f));
    EXPECT_TRUE(matches("  PUDONG ", f));
    EXPECT_TRUE(matches("中心", f));
    EXPECT_FALSE(matches("unicom", f));
    EXPECT_TRUE(matches("", f));
    EXPECT_TRUE(AttributeFilter::parse("mobile")->isTextSearch());
    EXPECT_FALSE(AttributeFilter::parse("height > 3")->isTextSearch());
}

TEST(AttributeFilter, numbersCompareAsNumbersAndTextAsText) {
    const auto f = site("China Mobile", "120.5", "Pudong");
    EXPECT_TRUE(matches("height > 100", f));  // as text "120.5" < "100" would fail
    EXPECT_TRUE(matches("height >= 120.5", f));
    EXPECT_FALSE(matches("height < 99", f));
    EXPECT_TRUE(matches("height != 7", f));
    EXPECT_TRUE(matches("height == 120.50", f));
    EXPECT_TRUE(matches("operator = 'China Mobile'", f));
    EXPECT_FALSE(matches("operator = 'china mobile'", f));  // = is exact
    EXPECT_TRUE(matches("operator ~ 'china mob'", f));      // ~ is without case
    EXPECT_TRUE(matches("district < Xuhui", f));
    EXPECT_TRUE(matches("\"name:zh\" ~ 中心", f));
}

TEST(AttributeFilter, andOrNotAndParenthesesCombine) {
    const auto a = site("China Mobile", "35", "Pudong", "planned");
    const auto b = site("China Unicom", "12", "Huangpu");
    const std::string e = "(district ~ pudong or district ~ huangpu) and not height < 20";
    EXPECT_TRUE(matches(e, a));
    EXPECT_FALSE(matches(e, b));
    EXPECT_TRUE(matches("operator ~ mobile && status = planned", a));
    EXPECT_TRUE(matches("operator ~ unicom || status = planned", a));
    EXPECT_FALSE(matches("!(status = planned)", a));
    // and binds tighter than or.
    EXPECT_TRUE(matches("status = planned or height > 1000 and district = x", a));
}

TEST(AttributeFilter, aMissingAttributeFailsEveryComparisonButNotEqual) {
    const auto f = site("China Mobile", "35", "Pudong");
    EXPECT_FALSE(matches("levels > 0", f));
    EXPECT_FALSE(matches("levels = ''", f));
    EXPECT_TRUE(matches("levels != 3", f));
}

TEST(AttributeFilter, errorsSayWhereTheExpressionWentWrong) {
    EXPECT_NE(errorOf("height >").find("expected a value after '>' but found 'end' at character 9"),
              std::string::npos)
        << errorOf("height >");
    EXPECT_NE(errorOf("height 5 > 3").find("expected an operator"), std::string::npos);
    EXPECT_NE(errorOf("(height > 5").find("expected ')'"), std::string::npos);
    EXPECT_NE(errorOf("name = 'open").find("unclosed '"), std::string::npos);
    EXPECT_NE(errorOf("a = 1 & b = 2").find("use and, or"), std::string::npos);
    EXPECT_NE(errorOf("a = 1 b").find("unexpected 'b' at character 7"), std::string::npos)
        << errorOf("a = 1 b");
    EXPECT_NE(errorOf(std::string(200, '(') + "a=1").find("nested too deeply"), std::string::npos);
}
