#include "sensors/PlaybackBar.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QStyle>
#include <QTimeZone>
#include <QToolButton>

#include "citytwin/sensors/TimeFormat.h"

namespace citytwin::app {

QString shanghaiTimeText(qint64 t, bool withSeconds) {
    static const QTimeZone tz(8 * 3600);
    return QDateTime::fromMSecsSinceEpoch(t, tz).toString(
        withSeconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm"));
}

std::optional<qint64> parseTypedTime(const QString& typed) {
    const QString text = typed.trimmed();
    if (auto t = sensors::parseUserTime(text.toStdString()))
        return *t;
    // Chinese dates (2013年12月6日 12时30分) and slashes become 2013-12-6 12:30.
    QString s = text;
    s.replace(QStringLiteral("年"), QStringLiteral("-"))
        .replace(QStringLiteral("月"), QStringLiteral("-"))
        .replace(QStringLiteral("日"), QStringLiteral(" "))
        .replace(QStringLiteral("时"), QStringLiteral(":"))
        .replace(QStringLiteral("点"), QStringLiteral(":"))
        .replace(QStringLiteral("分"), QString())
        .replace(QLatin1Char('/'), QLatin1Char('-'))
        .replace(QLatin1Char('T'), QLatin1Char(' '));
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:\\s*(\\d{1,2})(?::(\\d{1,2})?)?)?\\s*$"));
    const auto m = re.match(s.simplified());
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    static const QTimeZone tz(8 * 3600);
    return QDateTime(date, time, tz).toMSecsSinceEpoch();
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
    _goTo = new QLineEdit(this);
    _goTo->setObjectName("goToTime");
    _goTo->setMaximumWidth(_goTo->fontMetrics().horizontalAdvance("0000-00-00 00:00__"));
    _track = new TimelineTrack(this);
    _track->setObjectName("timeline");
    row->addWidget(_live);
    row->addWidget(_play);
    row->addWidget(_loop);
    row->addWidget(_speed);
    row->addWidget(_time);
    row->addWidget(_goTo);
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
    connect(_goTo, &QLineEdit::returnPressed, this, [this] {
        const auto t = parseTypedTime(_goTo->text());
        _goTo->setStyleSheet(t ? QString() : QStringLiteral("color: #d03030"));
        if (!t)
            return;
        // Zoomed in elsewhere: show the whole range again, the cursor on it.
        if (*t < _track->viewFrom() || *t > _track->viewTo())
            _track->zoom(1e9, *t);
        emit seekRequested(*t);
    });
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
    _goTo->setPlaceholderText(tr("Go to date"));
    _goTo->setToolTip(
        tr("Type a date and time in Shanghai time (2013-12-06 12:00 or "
           "2013年12月6日 12:00) and press Enter to go there"));
    _track->setToolTip(
        tr("Click or drag to go to a time, the wheel zooms from years to minutes; red "
           "bands are alerts, hatched areas are gaps in the stream"));
}

}  // namespace citytwin::app
