#pragma once
// The attribute table's filter errors in the user's language: the filter
// (assets, no Qt) reports them as codes with the tokens involved; the
// words are chosen here, through tr().

#include <QCoreApplication>
#include <QString>

#include "citytwin/assets/AttributeFilter.h"

namespace citytwin::app {

class FilterErrorText {
    Q_DECLARE_TR_FUNCTIONS(citytwin::app::FilterErrorText)

public:
    /// "expected a value after '>' but found the end at character 9".
    static QString of(const assets::AttributeFilterError& error);
};

}  // namespace citytwin::app
