# GLB/glTF bytes through our container checks, tinygltf, the accessor reader,
# Draco and the scene builder (render/src/gltf/Gltf*.cpp, render/formats/src/Gltf*.cpp, GlbContainer.cpp).
citytwin_add_fuzz_target(render_glb
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzRenderGlb.cpp
    LIBS citytwin::render citytwin::formats)
