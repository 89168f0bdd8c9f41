# Builds the .deb from the build tree with CPack, checks its file list and declared dependencies,
# then really installs it with `dpkg -i` into a scratch root (dpkg --root, no root rights needed,
# the machine's own dpkg database and files untouched) whose dpkg status is a copy of this machine's,
# so the declared Depends are checked against what is installed here. The installed `mwb --version`
# and GUI run, the installed desktop entry and AppStream metadata validate, the icon is there, and
# `dpkg -P` removes it all again.
# Inputs: CPACK, BUILD_DIR, SOURCE_DIR, WORK, VERSION; optional DEB (an already built package:
# skips CPack, e.g. to rerun the install check as another user).
foreach(v SOURCE_DIR WORK VERSION)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "check_deb.cmake: -D${v}= is required")
  endif()
endforeach()
find_program(DPKG_DEB dpkg-deb REQUIRED)
find_program(DPKG dpkg REQUIRED)
find_program(DPKG_QUERY dpkg-query REQUIRED)

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/pkg" "${WORK}/root")

if(DEFINED DEB)
  set(debs "${DEB}")
else()
  foreach(v CPACK BUILD_DIR)
    if(NOT DEFINED ${v})
      message(FATAL_ERROR "check_deb.cmake: -D${v}= is required (or -DDEB=)")
    endif()
  endforeach()
  execute_process(COMMAND "${CPACK}" -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${WORK}/pkg"
                  WORKING_DIRECTORY "${BUILD_DIR}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cpack -G DEB failed (${rc}):\n${out}\n${err}")
  endif()
  file(GLOB debs "${WORK}/pkg/*.deb")
endif()
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

# --- dpkg -i into a scratch root ----------------------------------------------------------
# The scratch dpkg database starts as a copy of this machine's status file: dpkg then refuses the
# package if a declared dependency is not installed here, exactly as `dpkg -i` on the machine would.
# --root/--admindir/--instdir keep every write inside the scratch root (also when run as root, as
# CI may do); --log keeps the machine's /var/log/dpkg.log out of it; --force-not-root lets a normal
# user install there; --force-script-chrootless runs maintainer scripts (if any) without chroot(2).
set(root "${WORK}/root")
set(admin "${root}/var/lib/dpkg")
file(MAKE_DIRECTORY "${admin}/info" "${admin}/updates" "${admin}/triggers" "${root}/var/log")
file(COPY_FILE /var/lib/dpkg/status "${admin}/status")
file(TOUCH "${admin}/available")
# dpkg insists on finding ldconfig and start-stop-daemon in PATH, which for normal users on Debian
# lacks the sbin folders.
set(ENV{PATH} "$ENV{PATH}:/usr/local/sbin:/usr/sbin:/sbin")
set(dpkg_scratch "${DPKG}" --force-not-root --force-script-chrootless "--root=${root}" "--admindir=${admin}"
                 "--instdir=${root}" "--log=${root}/var/log/dpkg.log")

# The machine's own view of the package, to prove afterwards that the check did not change it.
execute_process(COMMAND "${DPKG_QUERY}" -W -f=\${Status}|\${Version} mailflow-workbench
                OUTPUT_VARIABLE system_before ERROR_QUIET)
file(SHA256 /var/lib/dpkg/status system_status_before)

execute_process(COMMAND ${dpkg_scratch} -i "${debs}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0)
  # Missing dependencies show here as "depends on X; however: Package X is not installed." The
  # scratch database has no file lists of the machine's packages; dpkg's warning about each of
  # them would bury that line.
  string(REGEX REPLACE "dpkg: warning: files list file for package '[^']*' missing; assuming package has no files currently installed\n" "" err "${err}")
  message(FATAL_ERROR "dpkg -i into ${root} failed (${rc}):\n${out}\n${err}")
endif()
execute_process(COMMAND "${DPKG_QUERY}" "--admindir=${admin}" -W -f=\${Status}|\${Version} mailflow-workbench
                OUTPUT_VARIABLE installed_status)
if(NOT installed_status STREQUAL "install ok installed|${VERSION}")
  message(FATAL_ERROR "after dpkg -i the scratch database says '${installed_status}'")
endif()
message(STATUS "dpkg -i into the scratch root: ${installed_status}")

execute_process(COMMAND "${DPKG_QUERY}" -W -f=\${Status}|\${Version} mailflow-workbench
                OUTPUT_VARIABLE system_after ERROR_QUIET)
file(SHA256 /var/lib/dpkg/status system_status_after)
if(NOT system_before STREQUAL system_after OR NOT system_status_before STREQUAL system_status_after)
  message(FATAL_ERROR "the scratch install changed the machine's dpkg database ('${system_before}' -> '${system_after}')")
endif()

# --- the installed programs run ------------------------------------------------------------
# The package's binaries link the system Qt (no RPATH into the build tree), so they run as
# installed; LD_LIBRARY_PATH is not needed and not set.
execute_process(COMMAND "${root}/usr/bin/mwb" --version
                RESULT_VARIABLE rc OUTPUT_VARIABLE version_out ERROR_VARIABLE version_err TIMEOUT 60)
if(NOT rc EQUAL 0 OR NOT version_out STREQUAL "mwb ${VERSION}\n")
  message(FATAL_ERROR "installed mwb --version: exit ${rc}, output '${version_out}' ${version_err}")
endif()
message(STATUS "installed mwb --version: ${version_out}")
# The GUI starts from the package too (offscreen: no display needed) and knows its version.
set(ENV{QT_QPA_PLATFORM} offscreen)
execute_process(COMMAND "${root}/usr/bin/mailflow-workbench" --version
                RESULT_VARIABLE rc OUTPUT_VARIABLE gui_out ERROR_VARIABLE gui_err TIMEOUT 60)
if(NOT rc EQUAL 0 OR NOT gui_out MATCHES "${VERSION}")
  message(FATAL_ERROR "installed mailflow-workbench --version: exit ${rc}, output '${gui_out}' ${gui_err}")
endif()
message(STATUS "installed mailflow-workbench --version: ${gui_out}")

# --- desktop integration as installed --------------------------------------------------------
set(desktop "${root}/usr/share/applications/mailflow-workbench.desktop")
set(metainfo "${root}/usr/share/metainfo/io.github.mailflowworkbench.MailflowWorkbench.metainfo.xml")
set(icon "${root}/usr/share/icons/hicolor/scalable/apps/mailflow-workbench.svg")
foreach(f "${desktop}" "${metainfo}" "${icon}")
  if(NOT EXISTS "${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(READ "${icon}" icon_text LIMIT 4096)
if(NOT icon_text MATCHES "<svg")
  message(FATAL_ERROR "the installed icon is not an SVG: ${icon}")
endif()
file(STRINGS "${desktop}" icon_key REGEX "^Icon=")
if(NOT icon_key STREQUAL "Icon=mailflow-workbench")
  message(FATAL_ERROR "the desktop entry names icon '${icon_key}', the package installs mailflow-workbench.svg")
endif()
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate REQUIRED)
execute_process(COMMAND "${DESKTOP_FILE_VALIDATE}" "${desktop}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "desktop-file-validate on the installed entry failed:\n${out}${err}")
endif()
find_program(APPSTREAMCLI appstreamcli REQUIRED)
execute_process(COMMAND "${APPSTREAMCLI}" validate --no-net --explain "${metainfo}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "appstreamcli validate on the installed metadata failed:\n${out}${err}")
endif()
message(STATUS "installed desktop entry, AppStream metadata and icon validate")

# --- and it goes away again ----------------------------------------------------------------
execute_process(COMMAND ${dpkg_scratch} -P mailflow-workbench
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
if(NOT rc EQUAL 0 OR EXISTS "${root}/usr/bin/mwb" OR EXISTS "${desktop}")
  message(FATAL_ERROR "dpkg -P in the scratch root failed (${rc}):\n${out}\n${err}")
endif()
message(STATUS "dpkg -P removed the package from the scratch root")
file(REMOVE_RECURSE "${root}" "${WORK}/pkg/_CPack_Packages")
