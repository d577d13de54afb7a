# Fuzzes what history import parses itself: CSV mappings (JSON), TZif time
# zone files and POSIX TZ rules, wide CSV rows through a mapping.
citytwin_add_fuzz_target(sensors_history
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzSensorsHistory.cpp
    LIBS citytwin::sensors)
