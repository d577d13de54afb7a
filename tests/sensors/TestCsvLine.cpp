// The CSV line reader behind the sensor registry and file ingest (private).

#include <gtest/gtest.h>

#include "CsvLine.h"

namespace citytwin::sensors::detail {
namespace {

using Fields = std::vector<std::string>;

TEST(TestCsvLine, SplitsPlainFieldsAndTrimsThem) {
    EXPECT_EQ(splitCsvLine("a,b,c"), Fields({"a", "b", "c"}));
    EXPECT_EQ(splitCsvLine(" a ,\tb\t, c\r"), Fields({"a", "b", "c"}));
    EXPECT_EQ(splitCsvLine("a,,"), Fields({"a", "", ""}));
    EXPECT_EQ(splitCsvLine(""), Fields({""}));
    EXPECT_EQ(splitCsvLine("传感器,温度"), Fields({"传感器", "温度"}));
}

TEST(TestCsvLine, QuotedFieldsKeepCommasSpacesAndDoubledQuotes) {
    EXPECT_EQ(splitCsvLine(R"("a,b",c)"), Fields({"a,b", "c"}));
    EXPECT_EQ(splitCsvLine(R"(" padded ",x)"), Fields({" padded ", "x"}));
    EXPECT_EQ(splitCsvLine(R"("say ""hi""",2)"), Fields({R"(say "hi")", "2"}));
    EXPECT_EQ(splitCsvLine(R"("",x)"), Fields({"", "x"}));
    // Text after a closing quote joins the field, as lenient readers do.
    EXPECT_EQ(splitCsvLine(R"("ab"cd,e)"), Fields({"abcd", "e"}));
}

TEST(TestCsvLine, AnUnclosedQuoteIsRefused) {
    EXPECT_FALSE(splitCsvLine(R"("open,b)").has_value());
    EXPECT_FALSE(splitCsvLine(R"(a,"b)").has_value());
    EXPECT_FALSE(splitCsvLine(R"(a,"b"")").has_value());
}

TEST(TestCsvLine, TrimStripsOnlySpacesTabsAndCarriageReturns) {
    EXPECT_EQ(trim("  x y\t\r"), "x y");
    EXPECT_EQ(trim("\r\r"), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim("\nx"), "\nx");
}

TEST(TestCsvLine, ParseDoubleTakesWholeFiniteNumbersOnly) {
    EXPECT_EQ(parseDouble("1.5"), 1.5);
    EXPECT_EQ(parseDouble(" -2e3 "), -2000.0);
    EXPECT_EQ(parseDouble("0"), 0.0);
    EXPECT_FALSE(parseDouble("").has_value());
    EXPECT_FALSE(parseDouble("   ").has_value());
    EXPECT_FALSE(parseDouble("1.5x").has_value());
    EXPECT_FALSE(parseDouble("121,5").has_value());
    EXPECT_FALSE(parseDouble("nan").has_value());
    EXPECT_FALSE(parseDouble("inf").has_value());
    EXPECT_FALSE(parseDouble("1e999").has_value());
}

}  // namespace
}  // namespace citytwin::sensors::detail
