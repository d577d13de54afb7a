#include "inspection/FindingsPanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "citytwin/render/InspectionOverlayBuilder.h"
#include "inspection/FindingPresentation.h"

#include <algorithm>

namespace citytwin::app {
namespace {
constexpr int kFindingRole = Qt::UserRole;
constexpr int kRelatedRole = Qt::UserRole + 1;
}  // namespace

FindingsPanel::FindingsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName("findingsPanel");
    auto* form = new QFormLayout;
    _operatorLabel = new QLabel(this);
    _operator = new QComboBox(this);
    _operator->setObjectName("operatorCombo");
    _operator->setEditable(true);
    _hostTypeLabel = new QLabel(this);
    _hostType = new QComboBox(this);
    _hostType->setObjectName("hostTypeCombo");
    _hostType->addItem(QString());  // unknown: the rules treat it as stand-alone
    // Shown by display name, kept by id (the rules' host_type values).
    for (const auto name : assets::hostTypeNames())
        _hostType->addItem(hostTypeText(name),
                           QString::fromUtf8(name.data(), qsizetype(name.size())));
    form->addRow(_operatorLabel, _operator);
    form->addRow(_hostTypeLabel, _hostType);

    // Read-only text rather than a label: the lines are long, and inspectors
    // copy coordinates into letters and other tools.
    _where = new QPlainTextEdit(this);
    _where->setObjectName("checkedCoordinates");
    _where->setReadOnly(true);
    _where->setLineWrapMode(QPlainTextEdit::NoWrap);
    _where->setMaximumHeight(_where->fontMetrics().lineSpacing() * 6 + 12);
    _detail = new QPlainTextEdit(this);
    _detail->setObjectName("findingText");
    _detail->setReadOnly(true);
    _detail->setMaximumHeight(_detail->fontMetrics().lineSpacing() * 7 + 12);

    _tree = new QTreeWidget(this);
    _tree->setObjectName("findingsTree");
    _tree->setColumnCount(3);
    _tree->setUniformRowHeights(false);
    _tree->setWordWrap(true);
    _tree->header()->setStretchLastSection(true);
    connect(_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { onCurrentItemChanged(item); });

    _clear = new QPushButton(this);
    _clear->setObjectName("clearFindings");
    connect(_clear, &QPushButton::clicked, this, &FindingsPanel::clearRequested);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(_where);
    layout->addWidget(_tree, 1);
    layout->addWidget(_detail);
    layout->addWidget(_clear);
    retranslate();
}

void FindingsPanel::setOperators(const QStringList& operators) {
    const QString current = _operator->currentText();
    _operator->clear();
    _operator->addItems(operators);
    _operator->setCurrentText(current);
}

QString FindingsPanel::operatorName() const {
    return _operator->currentText().trimmed();
}

std::optional<assets::HostType> FindingsPanel::maybeHostType() const {
    return assets::parseHostType(_hostType->currentData().toString().toStdString());
}

void FindingsPanel::setHostType(std::optional<assets::HostType> maybeHostType) {
    if (!maybeHostType) {
        _hostType->setCurrentIndex(0);
        return;
    }
    const auto name = assets::toString(*maybeHostType);
    _hostType->setCurrentIndex(
        _hostType->findData(QString::fromUtf8(name.data(), qsizetype(name.size()))));
}

void FindingsPanel::showFindings(const QString& what, const QStringList& where,
                                 const std::vector<assets::Finding>& findings) {
    // Filling must not look like a user's selection (which flies the camera).
    const QSignalBlocker blocker(_tree);
    _tree->clear();
    _findings = findings;
    _what = what + QStringLiteral(" — ") + tr("%n finding(s)", "", int(findings.size()));
    _whereLines = where;
    showSummary();
    _detail->clear();
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const auto& f = findings[i];
        auto* row = new QTreeWidgetItem(_tree);
        row->setIcon(0, severityIcon(f.severity));
        row->setText(0, QString::fromStdString(f.rule));
        row->setText(1, QString::fromStdString(f.article));
        row->setToolTip(1, QString::fromStdString(f.article));
        row->setText(2, localMessage(f));
        row->setToolTip(0, severityText(f.severity));
        row->setToolTip(2, severityText(f.severity) + ": " + localMessage(f));
        // The code in its rule's colour: the colour of its circle and markers in the view.
        const osg::Vec4 c = render::colourForRule(f.rule);
        row->setForeground(0, QColor::fromRgbF(c.r(), c.g(), c.b()));
        row->setData(0, kFindingRole, int(i));
        row->setData(0, kRelatedRole, -1);
        for (std::size_t j = 0; j < f.related.size(); ++j) {
            const auto& r = f.related[j];
            auto* child = new QTreeWidgetItem(row);
            // Kind, name and operator where the project has them:
            // "Street-lamp pole | Lujiazui E Rd lamp 12 (PF-0012) · China Mobile".
            const assets::FeatureDescription d =
                _featureNamer ? _featureNamer(r.layer, r.id)
                              : assets::FeatureDescription{assets::layerDisplayName(r.layer)};
            child->setText(0, localName(d.kind));
            child->setToolTip(0, layerText(r.layer));
            child->setText(1, featureText(d, r.id));
            child->setToolTip(1, featureText(d, r.id));
            child->setText(
                2, tr("%1 m").arg(QString::fromStdString(assets::formatMetres(r.distanceM))));
            child->setData(0, kFindingRole, int(i));
            child->setData(0, kRelatedRole, int(j));
        }
    }
    // Sized to their content (the tree expanded so children count); the
    // message (last) takes the rest.
    _tree->expandAll();
    for (int c = 0; c < _tree->columnCount() - 1; ++c)
        _tree->resizeColumnToContents(c);
}

void FindingsPanel::clear() {
    _tree->clear();
    _findings.clear();
    _what.clear();
    _whereLines.clear();
    _detail->clear();
    showSummary();
}

void FindingsPanel::showError(const QString& message) {
    clear();
    _what = tr("The check could not run: %1").arg(message);
    showSummary();
}

QStringList FindingsPanel::ruleCodes() const {
    QStringList codes;
    for (int i = 0; i < _tree->topLevelItemCount(); ++i)
        codes << _tree->topLevelItem(i)->text(0);
    return codes;
}

void FindingsPanel::showSummary() {
    const QString what =
        _what.isEmpty() ? tr("Use Inspect → Check site or Check works area.") : _what;
    _where->setPlainText(_whereLines.isEmpty() ? what : what + '\n' + _whereLines.join('\n'));
}

void FindingsPanel::onCurrentItemChanged(QTreeWidgetItem* item) {
    if (!item)
        return;
    const int related = item->data(0, kRelatedRole).toInt();
    const int finding = item->data(0, kFindingRole).toInt();
    if (finding >= 0 && finding < int(_findings.size())) {
        const auto& f = _findings[std::size_t(finding)];
        _detail->setPlainText(QStringLiteral("[%1] %2 — %3\n%4")
                                  .arg(severityText(f.severity), QString::fromStdString(f.rule),
                                       QString::fromStdString(f.article), localMessage(f)));
    }
    // A finding row stands for its nearest related feature.
    if (related >= 0)
        emit relatedSelected(finding, related);
    else if (finding >= 0 && finding < int(_findings.size()) && !_findings[finding].related.empty())
        emit relatedSelected(finding, 0);
}

void FindingsPanel::retranslate() {
    _operatorLabel->setText(tr("Operator"));
    _hostTypeLabel->setText(tr("Host type"));
    _hostType->setItemText(0, tr("(unknown: stand-alone)"));
    for (int i = 1; i < _hostType->count(); ++i)
        _hostType->setItemText(i, hostTypeText(_hostType->itemData(i).toString().toStdString()));
    _tree->setHeaderLabels({tr("Rule / layer"), tr("Article / id"), tr("Message / distance")});
    _clear->setText(tr("Clear findings"));
    showSummary();
}

}  // namespace citytwin::app
