#include "layers/LayerStyleDialog.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <set>
#include <vector>

#include "layers/LegendText.h"

namespace citytwin::app {
namespace {

constexpr int kMostCategories = 64;  // beyond this, a category legend is unreadable

constexpr int kModeRole = Qt::UserRole + 1;  // the colour mode of a "Colour by" entry

bool labelled(render::LayerRole role) {
    return role == render::LayerRole::Area || role == render::LayerRole::Line ||
           role == render::LayerRole::Buildings;
}

QColor toQColor(const osg::Vec4& c) {
    return QColor::fromRgbF(c.r(), c.g(), c.b(), c.a());
}

osg::Vec4 toVec4(const QColor& c, float alpha) {
    return {float(c.redF()), float(c.greenF()), float(c.blueF()), alpha};
}

}  // namespace

QStringList fieldNamesOf(const geo::FeatureLayer& layer) {
    QStringList names;
    std::set<std::string> seen;
    const std::size_t n = std::min<std::size_t>(layer.features.size(), 1000);
    for (std::size_t i = 0; i < n; ++i)
        for (const auto& a : layer.features[i].attributes)
            if (seen.insert(a.name).second)
                names << QString::fromStdString(a.name);
    return names;
}

QColor LayerStyleDialog::categoryColor(int index) {
    // ColorBrewer "Set2" and "Dark2": distinct, none too pale on the ground.
    static const QRgb palette[] = {0x66c2a5, 0xfc8d62, 0x8da0cb, 0xe78ac3, 0xa6d854, 0xffd92f,
                                   0xe5c494, 0x1b9e77, 0xd95f02, 0x7570b3, 0xe7298a, 0x66a61e,
                                   0xe6ab02, 0xa6761d, 0xb3b3b3, 0x4daf4a};
    constexpr int n = int(sizeof palette / sizeof palette[0]);
    return QColor(palette[((index % n) + n) % n]);
}

LayerStyleDialog::LayerStyleDialog(const QString& layerName,
                                   std::shared_ptr<const geo::FeatureLayer> layer,
                                   const render::LayerStyle& current, QWidget* parent)
    : QDialog(parent), _layer(std::move(layer)), _base(current) {
    setObjectName("layerStyleDialog");
    setWindowTitle(tr("Style of %1").arg(layerName));
    auto* outer = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    outer->addLayout(form);

    const bool area = current.role == render::LayerRole::Area;
    _fill = toQColor(current.color);
    _fill.setAlphaF(1.0);
    _fillButton = new QPushButton(this);
    _fillButton->setObjectName("fillColor");
    showColor(_fillButton, _fill);
    connect(_fillButton, &QPushButton::clicked, this, [this] { pickColor(_fillButton, _fill); });
    form->addRow(area ? tr("Fill colour:") : tr("Colour:"), _fillButton);

    _opacity = new QSpinBox(this);
    _opacity->setObjectName("fillOpacity");
    _opacity->setRange(0, 100);
    _opacity->setSuffix(QStringLiteral(" %"));
    _opacity->setValue(int(std::lround(current.color.a() * 100.f)));
    _opacity->setEnabled(area);
    form->addRow(tr("Fill opacity:"), _opacity);

    _outline = current.outlineColor.a() > 0.f ? toQColor(current.outlineColor)
                                              : toQColor(current.color).darker(160);
    _outline.setAlphaF(1.0);
    _outlineButton = new QPushButton(this);
    _outlineButton->setObjectName("outlineColor");
    showColor(_outlineButton, _outline);
    _outlineButton->setEnabled(area);
    connect(_outlineButton, &QPushButton::clicked, this,
            [this] { pickColor(_outlineButton, _outline); });
    form->addRow(tr("Outline colour:"), _outlineButton);

    _outlineWidth = new QDoubleSpinBox(this);
    _outlineWidth->setObjectName("outlineWidth");
    _outlineWidth->setRange(0.0, 10.0);
    _outlineWidth->setSingleStep(0.5);
    _outlineWidth->setSuffix(tr(" px"));
    _outlineWidth->setSpecialValueText(tr("No outline"));
    _outlineWidth->setValue(current.outlineColor.a() > 0.f ? current.outlineWidth : 0.0);
    _outlineWidth->setEnabled(area);
    form->addRow(tr("Outline width:"), _outlineWidth);

    const QStringList fields = _layer ? fieldNamesOf(*_layer) : QStringList();
    _categoryField = new QComboBox(this);
    _categoryField->setObjectName("categoryField");
    const bool buildings = current.role == render::LayerRole::Buildings;
    // Buildings by their drawn height first (a gradient, or QGIS-style
    // graduated bands), then one colour, then the categories of a field.
    if (buildings) {
        _categoryField->addItem(tr("Height (gradient)"), QString());
        _categoryField->setItemData(0, int(ColourMode::Gradient), kModeRole);
        _categoryField->addItem(tr("Height bands"), QString());
        _categoryField->setItemData(1, int(ColourMode::Bands), kModeRole);
    }
    _categoryField->addItem(tr("(single colour)"), QString());
    _categoryField->setItemData(_categoryField->count() - 1, int(ColourMode::Single), kModeRole);
    for (const QString& f : fields) {
        _categoryField->addItem(f, f);
        _categoryField->setItemData(_categoryField->count() - 1, int(ColourMode::Category),
                                    kModeRole);
    }
    // The current categories are kept only if the user keeps their field.
    auto modeIndex = [this](ColourMode m) { return _categoryField->findData(int(m), kModeRole); };
    if (!current.categoryColors.empty()) {
        const int i = _categoryField->findData(QString::fromStdString(current.categoryAttribute));
        if (i > 0)
            _categoryField->setCurrentIndex(i);
    } else if (buildings && !current.bands.empty()) {
        _categoryField->setCurrentIndex(modeIndex(ColourMode::Bands));
    } else if (buildings && !current.colorByHeight) {
        _categoryField->setCurrentIndex(modeIndex(ColourMode::Single));
    }
    form->addRow(tr("Colour by attribute:"), _categoryField);
    _categories = new QListWidget(this);
    _categories->setObjectName("categories");
    _categories->setMaximumHeight(140);
    form->addRow(QString(), _categories);
    connect(_categoryField, &QComboBox::currentIndexChanged, this,
            &LayerStyleDialog::updateCategories);

    _labelField = new QComboBox(this);
    _labelField->setObjectName("labelField");
    _labelField->addItem(tr("(no labels)"), QString());
    for (const QString& f : fields)
        _labelField->addItem(f, f);
    _labelField->setCurrentIndex(
        std::max(0, _labelField->findData(QString::fromStdString(current.labelAttribute))));
    // Inside areas, along lines, over landmark buildings; points have pins.
    _labelField->setEnabled(labelled(current.role));
    form->addRow(tr("Labels from field:"), _labelField);

    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Apply)->setObjectName("applyStyle");
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        emit applied(style());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            [this] { emit applied(style()); });
    outer->addWidget(buttons);
    updateCategories();
}

void LayerStyleDialog::setFillColor(const QColor& c) {
    _fill = c;
    showColor(_fillButton, _fill);
    updateCategories();
}

void LayerStyleDialog::setOutlineColor(const QColor& c) {
    _outline = c;
    showColor(_outlineButton, _outline);
}

void LayerStyleDialog::pickColor(QPushButton* button, QColor& colour) {
    const QColor c = QColorDialog::getColor(colour, this, tr("Choose a colour"));
    if (!c.isValid())
        return;
    colour = c;
    showColor(button, colour);
}

void LayerStyleDialog::showColor(QPushButton* button, const QColor& colour) {
    button->setText(colour.name());
    button->setStyleSheet(QStringLiteral("background-color: %1; color: %2")
                              .arg(colour.name(), colour.lightness() > 128 ? "black" : "white"));
}

LayerStyleDialog::ColourMode LayerStyleDialog::colourMode() const {
    return ColourMode(_categoryField->currentData(kModeRole).toInt());
}

void LayerStyleDialog::updateCategories() {
    _categories->clear();
    if (colourMode() == ColourMode::Bands) {
        // The bands as the legend will show them.
        render::LayerStyle bands = _base;
        bands.bandAttribute = render::kDrawnHeight;
        if (bands.bands.empty())
            bands.bands = render::buildingHeightBands();
        bands.categoryColors.clear();
        bands.rules.clear();
        bands.colorByHeight = false;
        std::vector<LegendLine> lines = legendLines(bands);
        if (!lines.empty())
            lines.pop_back();  // "Other": no building is below 0 m
        for (const LegendLine& line : lines) {
            QPixmap swatch(14, 14);
            swatch.fill(line.colour);
            new QListWidgetItem(QIcon(swatch), line.text, _categories);
        }
        _categories->setVisible(true);
        return;
    }
    const QString field = _categoryField->currentData().toString();
    _categories->setVisible(!field.isEmpty());
    if (field.isEmpty() || !_layer)
        return;
    std::vector<std::string> values;
    std::set<std::string> seen;
    const std::string key = field.toStdString();
    for (const auto& f : _layer->features)
        if (const std::string* v = f.find(key); v && seen.insert(*v).second)
            values.push_back(*v);
    for (std::size_t i = 0; i < values.size() && int(i) < kMostCategories; ++i) {
        auto* item = new QListWidgetItem(QString::fromStdString(values[i]), _categories);
        QPixmap swatch(14, 14);
        swatch.fill(categoryColor(int(i)));
        item->setIcon(QIcon(swatch));
    }
    if (int(values.size()) > kMostCategories)
        new QListWidgetItem(
            tr("… %n more in the fill colour", nullptr, int(values.size()) - kMostCategories),
            _categories);
}

render::LayerStyle LayerStyleDialog::style() const {
    render::LayerStyle s = _base;
    const bool area = s.role == render::LayerRole::Area;
    const float alpha = area ? float(_opacity->value()) / 100.f : 1.f;
    s.color = toVec4(_fill, alpha);
    if (area) {
        const bool outline = _outlineWidth->value() > 0.0;
        s.outlineColor = toVec4(_outline, outline ? 1.f : 0.f);
        s.outlineWidth = float(_outlineWidth->value());
    }
    if (labelled(s.role))
        s.labelAttribute = _labelField->currentData().toString().toStdString();
    s.categoryColors.clear();
    if (s.role == render::LayerRole::Buildings) {
        const ColourMode mode = colourMode();
        s.colorByHeight = mode == ColourMode::Gradient;
        if (mode == ColourMode::Bands) {
            s.bandAttribute = render::kDrawnHeight;
            if (s.bands.empty())
                s.bands = render::buildingHeightBands();
        } else {
            s.bandAttribute.clear();
            s.bands.clear();
        }
    }
    const QString field = _categoryField->currentData().toString();
    if (!field.isEmpty()) {
        s.categoryAttribute = field.toStdString();
        for (int i = 0; i < _categories->count() && i < kMostCategories; ++i) {
            if (_categories->item(i)->icon().isNull())
                continue;  // the "more" line
            s.categoryColors[_categories->item(i)->text().toStdString()] =
                toVec4(categoryColor(i), alpha);
        }
    }
    return s;
}

}  // namespace citytwin::app
