# Common compile settings for every project target: warnings, sanitizers, version define.
add_library(mwb_compile_options INTERFACE)
target_compile_options(mwb_compile_options INTERFACE -Wall -Wextra -Wpedantic)
if(MWB_WERROR)
  target_compile_options(mwb_compile_options INTERFACE -Werror)
endif()
if(MWB_SANITIZE)
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
