// Prints how often it was started, its arguments and GLIBC_TUNABLES after restartWithHugePageMalloc().
#include "model/core/common/hugepagemalloc.h"

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char **argv)
{
    const char *before = std::getenv("PROBE_STARTS");
    const int starts = (before ? std::atoi(before) : 0) + 1;
    ::setenv("PROBE_STARTS", std::to_string(starts).c_str(), 1);
    mwb::restartWithHugePageMalloc(argv);
    const char *tunables = std::getenv("GLIBC_TUNABLES");
    std::printf("starts=%d\ntunables=%s\n", starts, tunables ? tunables : "");
    for (int i = 1; i < argc; ++i)
        std::printf("arg=%s\n", argv[i]);
    return 0;
}
