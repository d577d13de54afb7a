# Fuzz target: the scenario file parser (docs/scenarios.md, schema version 1).
citytwin_add_fuzz_target(assets_scenario SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzAssetsScenario.cpp LIBS citytwin::assets)
