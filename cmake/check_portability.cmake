# cmake -DROOT=<source dir> -P check_portability.cmake
# Fails (exit code != 0) when a product file (under app/, model/, views/) outside the platform seam
# includes a POSIX or Win32 system header, or names a path under /proc or /sys (Linux only) in a
# string literal. Everything platform-specific lives in model/core/common/platform_posix.cpp and
# platform_win.cpp behind platform.h (issue #32), so the Windows build cannot break in a file nobody
# there compiles before the Windows CI job does. Tests may use what they like.
# Run at configure time by the top-level CMakeLists.txt and by the ctest portability_includes_clean;
# tests/portability_probe.cmake proves it rejects a bad tree.
cmake_minimum_required(VERSION 3.25)
if(NOT ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<dir> -P check_portability.cmake")
endif()

# The seam: the only product files allowed platform headers and Linux paths.
set(seam_files
  model/core/common/platform_posix.cpp
  model/core/common/platform_win.cpp)

# POSIX headers: the ones issue #32 names, and their usual companions. <sys/…> covers sys/mman.h,
# sys/stat.h, sys/resource.h, sys/syscall.h, sys/types.h ….
set(posix_headers "unistd\\.h|fcntl\\.h|pthread\\.h|dirent\\.h|dlfcn\\.h|poll\\.h|termios\\.h|spawn\\.h|netdb\\.h|sys/[A-Za-z0-9_/]+\\.h|netinet/[A-Za-z0-9_]+\\.h|arpa/[A-Za-z0-9_]+\\.h")
# Win32 headers (qt_windows.h is Qt's wrapper of windows.h).
set(win32_headers "windows\\.h|qt_windows\\.h|psapi\\.h|winbase\\.h|winnt\\.h|io\\.h|direct\\.h|process\\.h")

file(GLOB_RECURSE product_files
  "${ROOT}/app/*.h" "${ROOT}/app/*.hpp" "${ROOT}/app/*.cpp" "${ROOT}/app/*.c"
  "${ROOT}/model/*.h" "${ROOT}/model/*.hpp" "${ROOT}/model/*.cpp" "${ROOT}/model/*.c"
  "${ROOT}/views/*.h" "${ROOT}/views/*.hpp" "${ROOT}/views/*.cpp" "${ROOT}/views/*.c")
set(violations "")
foreach(f IN LISTS product_files)
  file(RELATIVE_PATH rel "${ROOT}" "${f}")
  if(rel IN_LIST seam_files)
    continue()
  endif()
  # Include lines, and string literals naming /proc/… or /sys/…. Comments may mention both.
  file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include|\"/(proc|sys)/")
  foreach(line IN LISTS lines)
    string(REPLACE ";" " " line "${line}")   # a ';' in the text would split the violations list
    if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"](${posix_headers})[>\"]")
      list(APPEND violations "${rel}: POSIX header outside the platform seam: ${line}")
    elseif(line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"](${win32_headers})[>\"]")
      list(APPEND violations "${rel}: Win32 header outside the platform seam: ${line}")
    elseif(line MATCHES "\"/(proc|sys)/")
      string(STRIP "${line}" stripped)
      list(APPEND violations "${rel}: Linux-only /proc or /sys path outside the platform seam: ${stripped}")
    endif()
  endforeach()
endforeach()
if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "Portability violations (move the code behind model/core/common/platform.h):\n  ${text}")
endif()
list(LENGTH product_files count)
message(STATUS "portability ok: ${count} product files, platform headers only in the seam (${ROOT})")
