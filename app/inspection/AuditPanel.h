#pragma once
// The audit view: one sortable table row per audit finding (rule, severity,
// layer, asset id, days overdue, detail, message); clicking a row asks to
// fly to the asset.

#include <QWidget>

#include <functional>
#include <string>
#include <vector>

#include "citytwin/assets/AssetDisplayNames.h"
#include "citytwin/assets/Finding.h"
#include "citytwin/assets/IsoDate.h"
#include "citytwin/assets/RuleSet.h"

class QLabel;
class QTableWidget;

namespace citytwin::app {

class AuditPanel : public QWidget {
    Q_OBJECT
public:
    explicit AuditPanel(QWidget* parent = nullptr);

    /// Describes an asset by (layer, id): kind, name, operator (empty: the id alone).
    using FeatureNamer =
        std::function<assets::FeatureDescription(const std::string&, const std::string&)>;
    void showAudit(assets::IsoDate date, const std::vector<assets::Finding>& findings,
                   const assets::RuleSet& rules, const FeatureNamer& namer = {});
    void clear();

    QTableWidget* table() const { return _table; }
    const std::vector<assets::Finding>& findings() const { return _findings; }

    void retranslate();

signals:
    /// The row of findings()[index] was clicked or made current.
    void findingSelected(int index);

private:
    QLabel* _summary = nullptr;
    QTableWidget* _table = nullptr;
    std::vector<assets::Finding> _findings;
    assets::IsoDate _date;
};

}  // namespace citytwin::app
