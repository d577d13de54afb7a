# The attribute table's filter expressions (issue 17 item 4).
citytwin_add_fuzz_target(assets_attribute_filter
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/FuzzAssetsAttributeFilter.cpp
    LIBS citytwin::assets)
