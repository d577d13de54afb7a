# One CSV line through splitCsvLine/parseDouble (sensors/src/CsvLine.cpp, private to
# sensors: its folder is on the include path); corpus in corpus/sensors_csv_line/.
citytwin_add_fuzz_target(sensors_csv_line
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzSensorsCsvLine.cpp
    LIBS citytwin::sensors)
target_include_directories(fuzz_sensors_csv_line PRIVATE ${CMAKE_SOURCE_DIR}/sensors/src)
