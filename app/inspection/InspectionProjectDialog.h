#pragma once
// Chooses the asset project (GeoPackage or any OGR dataset with the asset
// layers) and, optionally, a rules file (empty: the shipped rules).

#include <QDialog>

class QLineEdit;

namespace citytwin::app {

class InspectionProjectDialog : public QDialog {
    Q_OBJECT
public:
    InspectionProjectDialog(const QString& project, const QString& rules,
                            QWidget* parent = nullptr);
    QString projectPath() const;
    QString rulesPath() const;
    /// Refuses a project or rules file that does not exist, saying which.
    void accept() override;

private:
    QLineEdit* _project = nullptr;
    QLineEdit* _rules = nullptr;
};

}  // namespace citytwin::app
