#include "layers/LayerStyler.h"

#include <QCoreApplication>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "citytwin/render/LayerNodeBuilder.h"
#include "layers/LayerStyleDialog.h"

namespace citytwin::app {

LayerStyler::LayerStyler(render::CityScene& scene, QObject* parent)
    : QObject(parent), _scene(scene) {
    setObjectName("layerStyler");
}

void LayerStyler::remember(const LoadedLayer& layer) {
    if (!layer.layer || !layer.maybeStyle)
        return;
    _layers[layer.id] = Entry{layer.layer, *layer.maybeStyle};
}

void LayerStyler::forget(const QString& layerId) {
    _layers.erase(layerId);
}

bool LayerStyler::canStyle(const QString& layerId) const {
    return _layers.count(layerId) > 0;
}

std::optional<render::LayerStyle> LayerStyler::styleOf(const QString& layerId) const {
    auto it = _layers.find(layerId);
    if (it == _layers.end())
        return std::nullopt;
    return it->second.style;
}

std::shared_ptr<const geo::FeatureLayer> LayerStyler::featuresOf(const QString& layerId) const {
    auto it = _layers.find(layerId);
    return it == _layers.end() ? nullptr : it->second.layer;
}

bool LayerStyler::openDialog(const QString& layerId, const QString& displayName,
                             const geo::LocalFrame& frame, QWidget* parent) {
    auto it = _layers.find(layerId);
    if (it == _layers.end())
        return false;
    LayerStyleDialog dialog(displayName, it->second.layer, it->second.style, parent);
    connect(&dialog, &LayerStyleDialog::applied, this,
            [this, layerId, frame](const render::LayerStyle& s) { apply(layerId, s, frame); });
    dialog.exec();
    return true;
}

void LayerStyler::relabel(const std::string& nameField, const geo::LocalFrame& frame) {
    std::vector<std::pair<QString, render::LayerStyle>> changed;
    for (const auto& [id, entry] : _layers) {
        const std::string& field = entry.style.labelAttribute;
        if ((field == "name" || field.starts_with("name:")) && field != nameField) {
            render::LayerStyle s = entry.style;
            s.labelAttribute = nameField;
            changed.emplace_back(id, s);
        }
    }
    for (const auto& [id, style] : changed)
        apply(id, style, frame);
}

void LayerStyler::apply(const QString& layerId, const render::LayerStyle& style,
                        const geo::LocalFrame& frame) {
    auto it = _layers.find(layerId);
    if (it == _layers.end())
        return;
    it->second.style = style;
    // A city of buildings takes seconds to rebuild: off the GUI thread; the
    // scene's merge queue may be fed from any thread.
    QPointer<LayerStyler> self(this);
    render::CityScene* scene = &_scene;
    auto features = it->second.layer;
    std::erase_if(_rebuilds, [](const QFuture<void>& f) { return f.isFinished(); });
    _rebuilds.push_back(QtConcurrent::run([self, scene, layerId, style, frame, features] {
        const render::LayerNodeBuilder builder(frame);
        auto node = builder.build(layerId.toStdString(), features, style);
        if (node)
            scene->enqueueLayer(layerId.toStdString(), node.value());
        const QString message = node ? QString() : QString::fromStdString(node.messages());
        QMetaObject::invokeMethod(
            qApp,
            [self, layerId, message] {
                if (!self)
                    return;
                if (message.isEmpty())
                    emit self->restyled(layerId);
                else
                    emit self->failed(layerId, message);
            },
            Qt::QueuedConnection);
    }));
}

void LayerStyler::waitForRebuilds() {
    for (QFuture<void>& f : _rebuilds)
        f.waitForFinished();
    _rebuilds.clear();
}

}  // namespace citytwin::app
