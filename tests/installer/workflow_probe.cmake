# Breaks a copy of .github/workflows/ci.yml in two ways the Windows job must not be broken — the
# network tests no longer excluded, and Qt Charts (CMakeLists.txt needs it) no longer installed —
# and expects check_workflow.py to fail on each with the reason: proof that the workflow check bites.
# cmake -DPYTHON=<python3> -DSRC=<source dir> -DWORK=<scratch dir> -P workflow_probe.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(READ ${SRC}/.github/workflows/ci.yml original)

function(expect_rejected name text reason)
  file(WRITE ${WORK}/${name}.yml "${text}")
  execute_process(COMMAND ${PYTHON} ${SRC}/tests/installer/check_workflow.py ${SRC} ${WORK}/${name}.yml
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc EQUAL 0)
    message(FATAL_ERROR "check_workflow.py accepted ${name}:\n${out}")
  endif()
  if(NOT out MATCHES "${reason}")
    message(FATAL_ERROR "check_workflow.py rejected ${name} for another reason than '${reason}':\n${out}${err}")
  endif()
endfunction()

string(REGEX REPLACE "-LE \"network\\|" "-LE \"" no_network_exclusion "${original}")
if(no_network_exclusion STREQUAL original)
  message(FATAL_ERROR "probe: the Windows ctest line no longer reads -LE \"network|…\"; update workflow_probe.cmake")
endif()
expect_rejected(no-network-exclusion "${no_network_exclusion}" "excludes the label network")

string(REGEX REPLACE "modules: qtcharts" "modules: qtnetworkauth" no_charts "${original}")
if(no_charts STREQUAL original)
  message(FATAL_ERROR "probe: install-qt-action no longer reads modules: qtcharts; update workflow_probe.cmake")
endif()
expect_rejected(no-charts "${no_charts}" "Qt component Charts")

expect_rejected(not-yaml "jobs: [unclosed\n" "does not parse")
message(STATUS "check_workflow.py rejected the three broken workflows as it should")
