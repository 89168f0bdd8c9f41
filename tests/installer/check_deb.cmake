# Builds the .deb from the build tree with CPack, checks its file list and dependencies, extracts
# it into a scratch root (no root rights, no system change) and runs the packaged `mwb --version`.
# Inputs: CPACK, BUILD_DIR, SOURCE_DIR, WORK, VERSION.
foreach(v CPACK BUILD_DIR SOURCE_DIR WORK VERSION)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "check_deb.cmake: -D${v}= is required")
  endif()
endforeach()
find_program(DPKG_DEB dpkg-deb REQUIRED)

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/pkg" "${WORK}/root")

execute_process(COMMAND "${CPACK}" -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${WORK}/pkg"
                WORKING_DIRECTORY "${BUILD_DIR}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpack -G DEB failed (${rc}):\n${out}\n${err}")
endif()
file(GLOB debs "${WORK}/pkg/*.deb")
list(LENGTH debs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one .deb in ${WORK}/pkg, found ${n}: ${debs}")
endif()
message(STATUS "package: ${debs}")

# --- contents ------------------------------------------------------------------------------
execute_process(COMMAND "${DPKG_DEB}" -c "${debs}" RESULT_VARIABLE rc OUTPUT_VARIABLE listing)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dpkg-deb -c failed")
endif()
set(expected
  ./usr/bin/mwb
  ./usr/bin/mailflow-workbench
  ./usr/share/applications/mailflow-workbench.desktop
  ./usr/share/metainfo/io.github.mailflowworkbench.MailflowWorkbench.metainfo.xml
  ./usr/share/icons/hicolor/scalable/apps/mailflow-workbench.svg
  ./usr/share/mailflow-workbench/samples/)
file(GLOB_RECURSE samples RELATIVE "${SOURCE_DIR}/resources/samples" "${SOURCE_DIR}/resources/samples/*")
foreach(s IN LISTS samples)
  list(APPEND expected "./usr/share/mailflow-workbench/samples/${s}")
endforeach()
file(GLOB ts_files RELATIVE "${SOURCE_DIR}/translations" "${SOURCE_DIR}/translations/*.ts")
foreach(ts IN LISTS ts_files)
  string(REGEX REPLACE "\\.ts$" ".qm" qm "${ts}")
  list(APPEND expected "./usr/share/mailflow-workbench/translations/${qm}")
endforeach()
set(missing "")
foreach(path IN LISTS expected)
  string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" pattern "${path}")
  if(NOT listing MATCHES " ${pattern}(\n|$)")
    list(APPEND missing "${path}")
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "missing from the package: ${missing}\n--- dpkg-deb -c ---\n${listing}")
endif()

# --- declared dependencies -----------------------------------------------------------------
execute_process(COMMAND "${DPKG_DEB}" -f "${debs}" Depends OUTPUT_VARIABLE depends OUTPUT_STRIP_TRAILING_WHITESPACE)
foreach(dep libqt6core6 libqt6widgets6 libqt6network6 libqt6sql6-sqlite qt6-qpa-plugins libarchive13)
  if(NOT depends MATCHES "(^|[ ,])${dep}([ ,(]|$)")
    message(FATAL_ERROR "Depends lacks ${dep}: ${depends}")
  endif()
endforeach()
message(STATUS "Depends: ${depends}")

# --- extracted tree runs -------------------------------------------------------------------
execute_process(COMMAND "${DPKG_DEB}" -x "${debs}" "${WORK}/root" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "dpkg-deb -x failed")
endif()
execute_process(COMMAND "${WORK}/root/usr/bin/mwb" --version
                RESULT_VARIABLE rc OUTPUT_VARIABLE version_out ERROR_VARIABLE version_err TIMEOUT 60)
if(NOT rc EQUAL 0 OR NOT version_out STREQUAL "mwb ${VERSION}\n")
  message(FATAL_ERROR "packaged mwb --version: exit ${rc}, output '${version_out}' ${version_err}")
endif()
message(STATUS "packaged mwb --version: ${version_out}")
# The GUI starts from the package too (offscreen: no display needed) and knows its version.
set(ENV{QT_QPA_PLATFORM} offscreen)
execute_process(COMMAND "${WORK}/root/usr/bin/mailflow-workbench" --version
                RESULT_VARIABLE rc OUTPUT_VARIABLE gui_out ERROR_VARIABLE gui_err TIMEOUT 60)
if(NOT rc EQUAL 0 OR NOT gui_out MATCHES "${VERSION}")
  message(FATAL_ERROR "packaged mailflow-workbench --version: exit ${rc}, output '${gui_out}' ${gui_err}")
endif()
message(STATUS "packaged mailflow-workbench --version: ${gui_out}")
file(REMOVE_RECURSE "${WORK}/root" "${WORK}/pkg/_CPack_Packages")
