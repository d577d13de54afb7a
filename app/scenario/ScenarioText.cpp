#include "scenario/ScenarioText.h"

#include <QCoreApplication>
#include <QLocale>

namespace citytwin::app {

QString eventKindText(assets::LogEventKind kind) {
    using K = assets::LogEventKind;
    // lupdate files these strings under the namespace: the same context here.
    auto tr = [](const char* s) { return QCoreApplication::translate("citytwin::app", s); };
    switch (kind) {
        case K::ScenarioStart:
            return tr("Scenario start");
        case K::CableDown:
            return tr("Cable down");
        case K::CableUp:
            return tr("Cable repaired");
        case K::SiteDown:
            return tr("Site out of service");
        case K::SiteUp:
            return tr("Site back in service");
        case K::PowerLost:
            return tr("Site on battery");
        case K::BackhaulLost:
            return tr("Backhaul lost");
        case K::BackhaulRestored:
            return tr("Backhaul restored");
        case K::CoverageLost:
            return tr("Coverage lost");
        case K::CoverageRestored:
            return tr("Coverage restored");
        case K::ZoneEntered:
            return tr("Protection zone entered");
        case K::ZoneLeft:
            return tr("Protection zone left");
        case K::AnchoringInZone:
            return tr("Anchoring in a submarine zone");
        case K::Interference:
            return tr("Interference");
        case K::InterferenceEnded:
            return tr("Interference ended");
        case K::TyphoonExposure:
            return tr("Typhoon exposure");
        case K::SensorFault:
            return tr("Sensor fault");
        case K::SensorRestored:
            return tr("Sensor restored");
        case K::SensorReading:
            return tr("Sensor reading");
        case K::ScenarioEnd:
            return tr("Scenario end");
    }
    return QString::fromUtf8(assets::toString(kind).data(),
                             qsizetype(assets::toString(kind).size()));
}

int affectedCount(const assets::LogEntry& entry) {
    return std::max<int>(1, int(entry.related.size()));
}

QString articleText(const assets::LogEntry& entry, const assets::RuleSet& rules) {
    std::vector<std::string> codes = entry.rules;
    if (codes.empty() && !entry.rule.empty())
        codes.push_back(entry.rule);
    QStringList parts;
    for (const auto& code : codes) {
        const assets::RuleDefinition* rule = rules.find(code);
        parts << (rule && !rule->article.empty()
                      ? QStringLiteral("%1 — %2").arg(QString::fromStdString(code),
                                                      QString::fromStdString(rule->article))
                      : QString::fromStdString(code));
    }
    return parts.join(QStringLiteral("; "));
}

QString scenarioName(const QString& zh, const QString& en) {
    const bool chinese = QLocale().language() == QLocale::Chinese;
    if (chinese && !zh.isEmpty())
        return zh;
    return en.isEmpty() ? zh : en;
}

}  // namespace citytwin::app
