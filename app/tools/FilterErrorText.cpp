#include "tools/FilterErrorText.h"

namespace citytwin::app {

QString FilterErrorText::of(const assets::AttributeFilterError& error) {
    using Code = assets::AttributeFilterError::Code;
    const QString token = QString::fromStdString(error.token);
    const QString context = QString::fromStdString(error.context);
    // The token found, quoted, or the end of the text.
    const QString found = token.isEmpty() ? tr("the end") : tr("'%1'").arg(token);
    QString what;
    switch (error.code) {
        case Code::Unclosed:
            what = tr("unclosed %1").arg(token);
            break;
        case Code::NotAnOperator:
            what = tr("%1 is not an operator (use and, or)").arg(found);
            break;
        case Code::Unexpected:
            what = tr("unexpected %1").arg(found);
            break;
        case Code::NestedTooDeeply:
            what = tr("nested too deeply");
            break;
        case Code::ExpectedClose:
            what = tr("expected ')' but found %1").arg(found);
            break;
        case Code::ExpectedField:
            what = tr("expected an attribute name but found %1").arg(found);
            break;
        case Code::ExpectedOperator:
            what = tr("expected an operator (= != < <= > >= ~) after '%1'").arg(context);
            break;
        case Code::NotAComparison:
            what = tr("%1 is not a comparison").arg(found);
            break;
        case Code::ExpectedValue:
            what = tr("expected a value after '%1' but found %2").arg(context, found);
            break;
    }
    // One pass: a token holding "%2" stays as typed.
    return tr("%1 at character %2").arg(what, QString::number(error.at));
}

}  // namespace citytwin::app
