// Numbers read from attribute values (filters, colour bands): what counts
// as a number and what does not.

#include <gtest/gtest.h>

#include "citytwin/geo/Feature.h"

using citytwin::geo::attributeNumber;

TEST(AttributeNumber, readsWrittenNumbersWithSpacesAndASign) {
    EXPECT_EQ(attributeNumber("42"), 42.0);
    EXPECT_EQ(attributeNumber(" 3.5 "), 3.5);
    EXPECT_EQ(attributeNumber("+7"), 7.0);
    EXPECT_EQ(attributeNumber("-0.25"), -0.25);
    EXPECT_EQ(attributeNumber("1e3"), 1000.0);
}

TEST(AttributeNumber, refusesTextUnitsEmptyAndNonFinite) {
    for (const char* bad : {"", " ", "+", "many", "20 m", "3,5", "1.2.3", "inf", "nan", "1e999"})
        EXPECT_FALSE(attributeNumber(bad)) << '"' << bad << '"';
}
