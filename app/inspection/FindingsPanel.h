#pragma once
// The findings dock: the site parameters the siting check uses (operator,
// host type), what was checked and where (WGS 84 and CGCS2000), and one row
// per finding (severity, rule, article, message in the UI language) whose
// children are the related features (layer, id, distance), and the whole
// text of the selected finding below. Selecting a related feature asks to
// fly to it.

#include <QWidget>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/assets/AssetDisplayNames.h"
#include "citytwin/assets/AssetEnums.h"
#include "citytwin/assets/Finding.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace citytwin::app {

class FindingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit FindingsPanel(QWidget* parent = nullptr);

    /// Operators to offer (the project's); the field stays editable.
    void setOperators(const QStringList& operators);
    QString operatorName() const;
    std::optional<assets::HostType> maybeHostType() const;
    void setHostType(std::optional<assets::HostType> maybeHostType);

    /// Shows a check's result; `where` is one line per coordinate system.
    /// Describes a related feature by (layer, id) in the list: kind, name,
    /// operator; set by the inspection tools from the open project.
    using FeatureNamer =
        std::function<assets::FeatureDescription(const std::string&, const std::string&)>;
    void setFeatureNamer(FeatureNamer namer) { _featureNamer = std::move(namer); }

    void showFindings(const QString& what, const QStringList& where,
                      const std::vector<assets::Finding>& findings);
    void clear();
    /// Shows why a check could not run (in place of findings).
    void showError(const QString& message);

    QTreeWidget* tree() const { return _tree; }
    const std::vector<assets::Finding>& findings() const { return _findings; }
    /// The rule codes listed, in row order.
    QStringList ruleCodes() const;

    void retranslate();

signals:
    /// A related feature was selected (finding index, related index).
    void relatedSelected(int finding, int related);
    void clearRequested();

private:
    FeatureNamer _featureNamer;
    void onCurrentItemChanged(QTreeWidgetItem* item);
    void showSummary();

    QLabel* _operatorLabel = nullptr;
    QComboBox* _operator = nullptr;
    QLabel* _hostTypeLabel = nullptr;
    QComboBox* _hostType = nullptr;
    QString _what;
    QStringList _whereLines;
    QPlainTextEdit* _where = nullptr;
    QPlainTextEdit* _detail = nullptr;
    QTreeWidget* _tree = nullptr;
    QPushButton* _clear = nullptr;
    std::vector<assets::Finding> _findings;
};

}  // namespace citytwin::app
