# Common compile settings for every project target: warnings, sanitizers, version define.
add_library(mwb_compile_options INTERFACE)
if(MSVC)
  # /utf-8: the sources are UTF-8 (German strings, dashes, "ü" in tests); without it cl reads them in
  # the ANSI code page. /permissive- and /Zc:__cplusplus: standard C++20 as GCC and Clang see it.
  # Not yet compiled anywhere (issue #32): the Windows CI job configures with CI=false so the first
  # runs list the warnings instead of stopping at the first.
  target_compile_options(mwb_compile_options INTERFACE /W4 /utf-8 /permissive- /Zc:__cplusplus)
  if(MWB_WERROR)
    target_compile_options(mwb_compile_options INTERFACE /WX)
  endif()
else()
  target_compile_options(mwb_compile_options INTERFACE -Wall -Wextra -Wpedantic)
  if(MWB_WERROR)
    target_compile_options(mwb_compile_options INTERFACE -Werror)
  endif()
endif()
if(MWB_SANITIZE AND NOT MSVC)
  target_compile_options(mwb_compile_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(mwb_compile_options INTERFACE -fsanitize=address,undefined)
endif()
target_compile_definitions(mwb_compile_options INTERFACE
  MWB_VERSION="${PROJECT_VERSION}"
  QT_MESSAGELOGCONTEXT)

# mwb_add_library(name AREA core|itemmodels|views SOURCES ... LIBS ...)
# Every library records its area so the layering check can verify what it links.
function(mwb_add_library name)
  cmake_parse_arguments(ARG "" "AREA" "SOURCES;LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_link_libraries(${name} PUBLIC mwb_compile_options ${ARG_LIBS})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  set_target_properties(${name} PROPERTIES MWB_AREA "${ARG_AREA}")
  set_property(GLOBAL APPEND PROPERTY MWB_LIBRARIES ${name})
endfunction()
