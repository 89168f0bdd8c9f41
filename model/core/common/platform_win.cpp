// The Windows side of the platform seam (platform.h). Compiles to nothing elsewhere. Not yet built
// on this project's machines (no Windows toolchain here); the Windows CI job builds it.
#include "model/core/common/platform.h"

#if defined(Q_OS_WIN)

#include <QDir>
#include <QFileInfo>

#include <qt_windows.h>
#include <psapi.h>

namespace mwb::platform {

namespace {
QString lastErrorText()
{
    const DWORD code = ::GetLastError();
    wchar_t *text = nullptr;
    ::FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
                     code, 0, reinterpret_cast<LPWSTR>(&text), 0, nullptr);
    const QString s = text ? QString::fromWCharArray(text).trimmed() : QStringLiteral("error %1").arg(code);
    ::LocalFree(text);
    return s;
}

// \\?\ prefix for long paths (and \\?\UNC\ for shares), so logs deep below
// \\EX01\c$\Program Files\Microsoft\Exchange Server\V15\TransportRoles\Logs open too.
std::wstring longPath(const QString &path)
{
    QString native = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    if (native.startsWith(QLatin1String("\\\\?\\")))
        return native.toStdWString();
    if (native.startsWith(QLatin1String("\\\\")))
        return (QStringLiteral("\\\\?\\UNC\\") + native.mid(2)).toStdWString();
    return (QStringLiteral("\\\\?\\") + native).toStdWString();
}
} // namespace

MappedFile::~MappedFile()
{
    if (m_view)
        ::UnmapViewOfFile(m_view);
}

std::unique_ptr<MappedFile> MappedFile::map(const QString &path, QString *error)
{
    HANDLE file = ::CreateFileW(longPath(path).c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE) {
        if (error)
            *error = lastErrorText();
        return nullptr;
    }
    LARGE_INTEGER size{};
    const bool sized = ::GetFileSizeEx(file, &size) != 0;
    if (!sized || size.QuadPart <= 0) {
        if (error)
            *error = sized ? QStringLiteral("empty file") : lastErrorText();   // before CloseHandle resets the error
        ::CloseHandle(file);
        return nullptr;
    }
    // Each error text is taken before the next CloseHandle, which may overwrite GetLastError().
    HANDLE mapping = ::CreateFileMappingW(file, nullptr, PAGE_READONLY, 0, 0, nullptr);
    const QString mappingError = mapping ? QString() : lastErrorText();
    ::CloseHandle(file);   // the mapping object keeps the file
    if (!mapping) {
        if (error)
            *error = mappingError;
        return nullptr;
    }
    void *view = ::MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, 0);
    const QString viewError = view ? QString() : lastErrorText();
    ::CloseHandle(mapping);   // the view keeps the mapping
    if (!view) {
        if (error)
            *error = viewError;
        return nullptr;
    }
    std::unique_ptr<MappedFile> m(new MappedFile);
    m->m_view = view;
    m->m_data = static_cast<const char *>(view);
    m->m_size = size.QuadPart;
    return m;
}

FileKind fileKind(const QString &path)
{
    const DWORD attrs = ::GetFileAttributesW(longPath(path).c_str());
    if (attrs == INVALID_FILE_ATTRIBUTES)
        return FileKind::Missing;
    if (attrs & FILE_ATTRIBUTE_DIRECTORY)
        return FileKind::Directory;
    if (attrs & FILE_ATTRIBUTE_DEVICE)
        return FileKind::CharDevice;
    return FileKind::Regular;
}

bool namesOpenDescriptor(const QString &)
{
    return false;   // no /dev/fd on Windows; "-" (standard input) is the caller's
}

bool canListFolder(const QString &path)
{
    WIN32_FIND_DATAW data;
    HANDLE h = ::FindFirstFileW((longPath(path) + L"\\*").c_str(), &data);
    if (h == INVALID_HANDLE_VALUE)
        return ::GetLastError() == ERROR_FILE_NOT_FOUND;
    ::FindClose(h);
    return true;
}

bool stderrIsTerminal()
{
    DWORD mode = 0;
    return ::GetConsoleMode(::GetStdHandle(STD_ERROR_HANDLE), &mode) != 0;
}

void lowerCurrentThreadPriority()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
    ::SetThreadPriority(::GetCurrentThread(), THREAD_PRIORITY_BELOW_NORMAL);
}

qint64 residentAnonymousKb()
{
    PROCESS_MEMORY_COUNTERS_EX pmc{};
    if (!::GetProcessMemoryInfo(::GetCurrentProcess(), reinterpret_cast<PROCESS_MEMORY_COUNTERS *>(&pmc), sizeof pmc))
        return -1;
    return qint64(pmc.PrivateUsage / 1024);   // committed private bytes: the nearest to RssAnon
}

qint64 peakResidentKb()
{
    PROCESS_MEMORY_COUNTERS pmc{};
    if (!::GetProcessMemoryInfo(::GetCurrentProcess(), &pmc, sizeof pmc))
        return -1;
    return qint64(pmc.PeakWorkingSetSize / 1024);
}

std::string mallocHugePageMode()
{
    return {};   // the Windows heap has no GLIBC_TUNABLES; large pages need a privilege admins lack
}

void returnFreeHeapPages()
{
    // The Windows heap decommits free pages by itself.
}

void restartSelfWithEnvironment(const char *, const std::string &, char **)
{
    // No exec on Windows (a child process would be a second process, not a restart): go on as we are.
}

} // namespace mwb::platform

#endif // Q_OS_WIN
