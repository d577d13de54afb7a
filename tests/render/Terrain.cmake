# Terrain draping and the paged-memory budget, on GeoTIFFs the tests write
# with GDAL (tests/support/SyntheticRasters) and the shared OSGB sample.
add_library(citytwin_synthetic_rasters STATIC ${CMAKE_SOURCE_DIR}/tests/support/SyntheticRasters.cpp)
target_include_directories(citytwin_synthetic_rasters PUBLIC ${CMAKE_SOURCE_DIR}/tests/support)
target_link_libraries(citytwin_synthetic_rasters PRIVATE GDAL::GDAL)
citytwin_configure_target(citytwin_synthetic_rasters)

citytwin_add_test(test_render_terrain
    SOURCES
        ${CMAKE_CURRENT_LIST_DIR}/TestTerrain.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestPagedMemoryBudget.cpp
    LIBS citytwin::render citytwin_synthetic_rasters
    LABELS unit
    SHARED_TESTS PagedMemoryBudgetTest.osgbPyramidStaysWithinABudget)

# Tiles, OSGB pyramids and DEMs from a real nginx through the client tile
# cache (label http; skipped without nginx).
citytwin_add_test(test_render_http
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/TestRemoteTilesHttp.cpp
    LIBS citytwin::render citytwin_synthetic_rasters citytwin_test_servers citytwin_test_paging
    LABELS http
    TIMEOUT 600
    SHARED_TESTS
        RemoteTiles.aTilesetsSecondLoadOnlyRevalidatesAndOfflineStillLoads
        RemoteTiles.anOsgbPyramidPagesEveryLevelOverHttpAndRevalidatesOnTheSecondFlight)
add_dependencies(test_render_http citytwin-tile-reader)
target_include_directories(test_render_http PRIVATE ${CMAKE_SOURCE_DIR}/render/src)
