#pragma once
// Restyles vector layers that are in the scene: remembers each one's
// features and style as loaded, shows the Style dialog, and rebuilds the
// layer's node on a worker with the new style (CityScene merges it in the
// update phase, replacing the old node; visibility is kept).

#include <QFuture>
#include <QObject>
#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "citytwin/geo/LocalFrame.h"
#include "citytwin/render/CityScene.h"
#include "layers/LayerSpec.h"

class QWidget;

namespace citytwin::app {

class LayerStyler : public QObject {
    Q_OBJECT
public:
    explicit LayerStyler(render::CityScene& scene, QObject* parent = nullptr);

    /// Remembers a loaded layer (only vector layers with a style are kept).
    void remember(const LoadedLayer& layer);
    void forget(const QString& layerId);
    bool canStyle(const QString& layerId) const;
    std::optional<render::LayerStyle> styleOf(const QString& layerId) const;
    std::shared_ptr<const geo::FeatureLayer> featuresOf(const QString& layerId) const;

    /// Shows the modal Style dialog for the layer; Apply and OK restyle it.
    /// False when the layer cannot be styled (not a vector layer).
    bool openDialog(const QString& layerId, const QString& displayName,
                    const geo::LocalFrame& frame, QWidget* parent);
    /// Rebuilds the layer in `style` on a worker; restyled() when queued.
    void apply(const QString& layerId, const render::LayerStyle& style,
               const geo::LocalFrame& frame);

    /// Every layer labelled by a name field ("name", "name:en", ...) is
    /// labelled by `nameField` instead (the UI language changed): those that
    /// change are rebuilt as apply() does.
    void relabel(const std::string& nameField, const geo::LocalFrame& frame);

    /// Blocks until every rebuild started has finished: the scene they
    /// queue on must outlive them (the window's destructor calls it).
    void waitForRebuilds();

signals:
    /// The rebuilt node is queued on the scene (merged at the next frame).
    void restyled(const QString& layerId);
    void failed(const QString& layerId, const QString& message);

private:
    struct Entry {
        std::shared_ptr<const geo::FeatureLayer> layer;
        render::LayerStyle style;
    };
    render::CityScene& _scene;
    std::map<QString, Entry> _layers;
    std::vector<QFuture<void>> _rebuilds;
};

}  // namespace citytwin::app
