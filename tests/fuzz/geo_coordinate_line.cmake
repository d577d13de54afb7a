# citytwin-cli transform's line parser and number formatter.
citytwin_add_fuzz_target(geo_coordinate_line
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzGeoCoordinateLine.cpp
    LIBS citytwin::geo)
