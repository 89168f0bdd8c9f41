# Copies model/ to a scratch folder and makes it non-portable twice over — `#include <unistd.h>` in a
# core file, then a read of "/proc/self/status" in another — and expects check_portability.cmake to
# fail on each, naming the file: proof that the portability check bites. The untouched copy must
# pass first, or a failure would prove nothing.
file(REMOVE_RECURSE ${WORK})
file(COPY ${SRC}/model DESTINATION ${WORK})

function(run_check expect_ok what)
  execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${WORK} -P ${SRC}/cmake/check_portability.cmake
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(expect_ok AND NOT rc EQUAL 0)
    message(FATAL_ERROR "check_portability.cmake rejected the clean copy: ${err}")
  endif()
  if(NOT expect_ok AND rc EQUAL 0)
    message(FATAL_ERROR "check_portability.cmake accepted ${what}")
  endif()
  set(check_err "${err}" PARENT_SCOPE)
endfunction()

run_check(TRUE "the clean copy")

# A core file that is not part of the seam.
set(victim ${WORK}/model/core/common/workpools.cpp)
file(READ ${victim} original)
file(WRITE ${victim} "#include <unistd.h>\n${original}")
run_check(FALSE "#include <unistd.h> in ${victim}")
if(NOT check_err MATCHES "model/core/common/workpools.cpp: POSIX header outside the platform seam")
  message(FATAL_ERROR "unexpected failure text for the include: ${check_err}")
endif()
file(WRITE ${victim} "${original}")

set(victim ${WORK}/model/core/ingest/sources.cpp)
file(READ ${victim} original)
file(WRITE ${victim} "${original}\nstatic QFile procStatus(QStringLiteral(\"/proc/self/status\"));\n")
run_check(FALSE "a read of /proc/self/status in ${victim}")
if(NOT check_err MATCHES "model/core/ingest/sources.cpp: Linux-only /proc or /sys path")
  message(FATAL_ERROR "unexpected failure text for the /proc read: ${check_err}")
endif()
message(STATUS "portability check rejected both probes as it should")
