#pragma once
// The rest of the operator's tools (issue 17 items 2, 4, 6, 8): the
// Bookmarks, Attribute table and Overview docks (in the Tools menu) and
// File > Export image… (an off-screen render larger than the window with
// the decorations burnt in; --snapshot --decorations too). What they need
// of the window beyond InspectionHost comes as the callbacks of ToolsShell,
// filled in by MainWindow.

#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

#include "citytwin/geo/ProjectBookmarks.h"
#include "citytwin/render/FeaturePicker.h"
#include "citytwin/render/LayerStyle.h"
#include "citytwin/render/ModelFeatureTable.h"
#include "inspection/InspectionHost.h"
#include "layers/LegendText.h"
#include "tools/MapDecorations.h"

class QAction;
class QDockWidget;
class QImage;
class QMenu;
class QTimer;

namespace citytwin::app {

class AttributeTablePanel;
class BookmarkPanel;
class OverviewMap;
struct LoadedLayer;

struct ToolsShell {
    /// The clock's time, nullopt while live.
    std::function<std::optional<qint64>()> clockTime;
    /// Shows the sensors at a time (nullopt: live).
    std::function<void(std::optional<qint64>)> showSensorTime;
    /// The layer tree's layer ids, in its order.
    std::function<std::vector<QString>()> treeLayers;
    std::function<bool(const QString&)> isLayerVisible;
    std::function<void(const QString&, bool)> setLayerVisible;
    std::function<QString(const QString&)> layerName;
    std::function<std::optional<render::LayerStyle>(const QString&)> layerStyle;
    /// The classes of a layer's legend as the layer tree shows them.
    std::function<std::vector<LegendLine>(const QString&)> layerLegend;
    /// The map's pick highlight on a feature.
    std::function<void(const render::PickHit&)> highlight;
    /// Attribution of the data shown.
    std::function<QString()> attribution;
};

class OperatorDocks : public QObject {
    Q_OBJECT
public:
    OperatorDocks(InspectionHost& host, ToolsShell shell, QObject* parent);

    /// A loaded layer: the overview map and the attribute table may use it.
    void addLayer(const LoadedLayer& layer);
    /// The frame was chosen (the overview map's projection).
    void setFrame(const geo::LocalFrame& frame);
    /// The layer tree's "Show attribute table": a vector layer's features,
    /// or a model's (3D Tiles batch tables, glTF feature properties) of the
    /// tiles loaded now.
    void openAttributeTable(const QString& layerId);
    /// A feature picked on the map: its row in the table.
    void onFeaturePicked(const std::optional<render::PickHit>& hit);

    /// The view rendered off-screen at `size`, decorated if asked.
    QImage renderImage(const QSize& size, bool decorations, const QString& title);
    /// What the decorations show for an image of `size` of the view now.
    MapDecorationInfo decorationInfo(const QSize& size, const QString& title) const;
    /// Renders and saves; false (and a status message) on failure.
    bool exportImage(const QString& path, const QSize& size, bool decorations,
                     const QString& title);
    void exportImageDialog();

    /// The project bookmarks go to when the window has none of its own:
    /// the last project imported into, else bookmarks.gpkg in the user's
    /// data folder.
    static QString defaultBookmarkProject();

    BookmarkPanel* bookmarks() const { return _bookmarks; }
    QDockWidget* bookmarkDock() const { return _bookmarkDock; }
    AttributeTablePanel* attributeTable() const { return _table; }
    QDockWidget* attributeDock() const { return _tableDock; }
    OverviewMap* overview() const { return _overview; }
    QDockWidget* overviewDock() const { return _overviewDock; }
    QAction* exportImageAction() const { return _exportImage; }
    QAction* bookmarkAction() const { return _bookmarkView; }
    void retranslate();

private:
    std::optional<geo::Bookmark> captureView() const;
    bool openModelTable(const QString& layerId);
    /// A paged model's table follows the tiles read and expired: checked
    /// at most once a second, and only after frames drawn (an idle window
    /// checks nothing).
    void refreshModelTable();
    void onRowSelected(const QString& id, std::shared_ptr<const geo::FeatureLayer> layer,
                       quint32 i);
    void applyBookmark(const geo::Bookmark& b);

    InspectionHost& _host;
    ToolsShell _shell;
    std::vector<std::pair<QString, std::shared_ptr<const geo::FeatureLayer>>> _layers;
    /// The model whose features the table shows, and where its rows came from.
    QString _modelTableId;
    render::ModelFeatureTable _modelTable;
    /// The model feature last selected (row or pick): its tile's layer id
    /// and feature index, kept while the tile is expired.
    std::optional<std::pair<std::string, std::uint32_t>> _maybeChosenTileFeature;
    QTimer* _tileRecheck = nullptr;
    BookmarkPanel* _bookmarks = nullptr;
    QDockWidget* _bookmarkDock = nullptr;
    AttributeTablePanel* _table = nullptr;
    QDockWidget* _tableDock = nullptr;
    OverviewMap* _overview = nullptr;
    QDockWidget* _overviewDock = nullptr;
    QAction* _exportImage = nullptr;
    QAction* _bookmarkView = nullptr;
    QMenu* _menu = nullptr;
};

}  // namespace citytwin::app
