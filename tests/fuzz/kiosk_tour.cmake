# Fuzzes the kiosk tour file parser (app/kiosk/TourFile, no Qt).
citytwin_add_fuzz_target(kiosk_tour
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzKioskTour.cpp
    LIBS citytwin_kiosk_tour)
