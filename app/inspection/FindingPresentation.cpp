#include "inspection/FindingPresentation.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QRegularExpression>

#include <algorithm>

namespace citytwin::app {

bool uiIsChinese() {
    return QLocale().language() == QLocale::Chinese;
}

QString localMessage(const assets::Finding& f) {
    return QString::fromStdString(uiIsChinese() ? f.messageZh : f.messageEn);
}

QString localName(const assets::DisplayName& name) {
    return QString::fromStdString(uiIsChinese() ? name.zh : name.en);
}

QString featureText(const assets::FeatureDescription& d, const std::string& id) {
    QString text = QString::fromStdString(d.name.empty() ? id : d.name + " (" + id + ")");
    if (!d.operatorName.empty())
        text += QStringLiteral(" · ") + localName(assets::operatorDisplayName(d.operatorName));
    return text;
}

QString severityText(assets::RuleSeverity s) {
    switch (s) {
        case assets::RuleSeverity::Advice:
            return QCoreApplication::translate("Inspection", "advice");
        case assets::RuleSeverity::Warning:
            return QCoreApplication::translate("Inspection", "warning");
        case assets::RuleSeverity::Violation:
            return QCoreApplication::translate("Inspection", "violation");
    }
    return {};
}

QColor severityColour(assets::RuleSeverity s) {
    switch (s) {
        case assets::RuleSeverity::Advice:
            return QColor(31, 95, 168);
        case assets::RuleSeverity::Warning:
            return QColor(200, 130, 0);
        case assets::RuleSeverity::Violation:
            return QColor(190, 0, 32);
    }
    return Qt::gray;
}

QIcon severityIcon(assets::RuleSeverity s) {
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(severityColour(s));
    p.setPen(Qt::NoPen);
    p.drawEllipse(1, 1, 12, 12);
    return QIcon(pixmap);
}

std::map<std::string, std::string> templateValues(const std::string& messageTemplate,
                                                  const std::string& message) {
    // "{days} days past" -> "(?<days>.*?) days past", anchored.
    // "{days|day|days}" (a plural choice) -> "(?:day|days)", matching either.
    static const QRegularExpression placeholder(
        QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)(?:\\|([^|}]*)\\|([^}]*))?\\}"));
    const QString tmpl = QString::fromStdString(messageTemplate);
    QString pattern = QStringLiteral("^");
    std::vector<QString> names;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(tmpl); it.hasNext();) {
        const auto m = it.next();
        pattern += QRegularExpression::escape(tmpl.mid(last, m.capturedStart() - last));
        const QString name = m.captured(1);
        if (m.capturedStart(2) >= 0) {
            pattern += QStringLiteral("(?:%1|%2)")
                           .arg(QRegularExpression::escape(m.captured(2)),
                                QRegularExpression::escape(m.captured(3)));
            last = m.capturedEnd();
            continue;
        }
        // A name used twice must match the same text: a back-reference.
        const auto seen = std::find(names.begin(), names.end(), name);
        if (seen == names.end()) {
            pattern += QStringLiteral("(.*?)");
            names.push_back(name);
        } else {
            pattern += QStringLiteral("\\%1").arg(seen - names.begin() + 1);
        }
        last = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(tmpl.mid(last)) + QStringLiteral("$");
    const QRegularExpression re(pattern, QRegularExpression::DotMatchesEverythingOption);
    const auto match = re.match(QString::fromStdString(message));
    std::map<std::string, std::string> out;
    if (!match.hasMatch())
        return out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out[names[i].toStdString()] = match.captured(int(i) + 1).toStdString();
    return out;
}

namespace {
std::map<std::string, std::string> valuesOf(const assets::Finding& f,
                                            const assets::RuleSet& rules) {
    const auto it = rules.rules.find(f.rule);
    if (it == rules.rules.end())
        return {};
    return templateValues(it->second.messageEn, f.messageEn);
}
}  // namespace

std::optional<long> daysOverdue(const assets::Finding& f, const assets::RuleSet& rules) {
    const auto values = valuesOf(f, rules);
    const auto it = values.find("days");
    if (it == values.end())
        return std::nullopt;
    bool ok = false;
    const long days = QString::fromStdString(it->second).toLong(&ok);
    return ok ? std::optional<long>(days) : std::nullopt;
}

QString findingDetail(const assets::Finding& f, const assets::RuleSet& rules) {
    QStringList parts;
    for (const auto& [name, value] : valuesOf(f, rules)) {
        // The id and days have their own columns; counts say nothing per row.
        if (name == "id" || name == "days" || name == "count")
            continue;
        parts << QString::fromStdString(name + ": " + value);
    }
    // Further related items (e.g. SH-17's nearest active site) after the asset itself.
    for (std::size_t i = 1; i < f.related.size(); ++i)
        parts << QStringLiteral("%1 %2 (%3 m)")
                     .arg(QString::fromStdString(f.related[i].layer),
                          QString::fromStdString(f.related[i].id),
                          QString::fromStdString(assets::formatMetres(f.related[i].distanceM)));
    return parts.join(QStringLiteral("; "));
}

}  // namespace citytwin::app
