// Recorded history in the GUI, each part on a real store file: the
// timeline's coverage band (drawn where data is, dark in a gap, at a zoom of
// months and of minutes), the history chart zooming from minutes to years
// with the matching rollups and following live readings, its CSV and PNG
// export, and a history import cancelled half-way that keeps and counts what
// it committed.

#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QWheelEvent>

#include <fstream>

#include "GuiTestSupport.h"
#include "HistoryTestSupport.h"
#include "citytwin/geo/TimeZone.h"
#include "citytwin/sensors/SensorStore.h"
#include "citytwin/sensors/TimeFormat.h"
#include "sensors/HistoryChartFeed.h"
#include "sensors/HistoryImport.h"
#include "sensors/SensorHistoryChart.h"
#include "sensors/SensorQueries.h"
#include "sensors/TimelineCoverage.h"
#include "sensors/TimelineTrack.h"

using namespace citytwin;
using namespace citytwin::app;
using namespace citytwin::test;  // the history tests' times, wheel, band

namespace {

/// Readings of one sensor every `step` in [from, to).
void writeReadings(sensors::SensorStore& store, const std::string& id, qint64 from, qint64 to,
                   qint64 step) {
    std::vector<sensors::Reading> batch;
    for (qint64 t = from; t < to; t += step) {
        batch.push_back({id, "pm25", t, 40.0 + double((t / step) % 50), t});
        if (batch.size() == 20000) {
            ASSERT_TRUE(store.write(batch).ok());
            batch.clear();
        }
    }
    ASSERT_TRUE(store.write(batch).ok());
}

/// The chart shown with its feed on the store at path, showing sensor id.
void showOnChart(SensorHistoryChart& chart, HistoryChartFeed& feed, const std::string& path,
                 const std::string& id) {
    auto queries = SensorQueries::open(path);
    ASSERT_TRUE(queries) << queries.messages();
    chart.resize(520, 240);
    chart.show();
    feed.setQueries(queries.value());
    sensors::SensorInfo info;
    info.id = id;
    info.metric = "pm25";
    info.unit = "µg/m³";
    chart.showSensor(info, {"pm25"});
}

QImage render(QWidget& w) {
    QImage image(w.size(), QImage::Format_ARGB32);
    w.render(&image);
    return image;
}

}  // namespace

TEST(TimelineCoverage, theBandIsDrawnWhereTheStoreHasDataAndNotInAGap) {
    QTemporaryDir dir;
    const std::string path = dir.filePath("coverage.db").toStdString();
    // 2013: hourly data January to May and September to December; a gap
    // June to August. Then a day at a 15-minute cadence in 2014.
    const qint64 gapFrom = at("2013-06-01T00:00+08:00"), gapTo = at("2013-09-01T00:00+08:00");
    const qint64 day2014 = at("2014-03-01T00:00+08:00");
    {
        auto store = sensors::SensorStore::open(path);
        ASSERT_TRUE(store) << store.messages();
        writeReadings(store.value(), "a", at("2013-01-01T00:00+08:00"), gapFrom, kHour);
        writeReadings(store.value(), "b", gapTo, at("2014-01-01T00:00+08:00"), kHour);
        writeReadings(store.value(), "a", day2014, day2014 + kDay, 15 * kMinute);
    }
    auto queries = SensorQueries::open(path);
    ASSERT_TRUE(queries) << queries.messages();
    TimelineTrack track;
    track.resize(612, 46);
    track.setRange(at("2013-01-01T00:00+08:00"), at("2014-06-01T00:00+08:00"));
    track.show();
    TimelineCoverage coverage(track);
    coverage.setQueries(queries.value());
    auto shownFor = [&](qint64 from, qint64 to) {
        return QTest::qWaitFor([&] { return coverage.shownWindow() == std::make_pair(from, to); },
                               10000);
    };
    ASSERT_TRUE(shownFor(track.viewFrom(), track.viewTo()));
    QImage image = render(track);
    image.save(test::outputDir() + "/timeline-coverage-years.png");
    // Data months: the band (but for the odd tick mark); the gap: none of it.
    EXPECT_GT(coveredShare(image, track, track.xOf(at("2013-01-10T00:00+08:00")),
                           track.xOf(at("2013-05-20T00:00+08:00"))),
              0.9);
    EXPECT_GT(coveredShare(image, track, track.xOf(at("2013-09-10T00:00+08:00")),
                           track.xOf(at("2013-12-20T00:00+08:00"))),
              0.9);
    EXPECT_EQ(
        coveredShare(image, track, track.xOf(gapFrom + 3 * kDay), track.xOf(gapTo - 3 * kDay)),
        0.0);
    EXPECT_EQ(coveredShare(image, track, track.xOf(at("2014-01-05T00:00+08:00")),
                           track.xOf(at("2014-02-25T00:00+08:00"))),
              0.0);

    // Zoomed in to minutes: the 15-minute readings of 2014-03-01 are slivers
    // a minute wide with nothing between them (the raw readings' minutes).
    const int x = track.xOf(day2014 + 12 * kHour);
    for (int i = 0; i < 40 && track.viewTo() - track.viewFrom() > kHour; ++i)
        wheel(&track, x, 1);
    ASSERT_LE(track.viewTo() - track.viewFrom(), kHour);
    ASSERT_TRUE(shownFor(track.viewFrom(), track.viewTo()));
    image = render(track);
    image.save(test::outputDir() + "/timeline-coverage-minutes.png");
    const qint64 reading = (track.viewFrom() / (15 * kMinute) + 1) * 15 * kMinute;
    ASSERT_LT(reading + 7 * kMinute, track.viewTo());
    EXPECT_EQ(coveredShare(image, track, track.xOf(reading) + 1, track.xOf(reading) + 1), 1.0);
    EXPECT_EQ(coveredShare(image, track, track.xOf(reading + 4 * kMinute),
                           track.xOf(reading + 11 * kMinute)),
              0.0);
}

TEST(SensorHistoryChart, zoomsFromMinutesToYearsWithTheRollupsAndFollowsLiveReadings) {
    QTemporaryDir dir;
    const std::string path = dir.filePath("history.db").toStdString();
    const qint64 from = at("2013-01-01T00:00+08:00");
    const qint64 now = from + 3 * 365 * kDay;
    {
        auto store = sensors::SensorStore::open(path);
        ASSERT_TRUE(store) << store.messages();
        writeReadings(store.value(), "aq", from, now - kDay, kHour);       // three years hourly
        writeReadings(store.value(), "aq", now - kDay, now, kMinute / 4);  // then every 15 s
    }
    SensorHistoryChart chart;
    HistoryChartFeed feed(chart);
    showOnChart(chart, feed, path, "aq");
    auto waitForWindow = [&](qint64 t) {
        return QTest::qWaitFor(
            [&] { return chart.range() == chart.windowAt(t) && !chart.points().empty(); }, 10000);
    };
    feed.setSceneTime(now - 10 * kMinute, true);
    ASSERT_TRUE(waitForWindow(now - 10 * kMinute));
    // Three hours around the scene time: raw readings every 15 s.
    EXPECT_EQ(chart.shownAggregation(), sensors::Aggregation::Raw);
    auto store = sensors::SensorStore::open(path);
    ASSERT_TRUE(store);
    {
        const auto [f, t] = chart.range();
        auto raw = store.value().history("aq", "pm25", f, t, sensors::Aggregation::Raw);
        ASSERT_TRUE(raw);
        EXPECT_EQ(chart.points().size(), raw->size());
        EXPECT_GT(chart.points().size(), 400u);
    }

    // Wheel out: 1 min, then 1 h, then 1 d rollups; the span reaches years.
    std::vector<sensors::Aggregation> seen;
    const int x = chart.plot()->width() / 2;
    for (int i = 0; i < 14; ++i) {
        wheel(chart.plot(), x, -1);
        ASSERT_TRUE(waitForWindow(now - 10 * kMinute)) << i;
        if (seen.empty() || seen.back() != chart.shownAggregation())
            seen.push_back(chart.shownAggregation());
        const auto [f, t] = chart.range();
        EXPECT_EQ(chart.shownAggregation(), SensorHistoryChart::aggregationFor(t - f));
    }
    EXPECT_EQ(seen, (std::vector<sensors::Aggregation>{sensors::Aggregation::Minute,
                                                       sensors::Aggregation::Hour,
                                                       sensors::Aggregation::Day}));
    {
        const auto [f, t] = chart.range();
        EXPECT_GT(t - f, 2 * 365 * kDay);
        auto days = store.value().history("aq", "pm25", f, t, sensors::Aggregation::Day);
        ASSERT_TRUE(days);
        EXPECT_EQ(chart.points().size(), days->size());
        EXPECT_GT(chart.points().size(), 700u);
    }
    chart.grab().save(test::outputDir() + "/sensors-history-years.png");
    // And back in to ten minutes around the scene time: raw again.
    for (int i = 0; i < 30; ++i)
        wheel(chart.plot(), chart.plotXOf(now - 10 * kMinute), 1);
    EXPECT_EQ(chart.span(), 10 * kMinute);
    ASSERT_TRUE(waitForWindow(now - 10 * kMinute));
    EXPECT_EQ(chart.shownAggregation(), sensors::Aggregation::Raw);

    // Live: a reading arriving at the store appears without any other input.
    const qint64 later = now + 2 * kMinute;
    ASSERT_TRUE(
        store.value().write(std::vector<sensors::Reading>{{"aq", "pm25", later, 777, later}}));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            feed.setSceneTime(later + kMinute, true);  // the window's tick
            return !chart.points().empty() && chart.points().back().ts == later &&
                   chart.points().back().last == 777;
        },
        10000));
}

TEST(SensorHistoryChart, exportsTheShownHistoryAsTheCliCsvInTheChosenZoneAndAPng) {
    QTemporaryDir dir;
    const std::string path = dir.filePath("export.db").toStdString();
    const qint64 t0 = at("2013-12-06T10:00+08:00");
    {
        auto store = sensors::SensorStore::open(path);
        ASSERT_TRUE(store) << store.messages();
        writeReadings(store.value(), "sh-jingan", t0, t0 + 4 * kHour, 5 * kMinute);
    }
    SensorHistoryChart chart;
    HistoryChartFeed feed(chart);
    showOnChart(chart, feed, path, "sh-jingan");
    const qint64 scene = t0 + 2 * kHour;
    feed.setSceneTime(scene, false);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return chart.range() == chart.windowAt(scene) && !chart.points().empty(); }, 10000));
    ASSERT_EQ(chart.shownAggregation(), sensors::Aggregation::Raw);

    const QString csv = dir.filePath("jingan.csv");
    ASSERT_TRUE(chart.exportCsv(csv, QStringLiteral("Asia/Shanghai")));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), qsizetype(chart.points().size() + 1));
    EXPECT_EQ(lines[0], QStringLiteral("sensor,metric,ts,ts_ms,value,ingest_ts"));
    const auto& p0 = chart.points().front();
    EXPECT_EQ(
        lines[1],
        QStringLiteral("sh-jingan,pm25,%1,%2,%3,%1")
            .arg(QString::fromStdString(geo::TimeZone::find("Asia/Shanghai")->formatIso8601(p0.ts)))
            .arg(p0.ts)
            .arg(p0.last));
    EXPECT_TRUE(lines[1].contains(QStringLiteral("+08:00")));
    f.close();
    ASSERT_TRUE(chart.exportCsv(csv, QStringLiteral("UTC")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString utcLine = QString::fromUtf8(f.readAll()).split('\n')[1];
    EXPECT_TRUE(utcLine.contains(
        QString::fromStdString(geo::TimeZone::find("UTC")->formatIso8601(p0.ts)) + ','))
        << utcLine.toStdString();
    EXPECT_FALSE(utcLine.contains(QStringLiteral("+08:00"))) << utcLine.toStdString();
    f.close();
    EXPECT_FALSE(chart.exportCsv(csv, QStringLiteral("Mars/Olympus_Mons")));
    EXPECT_FALSE(chart.exportCsv(dir.filePath("no/such/dir/x.csv"), QStringLiteral("UTC")));

    const QString png = test::outputDir() + "/sensors-history-export.png";
    ASSERT_TRUE(chart.exportPng(png));
    QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), chart.grab().size());
    // The mean line's blue is in it.
    int blue = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            blue += c.blue() - c.red() > 100;
        }
    EXPECT_GT(blue, 50);
    // The Export button offers both.
    chart.exportButton()->menu()->popup(chart.mapToGlobal(QPoint(0, 0)));
    QStringList texts;
    for (QAction* a : chart.exportButton()->menu()->actions())
        if (a->isEnabled())
            texts << a->text();
    chart.exportButton()->menu()->hide();
    EXPECT_EQ(texts,
              (QStringList{QStringLiteral("Export CSV..."), QStringLiteral("Export PNG...")}));
}

TEST(HistoryImport, aCancelledImportKeepsWhatItCommittedAndSaysSo) {
    QTemporaryDir dir;
    // A long CSV of 600,000 readings: far more than one commit.
    const QString file = dir.filePath("big.csv");
    {
        std::ofstream out(file.toStdString());
        out << "sensor,ts,metric,value\n";
        const qint64 t0 = at("2014-01-01T00:00+08:00");
        for (int i = 0; i < 600000; ++i)
            out << "s" << (i % 100) << ',' << t0 + qint64(i / 100) * kMinute << ",pm25,"
                << (i % 300) << '\n';
    }
    const QString store = dir.filePath("import.db");
    QWidget window;
    window.resize(400, 300);
    window.show();
    HistoryImport* import = HistoryImport::run(&window, {store, std::nullopt}, file, QString());
    ASSERT_TRUE(import);
    QPointer<HistoryImport> guard(import);
    ASSERT_TRUE(import->progressDialog());
    // Wait for the first readings to be committed, then press Cancel.
    quint64 committed = 0;
    QObject::connect(import, &HistoryImport::progress,
                     [&](int, quint64, quint64 stored) { committed = stored; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return committed > 0; }, 60000));
    QPushButton* cancel = nullptr;
    for (auto* b : import->progressDialog()->findChildren<QPushButton*>())
        cancel = b;
    ASSERT_TRUE(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return guard && guard->resultBox(); }, 60000));
    const HistoryImportResult r = import->result();
    EXPECT_TRUE(r.cancelled);
    EXPECT_FALSE(r.failed);
    EXPECT_GT(r.stored, 0u);
    EXPECT_LT(r.stored, 600000u);
    // The store holds exactly what the message counts.
    auto s = sensors::SensorStore::open(store.toStdString());
    ASSERT_TRUE(s) << s.messages();
    auto stats = s.value().stats();
    ASSERT_TRUE(stats);
    EXPECT_EQ(quint64(stats->readings), r.stored);
    const QString text = import->resultBox()->text();
    EXPECT_TRUE(text.contains(QStringLiteral("cancelled"))) << text.toStdString();
    EXPECT_TRUE(
        text.contains(QStringLiteral("the %1 readings committed so far are kept").arg(r.stored)))
        << text.toStdString();
    import->resultBox()->close();
    ASSERT_TRUE(QTest::qWaitFor([&] { return guard.isNull(); }, 5000));  // cleaned up
}
