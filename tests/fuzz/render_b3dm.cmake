# b3dm bytes through the header/feature-table parser and the embedded GLB
# through the glTF path (render/formats/src/B3dmTile.cpp, render/src/gltf/Gltf*.cpp).
citytwin_add_fuzz_target(render_b3dm
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzRenderB3dm.cpp
    LIBS citytwin::render citytwin::formats)
