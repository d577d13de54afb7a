// geo::Result's propagation helpers: failedFrom and CITYTWIN_RETURN_IF_FAILED.

#include <gtest/gtest.h>

#include <string>

#include "citytwin/geo/Result.h"

namespace citytwin::geo {
namespace {

Result<int> failingInt() {
    Result<int> r = Result<int>::failure("cannot count", "in.csv", 3, "count");
    r.addDiagnostic(makeWarning("column renamed", "in.csv", 1, "name"));
    return r;
}

Result<std::string> describe(const Result<int>& number, int& reachedEnd) {
    CITYTWIN_RETURN_IF_FAILED(number);
    ++reachedEnd;
    return std::to_string(number.value());
}

TEST(TestResult, FailedFromCarriesEveryDiagnostic) {
    const Result<std::string> failed = failedFrom(failingInt());
    EXPECT_FALSE(failed.ok());
    ASSERT_EQ(failed.diagnostics().size(), 2u);
    EXPECT_EQ(failed.diagnostics()[0].severity, Severity::Error);
    EXPECT_EQ(failed.diagnostics()[0].message, "cannot count");
    EXPECT_EQ(failed.diagnostics()[0].source, "in.csv");
    EXPECT_EQ(failed.diagnostics()[0].line, 3);
    EXPECT_EQ(failed.diagnostics()[0].field, "count");
    EXPECT_EQ(failed.diagnostics()[1].severity, Severity::Warning);
    EXPECT_EQ(failed.diagnostics()[1].message, "column renamed");
    EXPECT_EQ(failed.messages(), failingInt().messages());
}

TEST(TestResult, FailureWithoutAnErrorGetsOne) {
    Result<int> onlyWarnings;  // no value: failed, but says nothing about why
    onlyWarnings.addDiagnostic(makeWarning("odd header"));
    const Status failed = failedFrom(onlyWarnings);
    EXPECT_FALSE(failed.ok());
    EXPECT_TRUE(failed.hasErrors());
    ASSERT_EQ(failed.diagnostics().size(), 2u);
    EXPECT_EQ(failed.diagnostics()[0].message, "odd header");
    EXPECT_EQ(failed.diagnostics()[1].severity, Severity::Error);
    EXPECT_EQ(failed.diagnostics()[1].message, "failed without a reason");

    const Status empty = Failure{};
    EXPECT_FALSE(empty.ok());
    EXPECT_TRUE(empty.hasErrors());
}

TEST(TestResult, ReturnIfFailedReturnsEarlyWithTheDiagnostics) {
    int reachedEnd = 0;
    const auto failed = describe(failingInt(), reachedEnd);
    EXPECT_EQ(reachedEnd, 0);
    EXPECT_FALSE(failed.ok());
    ASSERT_EQ(failed.diagnostics().size(), 2u);
    EXPECT_EQ(failed.diagnostics()[0].message, "cannot count");

    const auto ok = describe(Result<int>(42), reachedEnd);
    EXPECT_EQ(reachedEnd, 1);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok.value(), "42");
    EXPECT_TRUE(ok.diagnostics().empty());
}

TEST(TestResult, ReturnIfFailedEvaluatesItsExpressionOnce) {
    int calls = 0;
    const auto once = [&]() -> Status {
        const auto counted = [&]() -> Result<int> {
            ++calls;
            return 1;
        };
        CITYTWIN_RETURN_IF_FAILED(counted());
        return Done{};
    };
    EXPECT_TRUE(once().ok());
    EXPECT_EQ(calls, 1);
}

TEST(TestResultDeathTest, ValueOfAFailureAbortsNamingItsDiagnostics) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    const Result<int> failed = failingInt();
    EXPECT_DEATH((void)failed.value(), "value\\(\\) of a failed Result");
    EXPECT_DEATH((void)failed.value(), "in\\.csv:3: error: count: cannot count");
    Result<int> mutableFailed = failingInt();
    EXPECT_DEATH((void)*mutableFailed, "value\\(\\) of a failed Result");
}

}  // namespace
}  // namespace citytwin::geo
