# i3dm bytes through its parser (render/formats/src/I3dmTile.cpp and the glTF path); corpus in corpus/render_i3dm/.
citytwin_add_fuzz_target(render_i3dm
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzRenderI3dm.cpp
    LIBS citytwin::render citytwin::formats)
