#pragma once
#include <string>

namespace mwb {

// Loading 1 GiB of logs allocates gigabytes of small blocks (sessions, strings, line tables). With
// 4 KiB pages each new page costs a page fault, and on a virtual machine a fault is an exit to the
// hypervisor: a full load spent about 40 % of its time in the kernel. glibc (2.35 and later) can ask
// for transparent huge pages for its heap (the tunable glibc.malloc.hugetlb=1), but reads tunables
// only when a process starts, so the programs start themselves again once with it set.

// The GLIBC_TUNABLES value to restart with, or "" when no restart is wanted: the tunable is already
// set (by an admin or by an earlier restart), MWB_NO_HUGEPAGES is set, or the kernel's THP mode is
// not "madvise" ("always" gives huge pages anyway, "never" none at all). `current` is the current
// value of GLIBC_TUNABLES (nullptr when unset); `thpEnabled` is the text of
// /sys/kernel/mm/transparent_hugepage/enabled, e.g. "always [madvise] never".
std::string hugePageTunables(const char *current, const std::string &thpEnabled, bool optedOut);

// `value` without the entry hugePageTunables() adds: what child processes of a benchmark get, so
// that peers run in the environment they would have had.
std::string withoutHugePageTunable(const std::string &value);

// Called first in main(), before any thread or Qt object exists. On Linux with glibc, when
// hugePageTunables() asks for it, sets GLIBC_TUNABLES and replaces the process with a fresh start of
// the same executable and arguments. Returns (and the program goes on unchanged) when no restart is
// wanted or the exec fails. Elsewhere (Windows, other C libraries) it returns at once: the platform
// seam (platform.h) reports no huge-page mode there.
void restartWithHugePageMalloc(char **argv);

} // namespace mwb
