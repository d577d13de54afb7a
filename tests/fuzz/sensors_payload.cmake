# Fuzzes the MQTT payload parser and the CSV readers of sensors/ (registry,
# readings file): bytes in, a Result out, never a crash.
citytwin_add_fuzz_target(sensors_payload
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzSensorsPayload.cpp
    LIBS citytwin::sensors)
