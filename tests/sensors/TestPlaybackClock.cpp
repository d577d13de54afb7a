#include <gtest/gtest.h>

#include "citytwin/sensors/PlaybackClock.h"

using namespace citytwin::sensors;

namespace {
constexpr TimeMs kT0 = 1764133200000;

struct FakeWall {
    TimeMs now = kT0;
    PlaybackClock::TimeSource source() {
        return [this] { return now; };
    }
};
}  // namespace

TEST(PlaybackClock, liveFollowsTheWallClock) {
    FakeWall wall;
    PlaybackClock clock(wall.source());
    EXPECT_EQ(clock.mode(), PlaybackClock::Mode::Live);
    wall.now += 5000;
    EXPECT_EQ(clock.now(), kT0 + 5000);
}

TEST(PlaybackClock, seekPausesThenPlaysAtRate) {
    FakeWall wall;
    PlaybackClock clock(wall.source());
    clock.seek(kT0 - 3600000);
    EXPECT_EQ(clock.mode(), PlaybackClock::Mode::Paused);
    wall.now += 10000;
    EXPECT_EQ(clock.now(), kT0 - 3600000);
    clock.play(60);
    wall.now += 1000;  // one wall second = one scene minute
    EXPECT_EQ(clock.now(), kT0 - 3600000 + 60000);
    clock.setRate(0.5);
    wall.now += 2000;
    EXPECT_EQ(clock.now(), kT0 - 3600000 + 61000);
    clock.pause();
    wall.now += 50000;
    EXPECT_EQ(clock.now(), kT0 - 3600000 + 61000);
    clock.play(1e9);  // clamped
    EXPECT_EQ(clock.rate(), PlaybackClock::kMaxRate);
    clock.play(0.0001);
    EXPECT_EQ(clock.rate(), PlaybackClock::kMinRate);
}

TEST(PlaybackClock, playingIntoThePresentBecomesLive) {
    FakeWall wall;
    PlaybackClock clock(wall.source());
    clock.seek(kT0 - 10000);
    clock.play(11);
    wall.now += 500;  // 5.5 s of scene: still behind
    EXPECT_EQ(clock.mode(), PlaybackClock::Mode::Playing);
    wall.now += 1000;  // would be ahead of the wall
    EXPECT_EQ(clock.mode(), PlaybackClock::Mode::Live);
    EXPECT_EQ(clock.now(), wall.now);
    clock.seek(wall.now + 100000);  // the future is not seekable
    EXPECT_EQ(clock.now(), wall.now);
}

TEST(PlaybackClock, loopsOverARange) {
    FakeWall wall;
    PlaybackClock clock(wall.source());
    const TimeMs from = kT0 - 86400000, to = from + 3600000;
    ASSERT_TRUE(clock.setLoop(from, to));
    EXPECT_FALSE(clock.setLoop(to, from));
    clock.seek(from);
    clock.play(3600);  // one hour per wall second
    wall.now += 250;
    EXPECT_EQ(clock.now(), from + 900000);
    wall.now += 1000;  // 1.25 loops
    EXPECT_EQ(clock.now(), from + 900000);
    EXPECT_EQ(clock.mode(), PlaybackClock::Mode::Playing);
    clock.seek(to + 1000000);  // clamped into the loop
    EXPECT_EQ(clock.now(), to - 1);
    clock.clearLoop();
    EXPECT_FALSE(clock.loop().has_value());
    clock.goLive();
    EXPECT_EQ(clock.now(), wall.now);
}
