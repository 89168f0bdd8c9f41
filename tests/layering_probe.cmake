# Copies model/ to a scratch folder, adds `#include <QWidget>` to a core file, and expects
# check_layering.cmake to fail on it — proof that the layering check bites.
file(REMOVE_RECURSE ${WORK})
file(COPY ${SRC}/model DESTINATION ${WORK})
file(GLOB_RECURSE core_files ${WORK}/model/core/*.cpp)
list(GET core_files 0 victim)
file(READ ${victim} text)
file(WRITE ${victim} "#include <QWidget>\n${text}")
execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${WORK} -P ${SRC}/cmake/check_layering.cmake
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "check_layering.cmake accepted #include <QWidget> in ${victim}")
endif()
if(NOT err MATCHES "must not include")
  message(FATAL_ERROR "unexpected failure text: ${err}")
endif()
message(STATUS "layering check rejected the probe as it should")
