# A Debian package of everything `cmake --install` puts in place: easyread,
# easyread-kiosk and their data in /usr/share/easyread. From the build folder:
#
#   cpack -G DEB                      (or: cmake --build . --target package)
#   apt install ./easyread_*.deb
#
# dpkg-shlibdeps (dpkg-dev) and file work out the libraries it depends on; the
# fonts and the speech data are named here because nothing links to them.
set(CPACK_PACKAGE_NAME easyread)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "easyread")
set(CPACK_PACKAGE_CONTACT "easyread maintainers <easyread@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "easy read documents and a feedback kiosk for health and social care")
set(CPACK_PACKAGE_DESCRIPTION
  "easyread turns Markdown into picture-supported easy read documents (tagged PDF, "
  "accessible HTML, PNG), checks and drafts easy read text offline, and runs a "
  "touchscreen kiosk that gathers feedback with pictures and speech, with reports "
  "for Partnership Boards. Pictures: OpenMoji, CC BY-SA 4.0.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-sil-andika, fonts-dejavu-core")
# Fonts for characters Andika lacks (Chinese, Japanese, Malayalam, emoji); without them such
# characters print as boxes, with a warning naming them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji")
if(TARGET easyread-kiosk)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", espeak-ng-data")
endif()

include(CPack)
