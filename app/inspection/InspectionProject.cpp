#include "inspection/InspectionProject.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace citytwin::app {
namespace {

struct OpenOutcome {
    std::shared_ptr<const assets::InspectionContext> context;
    QString messages;
};

OpenOutcome openOnWorker(const std::string& project, const std::string& rules) {
    OpenOutcome out;
    auto repository = assets::openAssetRepository(project);
    if (!repository) {
        out.messages = QStringLiteral("%1: cannot open the asset project")
                           .arg(QString::fromStdString(project));
        return out;
    }
    auto ctx = assets::InspectionContext::open(*repository, rules);
    out.messages = QString::fromStdString(ctx.messages());
    if (ctx)
        out.context = std::shared_ptr<const assets::InspectionContext>(std::move(ctx.value()));
    return out;
}

}  // namespace

InspectionProject::InspectionProject(QObject* parent) : QObject(parent) {}

void InspectionProject::setPaths(const QString& projectPath, const QString& rulesPath) {
    if (projectPath == _projectPath && rulesPath == _rulesPath)
        return;
    _projectPath = projectPath;
    _rulesPath = rulesPath;
    _context.reset();
    _opening = false;
    _waiting.clear();
    ++_generation;
}

void InspectionProject::withContext(std::function<void(const Context&)> then) {
    if (_context) {
        then(_context);
        return;
    }
    if (_projectPath.isEmpty()) {
        emit failed(tr("No inspection project is chosen (Inspect → Inspection project…)."));
        return;
    }
    _waiting.push_back(std::move(then));
    if (_opening)
        return;
    _opening = true;
    const quint64 generation = _generation;
    auto* watcher = new QFutureWatcher<OpenOutcome>(this);
    connect(watcher, &QFutureWatcher<OpenOutcome>::finished, this, [this, watcher, generation] {
        const OpenOutcome outcome = watcher->result();
        watcher->deleteLater();
        if (generation != _generation)
            return;
        _opening = false;
        auto waiting = std::move(_waiting);
        _waiting.clear();
        if (!outcome.context) {
            emit failed(outcome.messages.isEmpty() ? tr("%1: cannot open").arg(_projectPath)
                                                   : outcome.messages);
            return;
        }
        _context = outcome.context;
        emit opened(_projectPath, outcome.messages);
        for (auto& then : waiting)
            then(_context);
    });
    watcher->setFuture(
        QtConcurrent::run(openOnWorker, _projectPath.toStdString(), _rulesPath.toStdString()));
}

}  // namespace citytwin::app
