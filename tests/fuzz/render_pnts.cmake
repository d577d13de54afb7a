# pnts bytes through its parser (render/formats/src/PntsTile.cpp); corpus in corpus/render_pnts/.
citytwin_add_fuzz_target(render_pnts
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzRenderPnts.cpp
    LIBS citytwin::formats)
