#pragma once
// The attribute table of a layer (issue 17 item 4): every feature a row,
// every attribute a column; sortable (click a header), filterable by text
// or an expression (assets::AttributeFilter); a selected row is highlighted
// on the map and flown to, a feature picked on the map selects its row;
// the filtered rows export as CSV (WKT geometry) or a GeoPackage. Columns,
// filtering and sorting run on a worker (QtConcurrent) over the layer's
// immutable features, so a 200,000-feature layer does not freeze the window;
// the model reads the cells of the rows shown only.

#include <QAbstractTableModel>
#include <QWidget>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/AttributeFilter.h"
#include "citytwin/geo/Feature.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace citytwin::app {

class AttributeTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void reset(std::shared_ptr<const geo::FeatureLayer> layer, std::vector<std::string> columns,
               std::vector<quint32> rows);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

    const std::vector<std::string>& columns() const { return _columns; }
    const std::vector<quint32>& rows() const { return _rows; }
    /// The row showing feature `index`, or -1.
    int rowOf(quint32 featureIndex) const;

private:
    std::shared_ptr<const geo::FeatureLayer> _layer;
    std::vector<std::string> _columns;  ///< column 0 is the feature id
    std::vector<quint32> _rows;         ///< feature indices, filtered and sorted
};

class AttributeTablePanel : public QWidget {
    Q_OBJECT
public:
    explicit AttributeTablePanel(QWidget* parent = nullptr);

    /// Shows a layer (columns built on a worker; `ready` follows).
    void showLayer(const QString& layerId, const QString& name,
                   std::shared_ptr<const geo::FeatureLayer> layer);
    /// The shown layer's features changed (a paged model's tiles were read
    /// or expired): the same filter and sort over the new features, and
    /// `maybeSelect` (an index into the new features) selected again.
    void replaceFeatures(const QString& layerId, std::shared_ptr<const geo::FeatureLayer> layer,
                         std::optional<quint32> maybeSelect);
    /// The feature of the selected row, or nullopt.
    std::optional<quint32> selectedFeature() const;
    /// Filter text or expression; applied on a worker.
    void setFilter(const QString& text);
    /// Sorts by a column (0: the feature id).
    void sortBy(int column, Qt::SortOrder order);
    /// A feature picked on the map: its row is selected (no signal back).
    void selectFeature(const QString& layerId, quint32 featureIndex);
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    bool exportGeoPackage(const QString& path, QString* error = nullptr) const;

    const QString& layerId() const { return _layerId; }
    AttributeTableModel* model() const { return _model; }
    QTableView* table() const { return _table; }
    QLineEdit* filterEdit() const { return _filter; }
    /// The filter's error, or empty.
    QString filterError() const;
    /// True while a worker is building the rows.
    bool isBusy() const { return _busy; }
    void retranslate();

signals:
    /// The rows of the latest request are shown.
    void ready();
    /// A row was selected by the user: highlight and fly to the feature.
    void featureSelected(const QString& layerId, std::shared_ptr<const geo::FeatureLayer> layer,
                         quint32 featureIndex);

private:
    void refresh();
    void exportDialog();
    void showCount();
    void showFilterProblem();

    QString _layerId;
    QString _name;
    std::shared_ptr<const geo::FeatureLayer> _layer;
    std::vector<std::string> _columns;
    QString _filterText;
    std::optional<assets::AttributeFilterError> _filterProblem;
    int _sortColumn = 0;
    Qt::SortOrder _order = Qt::AscendingOrder;
    quint64 _generation = 0;
    bool _busy = false;
    bool _selectingFromMap = false;
    /// replaceFeatures(): what to select when its rows are built (else the
    /// row selected before, which indexes the old features).
    std::optional<std::optional<quint32>> _maybeReselect;
    AttributeTableModel* _model = nullptr;
    QTableView* _table = nullptr;
    QLineEdit* _filter = nullptr;
    QLabel* _status = nullptr;
    QLabel* _error = nullptr;
    QPushButton* _export = nullptr;
};

}  // namespace citytwin::app
