#include "sensors/PlaybackBar.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimeZone>
#include <QToolButton>

namespace citytwin::app {

QString shanghaiTimeText(qint64 t, bool withSeconds) {
    static const QTimeZone tz(8 * 3600);
    return QDateTime::fromMSecsSinceEpoch(t, tz).toString(
        withSeconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm"));
}

const std::vector<double>& PlaybackBar::speeds() {
    static const std::vector<double> s{0.1, 1, 10, 60, 300, 600, 1800, 3600};
    return s;
}

PlaybackBar::PlaybackBar(QWidget* parent) : QWidget(parent) {
    setObjectName("playbackBar");
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(4, 2, 4, 2);
    _live = new QToolButton(this);
    _live->setObjectName("liveButton");
    _live->setCheckable(true);
    _play = new QToolButton(this);
    _play->setObjectName("playButton");
    _loop = new QToolButton(this);
    _loop->setObjectName("loopButton");
    _loop->setCheckable(true);
    _speed = new QComboBox(this);
    _speed->setObjectName("speedBox");
    for (double s : speeds())
        _speed->addItem(s < 1 ? QStringLiteral("%1×").arg(s) : QStringLiteral("%1×").arg(int(s)),
                        s);
    _speed->setCurrentIndex(3);  // 60×: an hour a minute
    _time = new QLabel(this);
    _time->setObjectName("sceneTime");
    _time->setMinimumWidth(_time->fontMetrics().horizontalAdvance("0000-00-00 00:00:00 (0000×)"));
    _track = new TimelineTrack(this);
    _track->setObjectName("timeline");
    row->addWidget(_live);
    row->addWidget(_play);
    row->addWidget(_loop);
    row->addWidget(_speed);
    row->addWidget(_time);
    row->addWidget(_track, 1);

    connect(_live, &QToolButton::clicked, this, [this] {
        _live->setChecked(_mode == sensors::PlaybackClock::Mode::Live);
        emit liveRequested();
    });
    connect(_play, &QToolButton::clicked, this, [this] {
        if (_mode == sensors::PlaybackClock::Mode::Playing)
            emit pauseRequested();
        else
            emit playRequested(chosenRate());
    });
    connect(_loop, &QToolButton::toggled, this, &PlaybackBar::loopToggled);
    connect(_speed, &QComboBox::activated, this, [this] { emit rateChosen(chosenRate()); });
    connect(_track, &TimelineTrack::seekRequested, this, &PlaybackBar::seekRequested);
    retranslate();
}

double PlaybackBar::chosenRate() const {
    return _speed->currentData().toDouble();
}

void PlaybackBar::showClock(sensors::PlaybackClock::Mode mode, double rate, qint64 t) {
    const bool modeChanged = mode != _mode;
    _mode = mode;
    _live->setChecked(mode == sensors::PlaybackClock::Mode::Live);
    QString text = shanghaiTimeText(t);
    if (mode == sensors::PlaybackClock::Mode::Playing)
        text +=
            rate < 1 ? QStringLiteral(" (%1×)").arg(rate) : QStringLiteral(" (%1×)").arg(int(rate));
    _time->setText(text);
    _track->setCursorTime(t);
    if (modeChanged)
        retranslate();
}

void PlaybackBar::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void PlaybackBar::retranslate() {
    _live->setText(tr("Live"));
    _live->setToolTip(tr("Follow the present: show what the sensors report now"));
    const bool playing = _mode == sensors::PlaybackClock::Mode::Playing;
    _play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    _play->setToolTip(playing ? tr("Pause playback") : tr("Play back from the cursor"));
    _play->setAccessibleName(playing ? tr("Pause") : tr("Play"));
    _loop->setText(tr("Loop"));
    _loop->setToolTip(tr("Play the timeline's range over and over"));
    _speed->setToolTip(tr("Playback speed (times real time)"));
    _time->setToolTip(tr("Scene time, Shanghai (UTC+8)"));
    _track->setToolTip(
        tr("Click or drag to go to a time; red bands are alerts, hatched areas "
           "are gaps in the stream"));
}

}  // namespace citytwin::app
