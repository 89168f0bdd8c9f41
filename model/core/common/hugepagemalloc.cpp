#include "model/core/common/hugepagemalloc.h"

#include "model/core/common/platform.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

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
    if (!argv || !argv[0])
        return;
    // Outside Linux with glibc the mode is "" and no restart is wanted (platform.h).
    const std::string tunables = hugePageTunables(std::getenv("GLIBC_TUNABLES"), platform::mallocHugePageMode(),
                                                  std::getenv("MWB_NO_HUGEPAGES") != nullptr);
    if (tunables.empty())
        return;
    platform::restartSelfWithEnvironment("GLIBC_TUNABLES", tunables, argv);
}

} // namespace mwb
