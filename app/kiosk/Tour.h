#pragma once
// A kiosk tour: the stops an unattended kiosk visits in a loop, and how the
// operator leaves it. Plain data (no Qt, no OSG); TourFile reads it from
// JSON, TourPlayer plays it. The format is documented in docs/kiosk.md.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "citytwin/render/CameraPose.h"

namespace citytwin::app::kiosk {

/// A text in both languages of the app; the kiosk shows the one --lang picks.
struct BilingualText {
    std::string zh;
    std::string en;

    const std::string& in(bool chinese) const { return chinese ? zh : en; }
};

/// A scenario the stop plays while the kiosk dwells there.
struct TourScenario {
    std::string file;    ///< as written; relative paths are relative to the tour file
    double speed = 1.0;  ///< playback speed factor, > 0
};

struct TourStop {
    render::CameraPose camera;
    double flySeconds = 8.0;     ///< the flight from the previous stop
    double dwellSeconds = 20.0;  ///< time spent at the stop once arrived
    /// The layer ids shown at the stop (every other layer is hidden);
    /// nullopt: the stop leaves the layers as they are.
    std::optional<std::vector<std::string>> maybeLayers;
    std::optional<TourScenario> maybeScenario;
    std::optional<std::int64_t> maybeSensorTimeMs;  ///< show the sensors at this time
    BilingualText caption;
};

struct TourExit {
    /// A key chord such as "Ctrl+Alt+Shift+E" (modifiers Ctrl, Alt, Shift,
    /// Meta, then one key) that opens the PIN prompt.
    std::string chord = "Ctrl+Alt+Shift+E";
    /// Digits; empty: no PIN in the tour (CITYTWIN_KIOSK_PIN may give one).
    std::string pin;
};

struct Tour {
    int version = 1;
    BilingualText title;
    double idleReturnSeconds = 60.0;  ///< no input for this long: back to the tour
    TourExit exit;
    /// Resident memory above this ends the kiosk with kExitMemoryCeiling;
    /// 0: the default (CITYTWIN_KIOSK_MEMORY_MB, else 2048).
    std::int64_t memoryCeilingMb = 0;
    /// The sky the kiosk shows: "clock" (the sun at the scene time),
    /// "fixed" (a fixed pleasant light) or "night" (the night style).
    std::string lighting = "clock";
    std::vector<TourStop> stops;
};

/// The tour used when none is given or the given one is bad: three views
/// over the Shanghai demo, every layer shown.
Tour builtinTour();

}  // namespace citytwin::app::kiosk
