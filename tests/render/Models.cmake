# Model loaders (OSGB pyramids, glTF/GLB, 3D Tiles) against the shared
# public samples in ../shared/data and malformed inputs built by the tests.
citytwin_add_test(test_render_models
    SOURCES
        ${CMAKE_CURRENT_LIST_DIR}/TestGltfModelLoader.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestModelFileLoader.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestModelPlacement.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestOsgbPyramidLoader.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestTilesetLoader.cpp
    LIBS citytwin::render citytwin::formats citytwin_test_paging PROJ::proj
        nlohmann_json::nlohmann_json
    LABELS unit
    SHARED_TESTS
        GltfModelLoader.*
        ModelFileLoader.dispatchesEveryKindOfModelToItsLoader
        OsgbPyramidLoader.loadsTheProductionSampleWithItsTilesAndPagedLevels
        OsgbPyramidLoader.landsWhereItsMetadataSays
        OsgbPyramidLoader.thePagerLoadsEveryLevelAndSurvivesMissingChildren
        TilesetLoader.*)
target_include_directories(test_render_models PRIVATE ${CMAKE_SOURCE_DIR}/tests/support)

# Damaged OSGB tiles read through the isolated tile reader (issue 19): the
# sample's every tile cut at every 5 kB, through the DatabasePager and model-info.
citytwin_add_test(test_render_damaged_tiles
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestIsolatedTileReader.cpp
    LIBS citytwin::render
    LABELS unit slow
    TIMEOUT 2400
    SHARED_TESTS IsolatedTileReader.*)
target_include_directories(test_render_damaged_tiles PRIVATE ${CMAKE_SOURCE_DIR}/tests/support)
add_dependencies(test_render_damaged_tiles citytwin-cli citytwin-tile-reader)

# CityGML through libcitygml: our own small files in tests/data/citygml and
# the shared samples (Berlin open data, TU Delft test buildings), cut too.
citytwin_add_test(test_render_citygml
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestCityGmlLoader.cpp
    LIBS citytwin::render citytwin::formats PROJ::proj
    LABELS unit
    SHARED_TESTS CityGmlSamples.*)
target_include_directories(test_render_citygml PRIVATE ${CMAKE_SOURCE_DIR}/tests/support)
add_dependencies(test_render_citygml citytwin-cli)
