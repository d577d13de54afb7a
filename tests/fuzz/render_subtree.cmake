# subtree bytes through its parser (render/formats/src/SubtreeFile.cpp); corpus in corpus/render_subtree/.
citytwin_add_fuzz_target(render_subtree
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzRenderSubtree.cpp
    LIBS citytwin::formats)
