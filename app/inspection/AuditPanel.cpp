#include "inspection/AuditPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "citytwin/assets/AssetDisplayNames.h"
#include "inspection/FindingPresentation.h"

namespace citytwin::app {
namespace {
enum Column { kRule, kSeverity, kLayer, kAsset, kDays, kDetail, kArticle, kMessage, kColumns };

QTableWidgetItem* textItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

/// Sorts by the rank in Qt::UserRole (severity: violation > warning > advice).
class RankedItem : public QTableWidgetItem {
public:
    RankedItem(const QString& text, int rank) : QTableWidgetItem(text) {
        setData(Qt::UserRole, rank);
        setFlags(flags() & ~Qt::ItemIsEditable);
    }
    bool operator<(const QTableWidgetItem& other) const override {
        return data(Qt::UserRole).toInt() < other.data(Qt::UserRole).toInt();
    }
};
}  // namespace

QString layerText(const std::string& layer) {
    const assets::DisplayName name = assets::layerDisplayName(layer);
    return QString::fromStdString(uiIsChinese() ? name.zh : name.en);
}

QString hostTypeText(std::string_view id) {
    const auto name = assets::hostTypeDisplayName(id);
    if (!name)
        return QString::fromUtf8(id.data(), qsizetype(id.size()));
    return QString::fromStdString(uiIsChinese() ? name->zh : name->en);
}

AuditPanel::AuditPanel(QWidget* parent) : QWidget(parent) {
    setObjectName("auditPanel");
    _summary = new QLabel(this);
    _summary->setObjectName("auditSummary");
    _table = new QTableWidget(0, kColumns, this);
    _table->setObjectName("auditTable");
    _table->setSelectionBehavior(QAbstractItemView::SelectRows);
    _table->setSelectionMode(QAbstractItemView::SingleSelection);
    _table->verticalHeader()->setVisible(false);
    _table->horizontalHeader()->setStretchLastSection(true);
    _table->setSortingEnabled(true);
    connect(_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row < 0)
            return;
        if (QTableWidgetItem* item = _table->item(row, kRule))
            emit findingSelected(item->data(Qt::UserRole).toInt());
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(_summary);
    layout->addWidget(_table, 1);
    retranslate();
}

void AuditPanel::showAudit(assets::IsoDate date, const std::vector<assets::Finding>& findings,
                           const assets::RuleSet& rules, const FeatureNamer& namer) {
    _date = date;
    _findings = findings;
    // Sorting while filling would move rows under the loop's feet.
    _table->setSortingEnabled(false);
    _table->clearContents();
    _table->setRowCount(int(findings.size()));
    for (int row = 0; row < int(findings.size()); ++row) {
        const auto& f = findings[std::size_t(row)];
        auto* rule = textItem(QString::fromStdString(f.rule));
        rule->setData(Qt::UserRole, row);
        rule->setIcon(severityIcon(f.severity));
        _table->setItem(row, kRule, rule);
        auto* severity = new RankedItem(severityText(f.severity), int(f.severity));
        severity->setForeground(severityColour(f.severity));
        _table->setItem(row, kSeverity, severity);
        const bool hasAsset = !f.related.empty();
        // The asset by kind, name and operator where the project has them.
        QString kind, asset;
        if (hasAsset) {
            const auto& r = f.related[0];
            const assets::FeatureDescription d =
                namer ? namer(r.layer, r.id)
                      : assets::FeatureDescription{assets::layerDisplayName(r.layer)};
            kind = localName(d.kind);
            asset = featureText(d, r.id);
        }
        auto* layer = textItem(kind);
        if (hasAsset)
            layer->setToolTip(layerText(f.related[0].layer));
        _table->setItem(row, kLayer, layer);
        auto* assetItem = textItem(asset);
        assetItem->setToolTip(asset);
        _table->setItem(row, kAsset, assetItem);
        auto* days = textItem(QString());
        if (const auto maybeDays = daysOverdue(f, rules))
            days->setData(Qt::DisplayRole, qlonglong(*maybeDays));
        _table->setItem(row, kDays, days);
        _table->setItem(row, kDetail, textItem(findingDetail(f, rules)));
        auto* article = textItem(QString::fromStdString(f.article));
        article->setToolTip(QString::fromStdString(f.article));
        _table->setItem(row, kArticle, article);
        auto* message = textItem(localMessage(f));
        message->setToolTip(localMessage(f));
        _table->setItem(row, kMessage, message);
    }
    _table->setSortingEnabled(true);
    retranslate();
    // Sized to their content; the message (last) takes the rest.
    _table->resizeColumnsToContents();
}

void AuditPanel::clear() {
    _findings.clear();
    _table->setRowCount(0);
    retranslate();
}

void AuditPanel::retranslate() {
    _table->setHorizontalHeaderLabels({tr("Rule"), tr("Severity"), tr("Kind"), tr("Asset"),
                                       tr("Days overdue"), tr("Detail"), tr("Article"),
                                       tr("Message")});
    if (_findings.empty() && _table->rowCount() == 0)
        _summary->setText(tr("No audit run yet (Inspect → Audit…)."));
    else
        _summary->setText(tr("Audit at %1: %n finding(s)", "", int(_findings.size()))
                              .arg(QString::fromStdString(_date.toString())));
}

}  // namespace citytwin::app
