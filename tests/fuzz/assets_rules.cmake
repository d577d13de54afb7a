# Fuzz target: the rules file parser (assets/rules/*.json format).
citytwin_add_fuzz_target(assets_rules SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzAssetsRules.cpp LIBS citytwin::assets)
