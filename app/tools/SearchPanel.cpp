#include "tools/SearchPanel.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace citytwin::app {
namespace {
constexpr int kPerLayer = 20;
constexpr int kFeatureRole = Qt::UserRole;
constexpr int kLayerRole = Qt::UserRole + 1;
}  // namespace

SearchPanel::SearchPanel(QWidget* parent) : QWidget(parent) {
    _box = new QLineEdit(this);
    _box->setObjectName("searchBox");
    _box->setClearButtonEnabled(true);
    _status = new QLabel(this);
    _status->setObjectName("searchStatus");
    _results = new QTreeWidget(this);
    _results->setObjectName("searchResults");
    _results->setColumnCount(2);
    _results->header()->setStretchLastSection(false);
    _results->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    _results->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(_box);
    layout->addWidget(_status);
    layout->addWidget(_results, 1);
    connect(_box, &QLineEdit::textChanged, this, &SearchPanel::search);
    // Return in the box takes the first result; Return or a click in the list, the current one.
    connect(_box, &QLineEdit::returnPressed, this, [this] {
        if (QTreeWidgetItem* top = _results->topLevelItem(0); top && top->childCount())
            choose(top->child(0));
    });
    connect(_results, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item, int) { choose(item); });
    connect(_results, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item, int) { choose(item); });
    retranslate();
}

void SearchPanel::retranslate() {
    _box->setPlaceholderText(tr("Id or name (中文 or Latin), e.g. SH-LJZ-0042"));
    _results->setHeaderLabels({tr("Found"), tr("Field")});
    search();
}

void SearchPanel::addLayer(const QString& layerId, const QString& displayName,
                           std::shared_ptr<const geo::FeatureLayer> layer) {
    if (!layer)
        return;
    _sources.push_back({layerId, displayName, std::move(layer)});
    rebuild();
}

void SearchPanel::rebuild() {
    const quint64 generation = ++_generation;
    std::vector<std::pair<std::string, std::shared_ptr<const geo::FeatureLayer>>> layers;
    for (const auto& s : _sources)
        layers.emplace_back(s.id.toStdString(), s.layer);
    // The layers are immutable once loaded: the worker reads them through const access.
    auto* watcher = new QFutureWatcher<std::shared_ptr<const assets::NameIndex>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != _generation)
            return;  // a newer layer arrived meanwhile
        _index = watcher->result();
        search();
        emit indexReady();
    });
    watcher->setFuture(QtConcurrent::run([layers = std::move(layers)] {
        auto index = std::make_shared<assets::NameIndex>();
        for (const auto& [id, layer] : layers)
            index->addLayer(id, layer);
        return std::shared_ptr<const assets::NameIndex>(std::move(index));
    }));
}

void SearchPanel::search() {
    _results->clear();
    const QString text = _box->text().trimmed();
    if (!_index) {
        _status->setText(_sources.empty() ? tr("Nothing loaded yet") : tr("Indexing…"));
        return;
    }
    if (text.isEmpty()) {
        _status->setText(tr("%n name(s) in %1 layer(s)", "", int(_index->size()))
                             .arg(_index->layerIds().size()));
        return;
    }
    const auto matches = _index->find(text.toStdString(), kPerLayer);
    std::map<std::uint32_t, QTreeWidgetItem*> groups;
    for (const auto& m : matches) {
        QTreeWidgetItem*& group = groups[m.layer];
        if (!group) {
            const auto& id = _index->layerIds()[m.layer];
            QString name = QString::fromStdString(id);
            for (const auto& s : _sources)
                if (s.id.toStdString() == id)
                    name = s.name;
            group = new QTreeWidgetItem(_results, {name});
            group->setData(0, kLayerRole, int(m.layer));
            group->setExpanded(true);
        }
        auto* item = new QTreeWidgetItem(
            group, {QString::fromStdString(m.text), QString::fromStdString(m.field)});
        item->setData(0, kFeatureRole, quint32(m.feature));
        item->setData(0, kLayerRole, int(m.layer));
    }
    _status->setText(matches.empty() ? tr("No match")
                                     : tr("%n match(es)", "", int(matches.size())));
    if (QTreeWidgetItem* top = _results->topLevelItem(0); top && top->childCount())
        _results->setCurrentItem(top->child(0));
}

void SearchPanel::choose(QTreeWidgetItem* item) {
    if (!item || !item->parent() || !_index)
        return;
    const auto layer = std::uint32_t(item->data(0, kLayerRole).toInt());
    const quint32 feature = item->data(0, kFeatureRole).toUInt();
    const auto& id = _index->layerIds()[layer];
    for (const auto& s : _sources)
        if (s.id.toStdString() == id) {
            emit featureChosen(s.id, s.layer, feature);
            return;
        }
}

}  // namespace citytwin::app
