# cmpt bytes through its parser (render/formats/src/CmptTile.cpp and the inner tile parsers); corpus in corpus/render_cmpt/.
citytwin_add_fuzz_target(render_cmpt
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzRenderCmpt.cpp
    LIBS citytwin::formats)
