#pragma once
// How a finding reads in the GUI: its message in the UI language, its
// severity as words, colour and icon, and the values its message template
// was filled with (the audit table's "days overdue" and detail columns).

#include <QColor>
#include <QIcon>
#include <QString>

#include <map>
#include <optional>
#include <string>

#include "citytwin/assets/AssetDisplayNames.h"
#include "citytwin/assets/Finding.h"
#include "citytwin/assets/RuleSet.h"

namespace citytwin::app {

/// True when the UI speaks Chinese (the default QLocale, set with the translators).
bool uiIsChinese();

/// The finding's message in the UI language (zh when the UI is Chinese, else en).
/// A layer's display name in the UI's language ("Base station" / "基站").
QString layerText(const std::string& layer);
/// A host-type id's display name in the UI's language ("Integrated road pole" / "道路综合杆").
QString hostTypeText(std::string_view id);
QString localMessage(const assets::Finding& finding);
/// A display name in the UI's language.
QString localName(const assets::DisplayName& name);
/// A related feature for a list: "Lujiazui E Rd lamp 12 (PF-0012) · China
/// Mobile", the id alone where the project names nothing.
QString featureText(const assets::FeatureDescription& d, const std::string& id);

QString severityText(assets::RuleSeverity severity);
QColor severityColour(assets::RuleSeverity severity);
/// A filled circle in the severity's colour.
QIcon severityIcon(assets::RuleSeverity severity);

/// The "{name}" values a filled message holds, found by matching it against
/// its template; empty if it does not match (e.g. a rules file changed since).
std::map<std::string, std::string> templateValues(const std::string& messageTemplate,
                                                  const std::string& message);

/// An audit finding's overdue days ({days}), if its message gives a number.
std::optional<long> daysOverdue(const assets::Finding& finding, const assets::RuleSet& rules);

/// "name: value; ..." of the template values that the table shows nowhere else.
QString findingDetail(const assets::Finding& finding, const assets::RuleSet& rules);

}  // namespace citytwin::app
