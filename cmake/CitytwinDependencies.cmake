# Finds every third-party library once and wraps those whose Find modules give
# variables rather than targets into INTERFACE targets (citytwin::osg ...).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(GDAL CONFIG REQUIRED)
find_package(PROJ CONFIG REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
pkg_check_modules(MOSQUITTO REQUIRED IMPORTED_TARGET libmosquitto)
# sd_notify (READY=1, WATCHDOG=1) for the kiosk under systemd.
pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET libsystemd)

find_package(OpenSceneGraph 3.6 REQUIRED COMPONENTS osgDB osgGA osgUtil osgViewer osgText osgSim)
if(NOT TARGET citytwin::osg)
    add_library(citytwin_osg INTERFACE)
    target_include_directories(citytwin_osg SYSTEM INTERFACE ${OPENSCENEGRAPH_INCLUDE_DIRS})
    target_link_libraries(citytwin_osg INTERFACE ${OPENSCENEGRAPH_LIBRARIES} OpenThreads)
    add_library(citytwin::osg ALIAS citytwin_osg)
endif()

find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets OpenGL OpenGLWidgets Concurrent LinguistTools Test)
