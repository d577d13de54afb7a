#pragma once
// PlaybackBar: the strip under the 3D view that drives the PlaybackClock —
// Live, Play/Pause, Loop, speed, the scene time in Shanghai time, and the
// TimelineTrack with the alerts of the period.

#include <QWidget>

#include <optional>

#include "citytwin/sensors/PlaybackClock.h"
#include "sensors/TimelineTrack.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace citytwin::app {

class PlaybackBar : public QWidget {
    Q_OBJECT
public:
    explicit PlaybackBar(QWidget* parent = nullptr);

    TimelineTrack* track() const { return _track; }
    QToolButton* playButton() const { return _play; }
    QToolButton* liveButton() const { return _live; }
    QToolButton* loopButton() const { return _loop; }
    QComboBox* speedBox() const { return _speed; }
    QLabel* timeLabel() const { return _time; }
    /// Type a date (and time) and press Enter to jump there.
    QLineEdit* goToEdit() const { return _goTo; }

    /// Shows the clock's state (mode, speed, time).
    void showClock(sensors::PlaybackClock::Mode mode, double rate, qint64 t);
    /// Playback speeds offered, ×real time.
    static const std::vector<double>& speeds();

signals:
    void liveRequested();
    void playRequested(double rate);
    void pauseRequested();
    void rateChosen(double rate);
    void seekRequested(qint64 t);
    /// Play the timeline's range over and over (on) or once (off).
    void loopToggled(bool on);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    double chosenRate() const;

    QToolButton* _live = nullptr;
    QToolButton* _play = nullptr;
    QToolButton* _loop = nullptr;
    QComboBox* _speed = nullptr;
    QLabel* _time = nullptr;
    QLineEdit* _goTo = nullptr;
    TimelineTrack* _track = nullptr;
    sensors::PlaybackClock::Mode _mode = sensors::PlaybackClock::Mode::Live;
};

/// "2026-11-26 08:30:05" in Shanghai time (UTC+8), as operators read it.
QString shanghaiTimeText(qint64 t, bool withSeconds = true);
/// A typed date and time, in Shanghai time unless it names a zone:
/// "2013-12-06 12:00", "2013-12-06", "2013/12/6 12", "2013年12月6日 12:00",
/// "2013年12月6日12时", ISO 8601 with a zone, or epoch ms. nullopt if none.
std::optional<qint64> parseTypedTime(const QString& text);

}  // namespace citytwin::app
