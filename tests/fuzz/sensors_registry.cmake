# Sensor registry CSV through SensorRegistry::parseCsv (sensors/src/SensorRegistry.cpp); corpus in corpus/sensors_registry/.
citytwin_add_fuzz_target(sensors_registry
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzSensorsRegistry.cpp
    LIBS citytwin::sensors)
