// The POSIX (Linux) side of the platform seam (platform.h). Compiles to nothing on Windows.
#include "model/core/common/platform.h"

#if !defined(Q_OS_WIN)

#include <QByteArray>
#include <QFile>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/syscall.h>
#endif

namespace mwb::platform {

MappedFile::~MappedFile()
{
    if (m_data)
        ::munmap(const_cast<char *>(m_data), size_t(m_size));
}

std::unique_ptr<MappedFile> MappedFile::map(const QString &path, QString *error)
{
    const QByteArray name = QFile::encodeName(path);
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer (the caller should have
    // refused it by kind already; this is the second line of defence).
    const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(errno));
        return nullptr;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
        const int saved = errno;
        ::close(fd);
        if (error)
            *error = !S_ISREG(st.st_mode) ? QStringLiteral("not a regular file")
                     : st.st_size <= 0   ? QStringLiteral("empty file")
                                         : QString::fromLocal8Bit(std::strerror(saved));
        return nullptr;
    }
    void *p = ::mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    const int saved = errno;
    ::close(fd);   // the map keeps the file's pages; the descriptor is not needed any more
    if (p == MAP_FAILED) {
        // ENOMEM past vm.max_map_count (65,530 maps by default) among others: the caller reads.
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(saved));
        return nullptr;
    }
    std::unique_ptr<MappedFile> m(new MappedFile);
    m->m_data = static_cast<const char *>(p);
    m->m_size = qint64(st.st_size);
    return m;
}

FileKind fileKind(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return FileKind::Missing;
    if (S_ISREG(st.st_mode))
        return FileKind::Regular;
    if (S_ISDIR(st.st_mode))
        return FileKind::Directory;
    if (S_ISFIFO(st.st_mode))
        return FileKind::Fifo;
    if (S_ISSOCK(st.st_mode))
        return FileKind::Socket;
    if (S_ISCHR(st.st_mode))
        return FileKind::CharDevice;
    if (S_ISBLK(st.st_mode))
        return FileKind::BlockDevice;
    return FileKind::Other;
}

bool namesOpenDescriptor(const QString &path)
{
    return path == QLatin1String("/dev/stdin") || path.startsWith(QLatin1String("/dev/fd/"))
        || path.startsWith(QLatin1String("/proc/self/fd/"));
}

bool canListFolder(const QString &path)
{
    return ::access(QFile::encodeName(path).constData(), R_OK | X_OK) == 0;
}

bool stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

void lowerCurrentThreadPriority()
{
#if defined(__linux__)
    constexpr int kBackgroundNice = 5;
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    // On Linux PRIO_PROCESS with a thread id sets that one thread's nice value (NPTL threads have
    // their own); only ever raised, never lowered, so a thread already nicer keeps its value.
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int now = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0 && now < kBackgroundNice)
        ::setpriority(PRIO_PROCESS, tid, kBackgroundNice);
#endif
}

namespace {
// kB value of a /proc/self/status field (VmHWM, RssAnon); -1 when unknown (not Linux).
qint64 procStatusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
} // namespace

qint64 residentAnonymousKb() { return procStatusKb("RssAnon"); }
qint64 peakResidentKb() { return procStatusKb("VmHWM"); }

std::string mallocHugePageMode()
{
#if defined(__linux__) && defined(__GLIBC__)
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
#else
    return {};   // GLIBC_TUNABLES means nothing to other C libraries
#endif
}

void returnFreeHeapPages()
{
#if defined(__GLIBC__)
    ::malloc_trim(0);
#endif
}

void restartSelfWithEnvironment(const char *name, const std::string &value, char **argv)
{
    if (!argv || !argv[0])
        return;
    if (::setenv(name, value.c_str(), 1) != 0)
        return;
#if defined(__linux__)
    ::execv("/proc/self/exe", argv);
    // exec failed (no /proc, say): go on as we are; the variable now set stops a retry.
#endif
}

} // namespace mwb::platform

#endif // !Q_OS_WIN
