# 3D Tiles content formats (pnts, i3dm, cmpt, implicit subtrees), the shared
# samples as a whole, and tilesets over HTTP from a local python3 server.
citytwin_add_test(test_render_tiles
    SOURCES
        ${CMAKE_CURRENT_LIST_DIR}/TestTileFormats.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestTilesetSamples.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestTilesetHttp.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestTilesetPaging.cpp
    LIBS citytwin::render nlohmann_json::nlohmann_json
    LABELS unit)
# TileBoundingVolume is internal to the render library: tested directly.
target_include_directories(test_render_tiles PRIVATE ${CMAKE_SOURCE_DIR}/render/src)
