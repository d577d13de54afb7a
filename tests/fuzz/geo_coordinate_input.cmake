# The "Go to" coordinate parser (decimal, DMS, Chinese units, Gauss-Kruger).
citytwin_add_fuzz_target(geo_coordinate_input
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzGeoCoordinateInput.cpp
    LIBS citytwin::geo)
