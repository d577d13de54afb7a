#pragma once
// libmosquitto must be initialised once per process before any client.

namespace citytwin::sensors::detail {
void ensureMosquittoInitialised();
}
