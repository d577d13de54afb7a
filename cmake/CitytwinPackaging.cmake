# What `cmake --install` puts where and the Debian package `cpack -G DEB`
# makes of it (citytwin_<version>_amd64.deb): the programs (app/CMakeLists.txt),
# the demo data, the desktop integration, man pages, the kiosk's systemd unit
# and the copyright file. See docs/packaging.md.
#
# cpack packages the tree as it is built: `install` does not rebuild `all`
# first (CMAKE_SKIP_INSTALL_ALL_DEPENDENCY in the top CMakeLists.txt), so build
# citytwin, citytwin-cli and citytwin_package_files (all of them are in `all`)
# before running cpack.

set(CITYTWIN_PACKAGING_DIR ${CMAKE_SOURCE_DIR}/packaging)
set(CITYTWIN_PACKAGE_BUILD_DIR ${CMAKE_BINARY_DIR}/package-files)
# The date of this version's release: the changelog and the AppStream release.
set(CITYTWIN_RELEASE_DATE 2026-12-01)
set(CITYTWIN_DEB_MAINTAINER
    "citytwin maintainers <maintainers@users.noreply.r-seed-a9764ef9.example>"
    CACHE STRING "The Maintainer field of the Debian package and its changelog")
set(CITYTWIN_APPSTREAM_ID org.citytwin.CityTwin)
execute_process(COMMAND date -u -R -d "${CITYTWIN_RELEASE_DATE} 12:00"
    OUTPUT_VARIABLE CITYTWIN_RELEASE_DATE_RFC2822 OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND date -u +%s -d "${CITYTWIN_RELEASE_DATE} 12:00"
    OUTPUT_VARIABLE CITYTWIN_RELEASE_EPOCH OUTPUT_STRIP_TRAILING_WHITESPACE)

# Installed files get standard modes whatever the builder's umask.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# --- demo data: installed as a directory, so what data/demo holds at install
# time (scenarios/, kiosk-tour.json ...) goes with it.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/data/demo DESTINATION ${CMAKE_INSTALL_DATADIR}/citytwin)

# --- desktop entry, AppStream metadata, icons
install(FILES ${CITYTWIN_PACKAGING_DIR}/desktop/citytwin.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
configure_file(${CITYTWIN_PACKAGING_DIR}/desktop/${CITYTWIN_APPSTREAM_ID}.metainfo.xml.in
    ${CITYTWIN_PACKAGE_BUILD_DIR}/${CITYTWIN_APPSTREAM_ID}.metainfo.xml @ONLY)
install(FILES ${CITYTWIN_PACKAGE_BUILD_DIR}/${CITYTWIN_APPSTREAM_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CITYTWIN_PACKAGING_DIR}/desktop/citytwin.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

set(citytwin_package_outputs "")
# PNG icons rendered from the SVG (rsvg-convert, Debian's librsvg2-bin).
find_program(CITYTWIN_RSVG_CONVERT rsvg-convert)
if(CITYTWIN_RSVG_CONVERT)
    foreach(size 16 22 24 32 48 64 128 256 512)
        set(png ${CITYTWIN_PACKAGE_BUILD_DIR}/icons/${size}x${size}/citytwin.png)
        add_custom_command(OUTPUT ${png}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${CITYTWIN_PACKAGE_BUILD_DIR}/icons/${size}x${size}
            COMMAND ${CITYTWIN_RSVG_CONVERT} -w ${size} -h ${size}
                    ${CITYTWIN_PACKAGING_DIR}/desktop/citytwin.svg -o ${png}
            DEPENDS ${CITYTWIN_PACKAGING_DIR}/desktop/citytwin.svg
            COMMENT "Rendering the ${size}x${size} icon" VERBATIM)
        list(APPEND citytwin_package_outputs ${png})
        install(FILES ${png}
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
else()
    message(WARNING "rsvg-convert (librsvg2-bin) not found: no PNG icons in the package")
endif()

# --- man pages: help2man runs the built programs' --help and --version (no
# display needed), so the pages always list the options the programs have.
find_program(CITYTWIN_HELP2MAN help2man)
find_program(CITYTWIN_GZIP gzip REQUIRED)
if(CITYTWIN_HELP2MAN)
    set(man_dir ${CITYTWIN_PACKAGE_BUILD_DIR}/man)
    # citytwin-cli: each command's own --help goes into a COMMANDS section.
    add_custom_command(OUTPUT ${man_dir}/citytwin-cli-commands.h2m
        COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:citytwin-cli>
                -DINCLUDE=${CITYTWIN_PACKAGING_DIR}/man/citytwin-cli.h2m
                -DOUTPUT=${man_dir}/citytwin-cli-commands.h2m
                -P ${CMAKE_SOURCE_DIR}/cmake/CitytwinCliManSections.cmake
        DEPENDS citytwin-cli ${CITYTWIN_PACKAGING_DIR}/man/citytwin-cli.h2m
                ${CMAKE_SOURCE_DIR}/cmake/CitytwinCliManSections.cmake
        COMMENT "Collecting the citytwin-cli commands' --help for its man page" VERBATIM)
    set(citytwin_man_citytwin_include ${CITYTWIN_PACKAGING_DIR}/man/citytwin.h2m)
    set(citytwin_man_citytwin-cli_include ${man_dir}/citytwin-cli-commands.h2m)
    set(citytwin_man_citytwin_name "3D digital twin of a city's information infrastructure")
    set(citytwin_man_citytwin-cli_name "headless tools of the citytwin digital twin")
    foreach(program citytwin citytwin-cli)
        set(page ${man_dir}/${program}.1)
        add_custom_command(OUTPUT ${page}.gz
            COMMAND ${CMAKE_COMMAND} -E make_directory ${man_dir}
            COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=${CITYTWIN_RELEASE_EPOCH} QT_QPA_PLATFORM=offscreen
                    ${CITYTWIN_HELP2MAN} --no-info --section=1
                    "--name=${citytwin_man_${program}_name}"
                    --include=${citytwin_man_${program}_include}
                    --output=${page} $<TARGET_FILE:${program}>
            COMMAND ${CITYTWIN_GZIP} -9nf ${page}
            DEPENDS ${program} ${citytwin_man_${program}_include}
            COMMENT "Generating the ${program}(1) man page with help2man" VERBATIM)
        list(APPEND citytwin_package_outputs ${page}.gz)
        install(FILES ${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    endforeach()
else()
    message(WARNING "help2man not found: no man pages in the package")
endif()

# --- /usr/share/doc/citytwin: copyright (DEP-5), changelog, the kiosk guide
set(doc_dir ${CMAKE_INSTALL_DATADIR}/doc/citytwin)
configure_file(${CITYTWIN_PACKAGING_DIR}/debian/changelog.in
    ${CITYTWIN_PACKAGE_BUILD_DIR}/changelog @ONLY)
# A native package (no Debian revision): lintian wants changelog.gz.
add_custom_command(OUTPUT ${CITYTWIN_PACKAGE_BUILD_DIR}/changelog.gz
    COMMAND ${CITYTWIN_GZIP} -9nkf ${CITYTWIN_PACKAGE_BUILD_DIR}/changelog
    DEPENDS ${CITYTWIN_PACKAGE_BUILD_DIR}/changelog VERBATIM)
list(APPEND citytwin_package_outputs ${CITYTWIN_PACKAGE_BUILD_DIR}/changelog.gz)
install(FILES ${CITYTWIN_PACKAGE_BUILD_DIR}/changelog.gz ${CITYTWIN_PACKAGING_DIR}/debian/copyright
    ${CMAKE_SOURCE_DIR}/docs/kiosk-deployment.md
    DESTINATION ${doc_dir})
install(FILES ${CITYTWIN_PACKAGING_DIR}/systemd/x11-session.conf DESTINATION ${doc_dir}/examples)
# A district mosquitto broker bridged to the city's (docs/deployment-sensors.md).
install(FILES ${CITYTWIN_PACKAGING_DIR}/mosquitto/district-bridge.conf
    DESTINATION ${doc_dir}/examples)
# --- shared deployments (docs/deployment.md): the guides, the settings the
# units read (copied to /etc/citytwin by the operator), the tile server's
# nginx site; the units themselves below.
install(FILES ${CMAKE_SOURCE_DIR}/docs/deployment.md ${CMAKE_SOURCE_DIR}/docs/deployment-sensors.md
    ${CMAKE_SOURCE_DIR}/docs/tiles-http.md DESTINATION ${doc_dir})
install(FILES ${CITYTWIN_PACKAGING_DIR}/systemd/ingest.env
    ${CITYTWIN_PACKAGING_DIR}/postgresql/postgresql.env
    ${CITYTWIN_PACKAGING_DIR}/nginx/citytwin-tiles.conf DESTINATION ${doc_dir}/examples)
install(PROGRAMS ${CITYTWIN_PACKAGING_DIR}/postgresql/setup-postgresql
    DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/citytwin)

# --- the systemd units (the kiosk; the ingest, broker and database setup of
# a shared deployment; none enabled on install) and the kiosk's system user. Relative to the prefix:
# /usr/lib/systemd/system, where Debian's lintian wants units.
install(FILES ${CITYTWIN_PACKAGING_DIR}/systemd/citytwin-kiosk.service
    ${CITYTWIN_PACKAGING_DIR}/systemd/citytwin-ingest@.service
    ${CITYTWIN_PACKAGING_DIR}/systemd/citytwin-broker@.service
    ${CITYTWIN_PACKAGING_DIR}/systemd/citytwin-postgresql-setup.service
    DESTINATION lib/systemd/system)
install(FILES ${CITYTWIN_PACKAGING_DIR}/debian/sysusers.conf
    DESTINATION lib/sysusers.d RENAME citytwin.conf)

add_custom_target(citytwin_package_files ALL DEPENDS ${citytwin_package_outputs})

# --- the Debian package
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME citytwin)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "citytwin maintainers")
set(CPACK_PACKAGE_CONTACT "${CITYTWIN_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "3D digital twin of a city's information infrastructure")
# CPack puts the summary first and indents these lines; an empty line is a
# paragraph break.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "citytwin shows a city's information infrastructure in 3D: OpenStreetMap
buildings extruded to their height over roads, water and land use, with
base stations, candidate public-facility sites and communication cables
over them, and live (MQTT) or recorded IoT sensors on a timeline.

It ships with a demo of central Shanghai (Lujiazui and the Bund), opens
GeoPackage, Shapefile, GeoJSON, KML, DEMs, orthophotos, oblique
photogrammetry (OSGB), 3D Tiles and glTF, checks sites and works against
protection zones (citytwin-cli), and runs unattended as a touring kiosk
(the citytwin-kiosk systemd unit, not enabled on install).")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CITYTWIN_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_THREADS 2)
# Libraries: computed by dpkg-shlibdeps. What the programs load or read
# without linking it: Mesa's GL drivers, the CJK font of the labels, PROJ's
# database; Qt's translations, the kiosk's compositor and ffmpeg (--record) are optional.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libgl1-mesa-dri, fonts-wqy-microhei, proj-data")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-qpa-plugins, cage, qt6-wayland, xwayland, ffmpeg")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "mosquitto, mosquitto-clients, gdal-bin")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CITYTWIN_PACKAGING_DIR}/debian/postinst ${CITYTWIN_PACKAGING_DIR}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
