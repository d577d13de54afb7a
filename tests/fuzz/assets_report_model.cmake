# Fuzz target: the report model JSON that citytwin-report-pdf reads.
citytwin_add_fuzz_target(assets_report_model SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzAssetsReportModel.cpp LIBS citytwin::assets)
