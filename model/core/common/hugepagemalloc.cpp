#include "model/core/common/hugepagemalloc.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

#if defined(__linux__) && defined(__GLIBC__)
#include <unistd.h>
#define MWB_CAN_RESTART_FOR_HUGEPAGES 1
#endif

namespace mwb {

namespace {
constexpr char kTunable[] = "glibc.malloc.hugetlb";
constexpr char kEntry[] = "glibc.malloc.hugetlb=1";
} // namespace

std::string hugePageTunables(const char *current, const std::string &thpEnabled, bool optedOut)
{
    if (optedOut)
        return {};
    const std::string now = current ? current : "";
    // Any setting of the tunable is respected, ours from the first start included: no restart loop.
    if (now.find(kTunable) != std::string::npos)
        return {};
    if (thpEnabled.find("[madvise]") == std::string::npos)
        return {};
    return now.empty() ? std::string(kEntry) : now + ":" + kEntry;
}

std::string withoutHugePageTunable(const std::string &value)
{
    std::string out;
    size_t start = 0;
    while (start <= value.size()) {
        const size_t end = std::min(value.find(':', start), value.size());
        const std::string item = value.substr(start, end - start);
        if (!item.empty() && item != kEntry) {
            if (!out.empty())
                out += ':';
            out += item;
        }
        start = end + 1;
    }
    return out;
}

void restartWithHugePageMalloc(char **argv)
{
#ifdef MWB_CAN_RESTART_FOR_HUGEPAGES
    if (!argv || !argv[0])
        return;
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    const std::string thp((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string tunables = hugePageTunables(std::getenv("GLIBC_TUNABLES"), thp, std::getenv("MWB_NO_HUGEPAGES") != nullptr);
    if (tunables.empty())
        return;
    if (::setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0)
        return;
    ::execv("/proc/self/exe", argv);
    // exec failed (no /proc, say): go on as we are; the tunable in the environment stops a retry.
#else
    (void)argv;
#endif
}

} // namespace mwb
