#include "tools/AttributeTable.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "citytwin/assets/AttributeFilter.h"
#include "citytwin/geo/ProjectStore.h"
#include "citytwin/sensors/HistoryCsv.h"  // csvField: RFC 4180 quoting
#include "tools/FilterErrorText.h"

namespace citytwin::app {
namespace {

constexpr const char* kIdColumn = "fid";

struct Built {
    quint64 generation = 0;
    std::vector<std::string> columns;
    std::vector<quint32> rows;
    std::optional<assets::AttributeFilterError> error;
};

std::string cell(const geo::Feature& f, const std::string& column) {
    if (column == kIdColumn)
        return std::to_string(f.id);
    const std::string* v = f.find(column);
    return v ? *v : std::string();
}

std::optional<double> asNumber(const std::string& s) {
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

/// The worker's job: columns (first seen order), the rows passing the
/// filter, sorted (numbers as numbers, then text).
Built build(quint64 generation, std::shared_ptr<const geo::FeatureLayer> layer,
            std::vector<std::string> columns, std::string filterText, int sortColumn,
            bool descending) {
    Built out;
    out.generation = generation;
    if (columns.empty()) {
        columns.push_back(kIdColumn);
        std::set<std::string> seen;
        for (const auto& f : layer->features)
            for (const auto& a : f.attributes)
                if (seen.insert(a.name).second)
                    columns.push_back(a.name);
    }
    out.columns = columns;
    assets::AttributeFilterError error;
    auto filter = assets::AttributeFilter::parse(filterText, &error);
    if (!filter) {
        out.error = error;  // worded on the GUI thread, in the language then
        filter = assets::AttributeFilter::parse("");
    }
    for (quint32 i = 0; i < layer->features.size(); ++i)
        if (filter->matches(layer->features[i]))
            out.rows.push_back(i);
    const std::string column =
        sortColumn >= 0 && sortColumn < int(columns.size()) ? columns[sortColumn] : kIdColumn;
    struct Key {
        std::optional<double> number;
        std::string text;
    };
    std::vector<Key> keys(layer->features.size());
    for (quint32 i : out.rows) {
        keys[i].text = cell(layer->features[i], column);
        keys[i].number = asNumber(keys[i].text);
    }
    auto less = [&](quint32 a, quint32 b) {
        const Key &x = keys[a], &y = keys[b];
        if (x.number && y.number && *x.number != *y.number)
            return *x.number < *y.number;
        if (x.number.has_value() != y.number.has_value())
            return x.number.has_value();  // numbers before text
        return x.text < y.text;
    };
    std::stable_sort(out.rows.begin(), out.rows.end(),
                     [&](quint32 a, quint32 b) { return descending ? less(b, a) : less(a, b); });
    return out;
}

std::string wktOf(const geo::Geometry& g) {
    std::ostringstream s;
    s.precision(12);
    auto points = [&s](const std::vector<geo::GeoPoint>& pts) {
        s << "(";
        for (std::size_t i = 0; i < pts.size(); ++i)
            s << (i ? ", " : "") << pts[i].x << " " << pts[i].y;
        s << ")";
    };
    if (!g.polygons.empty()) {
        s << "MULTIPOLYGON (";
        for (std::size_t p = 0; p < g.polygons.size(); ++p) {
            s << (p ? ", " : "") << "(";
            for (std::size_t r = 0; r < g.polygons[p].rings.size(); ++r) {
                s << (r ? ", " : "");
                points(g.polygons[p].rings[r]);
            }
            s << ")";
        }
        s << ")";
    } else if (!g.lines.empty()) {
        s << "MULTILINESTRING (";
        for (std::size_t l = 0; l < g.lines.size(); ++l) {
            s << (l ? ", " : "");
            points(g.lines[l]);
        }
        s << ")";
    } else if (!g.points.empty()) {
        s << "MULTIPOINT (";
        for (std::size_t i = 0; i < g.points.size(); ++i)
            s << (i ? ", " : "") << "(" << g.points[i].x << " " << g.points[i].y << ")";
        s << ")";
    }
    return s.str();
}

}  // namespace

void AttributeTableModel::reset(std::shared_ptr<const geo::FeatureLayer> layer,
                                std::vector<std::string> columns, std::vector<quint32> rows) {
    beginResetModel();
    _layer = std::move(layer);
    _columns = std::move(columns);
    _rows = std::move(rows);
    endResetModel();
}

int AttributeTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(_rows.size());
}

int AttributeTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(_columns.size());
}

QVariant AttributeTableModel::data(const QModelIndex& index, int role) const {
    if (!_layer || role != Qt::DisplayRole || index.row() >= int(_rows.size()) ||
        index.column() >= int(_columns.size()))
        return {};
    return QString::fromStdString(
        cell(_layer->features[_rows[index.row()]], _columns[index.column()]));
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (o == Qt::Horizontal)
        return section < int(_columns.size()) ? QString::fromStdString(_columns[section])
                                              : QVariant();
    return section + 1;
}

int AttributeTableModel::rowOf(quint32 featureIndex) const {
    const auto it = std::find(_rows.begin(), _rows.end(), featureIndex);
    return it == _rows.end() ? -1 : int(it - _rows.begin());
}

AttributeTablePanel::AttributeTablePanel(QWidget* parent) : QWidget(parent) {
    setObjectName("attributeTablePanel");
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    _filter = new QLineEdit(this);
    _filter->setObjectName("attributeFilter");
    _filter->setClearButtonEnabled(true);
    _export = new QPushButton(this);
    _export->setObjectName("exportAttributeTable");
    top->addWidget(_filter, 1);
    top->addWidget(_export);
    layout->addLayout(top);
    _error = new QLabel(this);
    _error->setObjectName("attributeFilterError");
    _error->setStyleSheet("color: #b00020;");
    _error->hide();
    layout->addWidget(_error);
    _model = new AttributeTableModel(this);
    _table = new QTableView(this);
    _table->setObjectName("attributeTable");
    _table->setModel(_model);
    _table->setSelectionBehavior(QAbstractItemView::SelectRows);
    _table->setSelectionMode(QAbstractItemView::SingleSelection);
    _table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    _table->setSortingEnabled(false);  // sorted by the worker, not the view
    _table->horizontalHeader()->setSectionsClickable(true);
    _table->horizontalHeader()->setSortIndicatorShown(true);
    _table->verticalHeader()->setDefaultSectionSize(_table->fontMetrics().height() + 6);
    layout->addWidget(_table, 1);
    _status = new QLabel(this);
    _status->setObjectName("attributeTableStatus");
    layout->addWidget(_status);

    connect(_filter, &QLineEdit::textChanged, this, &AttributeTablePanel::setFilter);
    connect(_table->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        const Qt::SortOrder order = column == _sortColumn && _order == Qt::AscendingOrder
                                        ? Qt::DescendingOrder
                                        : Qt::AscendingOrder;
        sortBy(column, order);
    });
    connect(_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (_selectingFromMap || !current.isValid() || !_layer)
                    return;
                emit featureSelected(_layerId, _layer, _model->rows()[current.row()]);
            });
    connect(_export, &QPushButton::clicked, this, &AttributeTablePanel::exportDialog);
    retranslate();
}

void AttributeTablePanel::retranslate() {
    _filter->setPlaceholderText(
        tr("Filter: text, or an expression such as height > 100 and name ~ tower"));
    _export->setText(tr("E&xport…"));
    _export->setToolTip(tr("Save the rows shown as CSV or GeoPackage"));
    showCount();
    if (_filterProblem)  // else the label may hold an export's error
        showFilterProblem();
}

void AttributeTablePanel::showFilterProblem() {
    _error->setText(_filterProblem ? FilterErrorText::of(*_filterProblem) : QString());
    _error->setVisible(_filterProblem.has_value());
}

void AttributeTablePanel::showLayer(const QString& layerId, const QString& name,
                                    std::shared_ptr<const geo::FeatureLayer> layer) {
    if (layerId == _layerId && layer == _layer)
        return;
    _layerId = layerId;
    _name = name;
    _layer = std::move(layer);
    _columns.clear();
    _sortColumn = 0;
    _order = Qt::AscendingOrder;
    refresh();
}

void AttributeTablePanel::replaceFeatures(const QString& layerId,
                                          std::shared_ptr<const geo::FeatureLayer> layer,
                                          std::optional<quint32> maybeSelect) {
    if (layerId != _layerId || !layer)
        return;
    _layer = std::move(layer);
    _columns.clear();  // new tiles may bring new properties
    _maybeReselect = maybeSelect;
    refresh();
}

std::optional<quint32> AttributeTablePanel::selectedFeature() const {
    const QModelIndex current = _table->currentIndex();
    if (!current.isValid() || current.row() >= _model->rowCount())
        return std::nullopt;
    return _model->rows()[std::size_t(current.row())];
}

void AttributeTablePanel::setFilter(const QString& text) {
    _filterText = text;
    refresh();
}

void AttributeTablePanel::sortBy(int column, Qt::SortOrder order) {
    _sortColumn = column;
    _order = order;
    _table->horizontalHeader()->setSortIndicator(column, order);
    refresh();
}

void AttributeTablePanel::refresh() {
    if (!_layer)
        return;
    const quint64 generation = ++_generation;
    _busy = true;
    _status->setText(tr("Reading %1…").arg(_name));
    auto* watcher = new QFutureWatcher<Built>(this);
    connect(watcher, &QFutureWatcher<Built>::finished, this, [this, watcher] {
        Built built = watcher->result();
        watcher->deleteLater();
        if (built.generation != _generation)
            return;  // a newer request is on its way
        _busy = false;
        _columns = built.columns;
        const std::optional<quint32> maybeSelected =
            _maybeReselect ? *std::exchange(_maybeReselect, std::nullopt) : selectedFeature();
        _model->reset(_layer, std::move(built.columns), std::move(built.rows));
        _filterProblem = built.error;
        showFilterProblem();
        if (maybeSelected)
            selectFeature(_layerId, *maybeSelected);
        showCount();
        emit ready();
    });
    watcher->setFuture(QtConcurrent::run(build, generation, _layer, _columns,
                                         _filterText.toStdString(), _sortColumn,
                                         _order == Qt::DescendingOrder));
}

void AttributeTablePanel::showCount() {
    if (!_layer) {
        _status->setText(tr("Choose Show attribute table in a layer's context menu"));
        return;
    }
    _status->setText(tr("%1: %2 of %3 features")
                         .arg(_name)
                         .arg(_model->rowCount())
                         .arg(_layer->features.size()));
}

QString AttributeTablePanel::filterError() const {
    return _error->text();
}

void AttributeTablePanel::selectFeature(const QString& layerId, quint32 featureIndex) {
    if (layerId != _layerId)
        return;
    const int row = _model->rowOf(featureIndex);
    if (row < 0)
        return;
    _selectingFromMap = true;
    _table->setCurrentIndex(_model->index(row, 0));
    _table->selectRow(row);
    _table->scrollTo(_model->index(row, 0), QAbstractItemView::PositionAtCenter);
    _selectingFromMap = false;
}

bool AttributeTablePanel::exportCsv(const QString& path, QString* error) const {
    std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
    const auto& columns = _model->columns();
    for (std::size_t c = 0; c < columns.size(); ++c)
        out << (c ? "," : "") << sensors::csvField(columns[c]);
    out << ",WKT\n";
    for (quint32 i : _model->rows()) {
        const geo::Feature& f = _layer->features[i];
        for (std::size_t c = 0; c < columns.size(); ++c)
            out << (c ? "," : "") << sensors::csvField(cell(f, columns[c]));
        out << "," << sensors::csvField(wktOf(f.geometry)) << "\n";
    }
    out.close();
    if (!out) {
        if (error)
            *error = tr("%1: cannot write").arg(path);
        return false;
    }
    return true;
}

bool AttributeTablePanel::exportGeoPackage(const QString& path, QString* error) const {
    // Through the importer: the rows as CSV with WKT, into a new project in
    // the layer's CRS (the same code that imports any file).
    QTemporaryDir dir;
    const QString csv = dir.filePath("rows.csv");
    if (!_layer || !dir.isValid() || !exportCsv(csv, error))
        return false;
    if (QFileInfo::exists(path))
        QFile::remove(path);
    const geo::Crs crs = _layer->crs.isValid() ? _layer->crs : geo::Crs::wgs84();
    auto store = geo::ProjectStore::create(path.toStdString(), crs);
    if (!store) {
        if (error)
            *error = QString::fromStdString(store.messages());
        return false;
    }
    geo::ImportOptions options;
    QString name = _layerId;
    name.replace(QRegularExpression("[^A-Za-z0-9_\\-]"), "_");
    options.layerName = name.isEmpty() ? "rows" : name.toStdString();
    options.maybeSourceCrs = crs;
    options.encoding = "UTF-8";
    const auto report = store->importVector(csv.toStdString(), options);
    if (!report) {
        if (error)
            *error = QString::fromStdString(report.messages());
        return false;
    }
    return true;
}

void AttributeTablePanel::exportDialog() {
    QString filter;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the attribute table"), _layerId + ".csv",
                                     tr("CSV (*.csv);;GeoPackage (*.gpkg)"), &filter);
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = path.endsWith(".gpkg", Qt::CaseInsensitive) ? exportGeoPackage(path, &error)
                                                                : exportCsv(path, &error);
    if (!ok) {
        _error->setText(error);
        _error->show();
    }
}

}  // namespace citytwin::app
