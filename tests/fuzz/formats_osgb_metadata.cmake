# An OSGB pyramid's metadata.xml through its parser (render/formats/src/OsgbMetadata.cpp); corpus in corpus/formats_osgb_metadata/.
citytwin_add_fuzz_target(formats_osgb_metadata
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzFormatsOsgbMetadata.cpp
    LIBS citytwin::formats citytwin::geo)
