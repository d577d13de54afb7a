#include "sensors/LiveStatusDialog.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTextStream>
#include <QVBoxLayout>

#include "sensors/LiveStatus.h"

namespace citytwin::app {
namespace {

constexpr sensors::SensorKind kKinds[] = {
    sensors::SensorKind::AirQuality,       sensors::SensorKind::Noise,
    sensors::SensorKind::TrafficCount,     sensors::SensorKind::WaterLevel,
    sensors::SensorKind::ManholeCover,     sensors::SensorKind::BaseStationLoad,
    sensors::SensorKind::CableTemperature, sensors::SensorKind::CableStrain,
};

/// A CSV field: quoted when it holds a comma, quote or line break.
QString csvField(const QString& v) {
    if (!v.contains(',') && !v.contains('"') && !v.contains('\n'))
        return v;
    QString q = v;
    q.replace('"', "\"\"");
    return '"' + q + '"';
}

}  // namespace

QString appendSensorToRegistry(const QString& registryCsv, const sensors::SensorInfo& sensor) {
    QFile file(registryCsv);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QObject::tr("%1: cannot read the registry (%2)")
            .arg(registryCsv, file.errorString());
    QString header;
    QByteArray all = file.readAll();
    file.close();
    for (const QByteArray& line : all.split('\n'))
        if (!line.trimmed().isEmpty() && !line.startsWith('#')) {
            header = QString::fromUtf8(line).trimmed();
            break;
        }
    if (header.isEmpty())
        return QObject::tr("%1: the registry has no header row").arg(registryCsv);
    QStringList row;
    for (const QString& column : header.split(',')) {
        const QString c = column.trimmed();
        if (c == "id")
            row << csvField(QString::fromStdString(sensor.id));
        else if (c == "kind")
            row << QString::fromUtf8(sensors::toString(sensor.kind).data(),
                                     int(sensors::toString(sensor.kind).size()));
        else if (c == "x")
            row << QString::number(sensor.position.x, 'f', 6);
        else if (c == "y")
            row << QString::number(sensor.position.y, 'f', 6);
        else if (c == "crs")
            row << QStringLiteral("EPSG:4326");
        else if (c == "metric")
            row << csvField(QString::fromStdString(sensor.metric));
        else if (c == "name")
            row << csvField(QString::fromStdString(sensor.name));
        else
            row << QString();
    }
    const QString line = row.join(',');
    // The registry's own parser must accept the row before it is written.
    auto parsed = sensors::SensorRegistry::parseCsv((header + '\n' + line + '\n').toStdString(),
                                                    registryCsv.toStdString());
    if (!parsed)
        return QString::fromStdString(parsed.messages());
    if (parsed.value().find(sensor.id) == nullptr)
        return QObject::tr("%1: the new row was not read back").arg(registryCsv);
    if (parsed.value().size() != 1)
        return QObject::tr("%1: the new row was not read back").arg(registryCsv);
    if (!file.open(QIODevice::Append | QIODevice::Text))
        return QObject::tr("%1: cannot write the registry (%2)")
            .arg(registryCsv, file.errorString());
    QTextStream out(&file);
    if (!all.isEmpty() && !all.endsWith('\n'))
        out << '\n';
    out << line << '\n';
    return QString();
}

LiveStatusDialog::LiveStatusDialog(LiveStatus& status, geo::GeoPoint defaultPosition,
                                   QWidget* parent)
    : QDialog(parent), _status(status) {
    setObjectName("liveStatusDialog");
    setWindowTitle(tr("Live feed"));
    auto* col = new QVBoxLayout(this);
    _summary = new QLabel(this);
    _summary->setObjectName("liveSummary");
    _summary->setWordWrap(true);
    col->addWidget(_summary);
    col->addWidget(new QLabel(tr("Sensors heard from that the registry does not know (their "
                                 "readings are stored, but they have no pin and no alerts):"),
                              this));
    _unknown = new QTableWidget(0, 4, this);
    _unknown->setObjectName("unknownSensors");
    _unknown->setHorizontalHeaderLabels(
        {tr("Sensor"), tr("Metric"), tr("Readings"), tr("Latest value")});
    _unknown->setSelectionBehavior(QAbstractItemView::SelectRows);
    _unknown->setSelectionMode(QAbstractItemView::SingleSelection);
    _unknown->setEditTriggers(QAbstractItemView::NoEditTriggers);
    _unknown->verticalHeader()->setVisible(false);
    _unknown->horizontalHeader()->setStretchLastSection(true);
    col->addWidget(_unknown, 1);

    auto* form = new QFormLayout;
    _kind = new QComboBox(this);
    _kind->setObjectName("newSensorKind");
    for (sensors::SensorKind k : kKinds)
        _kind->addItem(
            QString::fromUtf8(sensors::toString(k).data(), int(sensors::toString(k).size())),
            int(k));
    form->addRow(tr("Kind:"), _kind);
    _lon = new QDoubleSpinBox(this);
    _lon->setObjectName("newSensorLongitude");
    _lon->setRange(-180.0, 180.0);
    _lon->setDecimals(6);
    _lon->setValue(defaultPosition.x);
    _lat = new QDoubleSpinBox(this);
    _lat->setObjectName("newSensorLatitude");
    _lat->setRange(-90.0, 90.0);
    _lat->setDecimals(6);
    _lat->setValue(defaultPosition.y);
    form->addRow(tr("Longitude (WGS 84):"), _lon);
    form->addRow(tr("Latitude (WGS 84):"), _lat);
    _name = new QLineEdit(this);
    _name->setObjectName("newSensorName");
    form->addRow(tr("Name:"), _name);
    col->addLayout(form);
    _add = new QPushButton(tr("Add the selected sensor to the registry"), this);
    _add->setObjectName("addToRegistry");
    _add->setEnabled(false);
    col->addWidget(_add);
    _result = new QLabel(this);
    _result->setObjectName("addResult");
    _result->setWordWrap(true);
    col->addWidget(_result);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    col->addWidget(buttons);

    connect(_unknown, &QTableWidget::itemSelectionChanged, this, [this] {
        _add->setEnabled(!_unknown->selectedItems().isEmpty() && !_status.registryCsv().isEmpty());
    });
    connect(_add, &QPushButton::clicked, this, &LiveStatusDialog::addSelected);
    resize(560, 480);
    refresh();
}

void LiveStatusDialog::refresh() {
    _status.refresh();
    const LiveFeedState& s = _status.state();
    QStringList lines;
    lines << LiveStatus::summaryOf(s);
    lines << tr("Readings stored: %1; rejected payloads: %2; readings of unknown sensors: %3")
                 .arg(s.stored)
                 .arg(s.rejected)
                 .arg(s.unknownReadings);
    _summary->setText(lines.join('\n'));
    const QString selected =
        _unknown->currentRow() >= 0 && _unknown->item(_unknown->currentRow(), 0)
            ? _unknown->item(_unknown->currentRow(), 0)->text()
            : QString();
    std::vector<sensors::UnknownSensorTally> unknown;
    if (_status.service())
        unknown = _status.service()->writer().unknownSensors();
    _unknown->setRowCount(int(unknown.size()));
    for (int r = 0; r < int(unknown.size()); ++r) {
        const auto& u = unknown[std::size_t(r)];
        _unknown->setItem(r, 0, new QTableWidgetItem(QString::fromStdString(u.sensorId)));
        _unknown->setItem(r, 1, new QTableWidgetItem(QString::fromStdString(u.metric)));
        _unknown->setItem(r, 2, new QTableWidgetItem(QString::number(u.readings)));
        _unknown->setItem(
            r, 3,
            new QTableWidgetItem(tr("%1 at %2")
                                     .arg(u.lastValue)
                                     .arg(QDateTime::fromMSecsSinceEpoch(u.lastTs).toString(
                                         "yyyy-MM-dd HH:mm:ss"))));
        if (_unknown->item(r, 0)->text() == selected)
            _unknown->selectRow(r);
    }
}

void LiveStatusDialog::addSelected() {
    const int row = _unknown->currentRow();
    if (row < 0 || !_unknown->item(row, 0))
        return;
    sensors::SensorInfo s;
    s.id = _unknown->item(row, 0)->text().toStdString();
    s.kind = static_cast<sensors::SensorKind>(_kind->currentData().toInt());
    s.position = {_lon->value(), _lat->value(), 0.0};
    s.metric = _unknown->item(row, 1)->text().toStdString();
    s.name = _name->text().toStdString();
    const QString error = appendSensorToRegistry(_status.registryCsv(), s);
    _result->setText(error.isEmpty()
                         ? tr("%1 added to %2; its pin shows from the next start of the feed.")
                               .arg(QString::fromStdString(s.id), _status.registryCsv())
                         : error);
}

}  // namespace citytwin::app
