# All dependencies come from Debian packages; nothing is downloaded.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark-gfm)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo cairo-pdf cairo-png)
pkg_check_modules(PANGO REQUIRED IMPORTED_TARGET pangocairo pangoft2 fontconfig)
pkg_check_modules(RSVG REQUIRED IMPORTED_TARGET librsvg-2.0)
pkg_check_modules(SQLITE REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# qpdf reads a written PDF back for the conformance report (tagged, language, alt text).
pkg_check_modules(QPDF REQUIRED IMPORTED_TARGET libqpdf)
# zlib compresses the finished PDF's streams (at its fastest level).
pkg_check_modules(ZLIB REQUIRED IMPORTED_TARGET zlib)
# The audio version: espeak-ng speaks, LAME encodes MP3, TagLib writes its ID3 tags and chapters.
pkg_check_modules(ESPEAK_NG REQUIRED IMPORTED_TARGET espeak-ng)
pkg_check_modules(LAME REQUIRED IMPORTED_TARGET lame)
pkg_check_modules(TAGLIB REQUIRED IMPORTED_TARGET taglib)
# Word (.docx) and OpenDocument (.odt): zip packages and their XML.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
# cmark-gfm's table extension ships as a second library without a .pc file.
find_library(CMARK_EXTENSIONS_LIB cmark-gfm-extensions REQUIRED)
add_library(cmark_gfm_all INTERFACE)
target_link_libraries(cmark_gfm_all INTERFACE PkgConfig::CMARK ${CMARK_EXTENSIONS_LIB})
if(EASYREAD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
