#pragma once
// The kiosk's screen furniture, painted over the 3D view: the tour's title,
// the stop's caption, a clock, a small legend, the map attribution, the
// caption card of what a visitor tapped, and the operator's PIN prompt.
// Sizes follow the view's height in device-independent pixels, so the text
// is as readable at 4K as at 1080p, scaled or not. Painted into a picture
// the view lays over its frames (OsgView::setOverlayPicture: no widget can
// lie over its native window); mouse input goes to the view.

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <optional>

class QPainter;

namespace citytwin::app {
class OsgView;
}

namespace citytwin::app::kiosk {

class KioskOverlay : public QObject {
    Q_OBJECT
public:
    /// Covers `view`, following its size.
    explicit KioskOverlay(OsgView* view);

    void setTitle(const QString& title);
    void setCaption(const QString& caption);
    /// A card with a heading and a few lines; hidden after `seconds`.
    void showCard(const QString& heading, const QStringList& lines, int seconds = 12);
    void hideCard();
    /// nullopt: no prompt; else the number of digits typed.
    void setPinPrompt(std::optional<int> maybeDigits);

    const QString& caption() const { return _caption; }
    bool isCardShown() const { return !_cardHeading.isEmpty(); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// Paints again, once, after the changes made in this turn of the event loop.
    void update();
    void repaint();
    double width() const;
    double height() const;
    /// One unit: 1/100 of the view's height in device-independent pixels.
    double unit() const;
    QFont font(double sizeUnits, bool bold = false) const;
    void paintTitle(QPainter& p);
    void paintCaption(QPainter& p);
    void paintClock(QPainter& p);
    void paintLegend(QPainter& p);
    void paintAttribution(QPainter& p);
    void paintCard(QPainter& p);
    void paintPinPrompt(QPainter& p);

    QString _title;
    QString _caption;
    QString _cardHeading;
    QStringList _cardLines;
    OsgView* _view;
    bool _repaintDue = false;
    QTimer _cardTimer;
    QTimer _clockTimer;
    std::optional<int> _maybePinDigits;
};

}  // namespace citytwin::app::kiosk
