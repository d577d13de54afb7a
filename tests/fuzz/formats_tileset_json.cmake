# tileset.json bytes through the typed parser (render/formats/src/TilesetJson.cpp); corpus in corpus/formats_tileset_json/.
citytwin_add_fuzz_target(formats_tileset_json
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzFormatsTilesetJson.cpp
    LIBS citytwin::formats)
