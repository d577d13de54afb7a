# A web server's folder listing (nginx autoindex JSON or an HTML index), as read for an OSGB pyramid's Data/ over HTTP (render/src/osgb/DirectoryListing.cpp); corpus in corpus/render_directory_listing/.
citytwin_add_fuzz_target(render_directory_listing
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzRenderDirectoryListing.cpp
    LIBS citytwin::render)
target_include_directories(fuzz_render_directory_listing PRIVATE ${CMAKE_SOURCE_DIR}/render/src)
