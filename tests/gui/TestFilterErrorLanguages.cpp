// The attribute table's filter errors in both languages (issue 17 item 9):
// an operator types a broken expression into the real panel and reads the
// error in English, then in Chinese after switching the language, worded
// from the filter's error code and the tokens it names.

#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

#include "citytwin/assets/AttributeFilter.h"
#include "shell/Translations.h"
#include "tools/AttributeTable.h"
#include "tools/FilterErrorText.h"

using namespace citytwin;
using namespace citytwin::app;

namespace {

std::shared_ptr<const geo::FeatureLayer> twoBuildings() {
    auto layer = std::make_shared<geo::FeatureLayer>();
    layer->name = "buildings";
    layer->crs = geo::Crs::wgs84();
    for (int i = 0; i < 2; ++i) {
        geo::Feature f;
        f.id = i + 1;
        f.attributes = {{"height", std::to_string(40 + 80 * i)},
                        {"name", "tower " + std::to_string(i)}};
        layer->features.push_back(std::move(f));
    }
    return layer;
}

/// Types `text` into the filter box and waits for the rows.
QString errorAfterTyping(AttributeTablePanel& panel, const QString& text) {
    panel.filterEdit()->clear();
    QTest::keyClicks(panel.filterEdit(), text);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !panel.isBusy(); }, 30000));
    return panel.filterError();
}

assets::AttributeFilterError errorOf(const char* text) {
    assets::AttributeFilterError e;
    EXPECT_FALSE(assets::AttributeFilter::parse(text, &e).ok()) << text;
    return e;
}

struct English {
    ~English() { installTranslators(*qApp, "en"); }
};

}  // namespace

TEST(FilterErrorLanguages, theFilterReportsItsErrorAsACodeWithTheTokens) {
    const auto value = errorOf("height >");
    EXPECT_EQ(value.code, assets::AttributeFilterError::Code::ExpectedValue);
    EXPECT_EQ(value.at, 9u);
    EXPECT_EQ(value.context, ">");
    EXPECT_EQ(value.token, "") << "the end of the text";
    // The English message of the diagnostic is unchanged.
    EXPECT_EQ(value.message(), "expected a value after '>' but found 'end' at character 9");
    const auto close = errorOf("(height > 1 name");
    EXPECT_EQ(close.code, assets::AttributeFilterError::Code::ExpectedClose);
    EXPECT_EQ(close.token, "name");
    const auto amp = errorOf("a = 1 & b = 2");
    EXPECT_EQ(amp.code, assets::AttributeFilterError::Code::NotAnOperator);
    EXPECT_EQ(amp.token, "&");
}

TEST(FilterErrorLanguages, aBrokenExpressionIsExplainedInEnglishThenInChinese) {
    English restore;
    ASSERT_EQ(installTranslators(*qApp, "en"), "en");
    AttributeTablePanel panel;
    panel.resize(700, 300);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    panel.showLayer("buildings", "buildings", twoBuildings());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel.isBusy(); }, 30000));

    EXPECT_EQ(errorAfterTyping(panel, "height >"),
              "expected a value after '>' but found the end at character 9");
    auto* label = panel.findChild<QLabel*>("attributeFilterError");
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->isVisible());

    // The language switched as the window does it: the shown error is worded again.
    ASSERT_EQ(installTranslators(*qApp, "zh_CN"), "zh_CN");
    panel.retranslate();
    EXPECT_EQ(panel.filterError(),
              QString::fromUtf8("“>”之后应为值，却是 表达式末尾（第 9 个字符处）"));
    EXPECT_EQ(errorAfterTyping(panel, "(height > 1 name"),
              QString::fromUtf8("应为“)”，却是 “name”（第 13 个字符处）"));
    EXPECT_EQ(errorAfterTyping(panel, "height = 1 | name ~ a"),
              QString::fromUtf8("“|” 不是运算符（请用 and、or）（第 12 个字符处）"));
    // A token holding %2 is shown as typed, in either language.
    EXPECT_EQ(errorAfterTyping(panel, "a = 1 %2"),
              QString::fromUtf8("意外的 “%2”（第 7 个字符处）"));

    // A good expression clears the error; the rows are filtered.
    EXPECT_EQ(errorAfterTyping(panel, "height > 100"), QString());
    EXPECT_FALSE(label->isVisible());
    EXPECT_EQ(panel.model()->rowCount(), 1);

    ASSERT_EQ(installTranslators(*qApp, "en"), "en");
    EXPECT_EQ(errorAfterTyping(panel, "height = 1 | name ~ a"),
              "'|' is not an operator (use and, or) at character 12");
}

TEST(FilterErrorLanguages, everyErrorCodeHasAChineseWording) {
    English restore;
    ASSERT_EQ(installTranslators(*qApp, "zh_CN"), "zh_CN");
    for (const char* broken :
         {"a = 'x", "a = 1 & b = 2", "a = 1 b",
          "a = 1 and ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((b = 1",
          "(a = 1", "= 1", "a 1 = 2", "a ! 1", "a ="}) {
        assets::AttributeFilterError e;
        ASSERT_FALSE(assets::AttributeFilter::parse(broken, &e).ok()) << broken;
        const QString zh = FilterErrorText::of(e);
        EXPECT_TRUE(zh.contains(QString::fromUtf8("个字符处")))
            << broken << ": " << zh.toStdString();
        EXPECT_FALSE(zh.contains("character")) << broken << ": " << zh.toStdString();
        EXPECT_FALSE(zh.contains("expected")) << broken << ": " << zh.toStdString();
    }
}
