#pragma once
// The asset project the inspector works on: opened (read, validated,
// indexed) on a worker thread, then held as a shared const context that the
// checks use from workers too (InspectionContext is const after open()).

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

#include "citytwin/assets/InspectionContext.h"

namespace citytwin::app {

class InspectionProject : public QObject {
    Q_OBJECT
public:
    using Context = std::shared_ptr<const assets::InspectionContext>;

    explicit InspectionProject(QObject* parent = nullptr);

    /// Where to open from; takes effect at the next use (closes the open one).
    void setPaths(const QString& projectPath, const QString& rulesPath);
    const QString& projectPath() const { return _projectPath; }
    /// Empty: the rules shipped with the program (as the CLI without --rules).
    const QString& rulesPath() const { return _rulesPath; }

    /// The open context, or null.
    Context context() const { return _context; }
    bool isOpening() const { return _opening; }

    /// Calls `then` with the context, opening the project first if needed
    /// (on a worker); on failure `then` is not called and failed() is emitted.
    void withContext(std::function<void(const Context&)> then);

signals:
    void opened(const QString& projectPath, const QString& warnings);
    void failed(const QString& message);

private:
    QString _projectPath;
    QString _rulesPath;
    Context _context;
    bool _opening = false;
    quint64 _generation = 0;  // a reply for paths changed meanwhile is dropped
    std::vector<std::function<void(const Context&)>> _waiting;
};

}  // namespace citytwin::app
