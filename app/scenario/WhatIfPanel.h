#pragma once
// The what-if result card: what a simulated cut or outage costs against the
// healthy network: sites losing backhaul (in total and per operator), sites
// kept by a redundant path, the area no serving site covers any more, and
// how long the analysis took. Save as scenario… and Clear below it.

#include <QWidget>

#include "citytwin/assets/network/ImpactAnalyzer.h"

class QLabel;
class QPushButton;

namespace citytwin::app {

class WhatIfPanel : public QWidget {
    Q_OBJECT
public:
    explicit WhatIfPanel(QWidget* parent = nullptr);

    /// `what`: the failure simulated ("Cut of SYN-CB-3 at 420 m").
    void showImpact(const QString& what, const assets::ImpactSummary& impact, double elapsedMs);
    void clearImpact();
    QLabel* summaryLabel() const { return _summary; }
    QPushButton* saveButton() const { return _save; }

    void retranslate();

signals:
    void saveRequested();
    void clearRequested();

private:
    QLabel* _title = nullptr;
    QLabel* _summary = nullptr;
    QPushButton* _save = nullptr;
    QPushButton* _clear = nullptr;
};

}  // namespace citytwin::app
