# Compiles the Windows side of the platform seam for a Windows target with mingw-w64's g++
# (-fsyntax-only, -Werror on our code, Qt headers as system headers): the nearest this machine gets
# to building platform_win.cpp, which only the Windows CI job really builds (with MSVC).
# cmake -DCXX=<x86_64-w64-mingw32-g++> -DSRC=<source dir> "-DQT_INCLUDES=a;b" -P windows_syntax_check.cmake
set(files
  model/core/common/platform_win.cpp
  model/core/common/platform_posix.cpp
  model/core/common/platform.cpp
  model/core/common/hugepagemalloc.cpp
  model/core/ingest/exchangefolders.cpp)
set(isystem "")
foreach(dir IN LISTS QT_INCLUDES)
  list(APPEND isystem -isystem ${dir})
endforeach()
set(failed "")
foreach(f IN LISTS files)
  execute_process(COMMAND ${CXX} -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror -I${SRC} ${isystem}
                          ${SRC}/${f}
                  RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_VARIABLE out)
  if(NOT rc EQUAL 0)
    list(APPEND failed ${f})
    message("${f}:\n${err}")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "does not compile for Windows (mingw-w64): ${failed}")
endif()
message(STATUS "the platform seam's Windows side parses for a Windows target (${CXX})")
