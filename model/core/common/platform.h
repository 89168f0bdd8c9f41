#pragma once
// The platform seam: everything that differs between Linux (POSIX) and Windows lives behind these
// few functions, implemented in platform_posix.cpp and platform_win.cpp (each compiles to nothing on
// the other platform). No other product file includes a POSIX or Win32 header or names a /proc or
// /sys path (issue #32; cmake/check_portability.cmake fails the configure otherwise). The one other
// Q_OS_WIN branch picks libarchive's wide-character open in ingest/sources.cpp.
#include <QString>
#include <QtGlobal>

#include <memory>
#include <string>

namespace mwb::platform {

// A read-only map of a whole file. The file's descriptor (handle) is closed as soon as the map
// exists: a map outlives its descriptor on POSIX and Windows alike, so a load of 100,000 files
// holds no descriptor open (QFile::map unmaps on close, which is why the loader once kept every
// file open and crashed past the open-file limit, issue #27).
class MappedFile {
public:
    ~MappedFile();
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    // Null with *error set when the file cannot be opened or mapped (the caller may read it then).
    // A file of size 0 cannot be mapped: the caller handles that before.
    static std::unique_ptr<MappedFile> map(const QString &path, QString *error);

    const char *data() const { return m_data; }
    qint64 size() const { return m_size; }

private:
    MappedFile() = default;
    const char *m_data = nullptr;
    qint64 m_size = 0;
#if defined(Q_OS_WIN)
    void *m_view = nullptr;
#endif
};

// What a path is, following symbolic links. Streams (Fifo, Socket, CharDevice) block or never end
// when opened as files, so the loader decides by kind before it opens anything.
enum class FileKind { Missing, Regular, Directory, Fifo, Socket, CharDevice, BlockDevice, Other };
FileKind fileKind(const QString &path);
// "named pipe (FIFO)", "socket", … for messages.
QString fileKindName(FileKind kind);

// Does the path name a descriptor the process already has open rather than a file: /dev/stdin,
// /dev/fd/N and /proc/self/fd/N on Linux (process substitution, `mwb analyze <(zcat x.gz)`, passes
// /dev/fd/63)? Such a stream is read once, whole. Windows has no such names: always false there.
// ("-" for standard input is the same everywhere and is the caller's.)
bool namesOpenDescriptor(const QString &path);

// Can the calling user list this folder? (Root can list any folder on POSIX.)
bool canListFolder(const QString &path);

// Puts the calling thread behind the UI thread (nice +5 on Linux, below-normal on Windows); the
// threads it starts inherit that on Linux. Only ever lowers. See workpools.h for why.
void lowerCurrentThreadPriority();

// Is the process's standard error a terminal? (`mwb` shows load progress there only then.)
bool stderrIsTerminal();

// Anonymous resident memory and peak resident memory of this process in kB; -1 when unknown.
qint64 residentAnonymousKb();
qint64 peakResidentKb();

// The restart for huge-page malloc (hugepagemalloc.h) works with glibc on Linux only: glibc reads
// GLIBC_TUNABLES once at start, and the kernel offers transparent huge pages.
// The kernel's transparent-huge-page mode line (/sys/kernel/mm/transparent_hugepage/enabled, e.g.
// "always [madvise] never"); "" where malloc cannot be asked for huge pages that way (not Linux, not
// glibc, no THP), which makes hugePageTunables() want no restart.
std::string mallocHugePageMode();

// Hands the heap's free pages back to the system (glibc: malloc_trim). Freed blocks inside the
// malloc arenas otherwise stay resident until the arena's top is free; a load that frees hundreds of
// MB while it builds as much again (the session blocks) would count both. No-op elsewhere.
void returnFreeHeapPages();

// Sets the environment variable `name` to `value` and replaces this process with a fresh start of
// the same executable and arguments (Linux: execv of /proc/self/exe). Returns only when that did not
// happen: the exec failed, or the platform has no exec (Windows: returns at once, nothing set).
void restartSelfWithEnvironment(const char *name, const std::string &value, char **argv);

} // namespace mwb::platform
