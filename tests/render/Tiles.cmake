# 3D Tiles contents (pnts, i3dm, cmpt) loaded through tilesets, the shared
# samples as a whole, and tilesets over HTTP from a local python3 server
# (the parsers alone are tested in tests/formats/).
# Draco-compressed point clouds are encoded in the tests with libdraco.
# libdraco exports a tinygltf of its own: TinyGLTF is linked first so that
# the loader's tinygltf calls resolve to Debian's (as in citytwin_render).
find_package(TinyGLTF REQUIRED)
find_package(draco REQUIRED)
citytwin_add_test(test_render_tiles
    SOURCES
        ${CMAKE_CURRENT_LIST_DIR}/TestTilesetContent.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestTilesetSamples.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestTilesetHttp.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestTilesetPaging.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestTilesetGeoreference.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestLoaderErrorPaths.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestModelFeatures.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestDeclaredHull.cpp
        ${CMAKE_CURRENT_LIST_DIR}/TestFarGround.cpp
    LIBS citytwin::render citytwin::formats nlohmann_json::nlohmann_json TinyGLTF::TinyGLTF
        draco::draco
    LABELS unit
    SHARED_TESTS
        TilesetContent.pntsI3dmAndNestedCmptLoadInOneTilesetAndCarryTheirFeatures
        TilesetContent.i3dmWithAGltfUriAndEastNorthUpStandsUpright
        TilesetSamples.*
        SampleServer.*
        TilesetPaging.aViewerRequestVolumeShowsItsTileOnlyFromInside
        ModelFeatures.*
        DeclaredHull.aFarPagedTilesetIsBoxedByItsRootVolumeInItsOwnEastNorthUp)
# TileBoundingVolume is internal to the render library (built from
# citytwin::formats volumes): tested directly.
target_include_directories(test_render_tiles PRIVATE ${CMAKE_SOURCE_DIR}/render/src
    ${CMAKE_SOURCE_DIR}/tests/support)
