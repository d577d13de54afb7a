#include "scenario/WhatIfPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace citytwin::app {

WhatIfPanel::WhatIfPanel(QWidget* parent) : QWidget(parent) {
    setObjectName("whatIfPanel");
    auto* column = new QVBoxLayout(this);
    _title = new QLabel(this);
    _title->setObjectName("whatIfTitle");
    _title->setWordWrap(true);
    QFont bold = _title->font();
    bold.setBold(true);
    _title->setFont(bold);
    _summary = new QLabel(this);
    _summary->setObjectName("whatIfSummary");
    _summary->setWordWrap(true);
    _summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    _summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* buttons = new QHBoxLayout;
    _save = new QPushButton(this);
    _save->setObjectName("whatIfSave");
    _clear = new QPushButton(this);
    _clear->setObjectName("whatIfClear");
    buttons->addWidget(_save);
    buttons->addWidget(_clear);
    buttons->addStretch(1);
    column->addWidget(_title);
    column->addWidget(_summary, 1);
    column->addLayout(buttons);
    connect(_save, &QPushButton::clicked, this, &WhatIfPanel::saveRequested);
    connect(_clear, &QPushButton::clicked, this, &WhatIfPanel::clearRequested);
    retranslate();
    clearImpact();
}

void WhatIfPanel::retranslate() {
    _save->setText(tr("Save as scenario…"));
    _clear->setText(tr("Clear"));
    if (_summary->text().isEmpty())
        _title->setText(tr("Right-click a cable or a site in the map to simulate its failure."));
}

void WhatIfPanel::clearImpact() {
    _summary->clear();
    _save->setEnabled(false);
    _clear->setEnabled(false);
    retranslate();
}

void WhatIfPanel::showImpact(const QString& what, const assets::ImpactSummary& impact,
                             double elapsedMs) {
    _title->setText(what);
    QString html = QStringLiteral("<p>") +
                   tr("Sites losing backhaul: <b>%1</b>").arg(impact.sitesLost.size()) +
                   QStringLiteral("</p>");
    if (!impact.sitesLostByOperator.empty()) {
        html += QStringLiteral("<ul>");
        for (const auto& [op, n] : impact.sitesLostByOperator)
            html += QStringLiteral("<li>%1: %2</li>")
                        .arg(QString::fromStdString(op).toHtmlEscaped())
                        .arg(n);
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<p>") +
            tr("Kept by a redundant path: %1").arg(impact.sitesKeptByRedundancy.size()) +
            QStringLiteral("</p><p>") +
            tr("Coverage lost: <b>%1 km²</b>").arg(impact.coverage.areaKm2, 0, 'f', 3) +
            QStringLiteral("</p>");
    QStringList lost;
    for (const auto& s : impact.sitesLost)
        lost << QString::fromStdString(s).toHtmlEscaped();
    if (!lost.isEmpty())
        html += QStringLiteral("<p>") + tr("Sites: %1").arg(lost.join(QStringLiteral(", "))) +
                QStringLiteral("</p>");
    html += QStringLiteral("<p><small>") + tr("Computed in %1 ms").arg(elapsedMs, 0, 'f', 1) +
            QStringLiteral("</small></p>");
    _summary->setText(html);
    _save->setEnabled(true);
    _clear->setEnabled(true);
}

}  // namespace citytwin::app
