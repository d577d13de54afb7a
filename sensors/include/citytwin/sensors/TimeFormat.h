#pragma once
// Timestamps as sensors send them and as citytwin prints them: geo's ISO 8601
// functions, under the names the sensor code has always used.

#include "citytwin/geo/IsoTime.h"
#include "citytwin/sensors/Reading.h"

namespace citytwin::sensors {

using geo::formatIso8601;
using geo::parseIso8601;
using geo::parseUserTime;
using geo::systemNowMs;

}  // namespace citytwin::sensors
