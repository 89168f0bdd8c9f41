// Prints how often it was started, its arguments and GLIBC_TUNABLES after restartWithHugePageMalloc().
#include "model/core/common/hugepagemalloc.h"

#include <QByteArray>
#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
    const char *before = std::getenv("PROBE_STARTS");
    const int starts = (before ? std::atoi(before) : 0) + 1;
    qputenv("PROBE_STARTS", QByteArray::number(starts));   // qputenv: MSVC has no setenv
    mwb::restartWithHugePageMalloc(argv);
    const char *tunables = std::getenv("GLIBC_TUNABLES");
    std::printf("starts=%d\ntunables=%s\n", starts, tunables ? tunables : "");
    for (int i = 1; i < argc; ++i)
        std::printf("arg=%s\n", argv[i]);
    return 0;
}
