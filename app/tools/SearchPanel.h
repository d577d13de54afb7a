#pragma once
// The search dock (Ctrl+F): one box over the ids and names of every loaded
// layer (assets::NameIndex), results grouped by layer; choosing one emits
// featureChosen (the tools fly there and highlight it). The index is
// rebuilt on a worker (QtConcurrent) whenever a layer arrives; searches
// use the newest finished index, on every keystroke.

#include <QWidget>

#include <memory>
#include <vector>

#include "citytwin/assets/NameIndex.h"

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;
class QLabel;

namespace citytwin::app {

class SearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit SearchPanel(QWidget* parent = nullptr);

    /// Adds a loaded layer to the index (rebuilt off the GUI thread).
    void addLayer(const QString& layerId, const QString& displayName,
                  std::shared_ptr<const geo::FeatureLayer> layer);
    QLineEdit* box() const { return _box; }
    QTreeWidget* results() const { return _results; }
    /// Names indexed so far (the newest finished index).
    std::size_t indexedNames() const { return _index ? _index->size() : 0; }
    void retranslate();

signals:
    void featureChosen(const QString& layerId, std::shared_ptr<const geo::FeatureLayer> layer,
                       quint32 featureIndex);
    /// A rebuilt index is in use.
    void indexReady();

private:
    void search();
    void rebuild();
    void choose(QTreeWidgetItem* item);

    QLineEdit* _box = nullptr;
    QLabel* _status = nullptr;
    QTreeWidget* _results = nullptr;
    struct Source {
        QString id, name;
        std::shared_ptr<const geo::FeatureLayer> layer;
    };
    std::vector<Source> _sources;
    std::shared_ptr<const assets::NameIndex> _index;
    quint64 _generation = 0;  ///< the newest rebuild; older ones are dropped
};

}  // namespace citytwin::app
