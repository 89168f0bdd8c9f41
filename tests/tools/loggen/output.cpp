#include "output.h"

#include "textutil.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace loggen {

namespace {
constexpr std::size_t kFlushBytes = 4u << 20;
}

Output::Output(std::string root, std::int64_t maxFileBytes)
    : root_(std::move(root)), maxFileBytes_(maxFileBytes > 4096 ? maxFileBytes : 4096)
{
}

Output::~Output()
{
    for (Stream &s : streams_)
        close(s);
}

int Output::addStream(const StreamSpec &spec)
{
    Stream s;
    s.spec = spec;
    streams_.push_back(std::move(s));
    return static_cast<int>(streams_.size() - 1);
}

bool Output::ensureDir(const std::string &relDir)
{
    if (madeDirs_.count(relDir))
        return true;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(root_) / relDir, ec);
    if (ec) {
        if (error_.empty())
            error_ = "cannot create folder " + root_ + "/" + relDir + ": " + ec.message();
        return false;
    }
    madeDirs_.insert(relDir);
    return true;
}

void Output::openFile(Stream &s, std::int64_t timeMs)
{
    close(s);
    const std::int64_t hour = timeMs >= 0 ? timeMs / 3600000 : (timeMs - 3599999) / 3600000;
    if (hour != s.hour) {
        s.hour = hour;
        s.number = 0;
    }
    Civil c = civilFromMs(hour * 3600000);
    std::string name;
    std::string rel;
    do {
        ++s.number;
        name = s.spec.prefix;
        appendPadded(name, static_cast<std::uint64_t>(c.year), 4);
        appendPadded(name, c.month, 2);
        appendPadded(name, c.day, 2);
        appendPadded(name, c.hour, 2);
        name.push_back('-');
        appendUInt(name, static_cast<std::uint64_t>(s.number));
        name.append(".LOG");
        rel = s.spec.dir + "/" + name;
    } while (usedPaths_.count(rel));   // a backlog stream may share the folder; never overwrite
    usedPaths_.insert(rel);
    if (!ensureDir(s.spec.dir))
        return;
    const std::string full = root_ + "/" + rel;
    s.file = std::fopen(full.c_str(), "wb");
    if (!s.file) {
        if (error_.empty())
            error_ = "cannot write " + full + ": " + std::strerror(errno);
        return;
    }
    FileRecord rec;
    rec.path = rel;
    rec.format = s.spec.format;
    rec.server = s.spec.server;
    files_.push_back(rec);
    s.record = files_.size() - 1;
    std::string header;
    header.append("#Software: Microsoft Exchange Server\r\n#Version: ");
    header.append(s.spec.version);
    header.append("\r\n#Log-type: ");
    header.append(s.spec.logType);
    header.append("\r\n#Date: ");
    appendIso(header, timeMs);
    header.append("\r\n#Fields: ");
    header.append(s.spec.fields);
    header.append("\r\n");
    s.buffer.append(header);
    s.fileBytes = static_cast<std::int64_t>(header.size());
    files_[s.record].bytes += static_cast<std::int64_t>(header.size());
    (s.spec.protocol ? protocolBytes_ : trackingBytes_) += static_cast<std::int64_t>(header.size());
}

void Output::write(int stream, std::int64_t timeMs, std::string_view line)
{
    if (!error_.empty() || stream < 0 || static_cast<std::size_t>(stream) >= streams_.size())
        return;
    Stream &s = streams_[static_cast<std::size_t>(stream)];
    const std::int64_t hour = timeMs >= 0 ? timeMs / 3600000 : (timeMs - 3599999) / 3600000;
    const auto len = static_cast<std::int64_t>(line.size());
    if (!s.file || hour != s.hour || (s.fileBytes + len > maxFileBytes_ && files_[s.record].dataLines > 0)) {
        openFile(s, timeMs);
        if (!s.file)
            return;
    }
    s.buffer.append(line);
    s.fileBytes += len;
    FileRecord &rec = files_[s.record];
    rec.bytes += len;
    ++rec.dataLines;
    if (rec.firstMs < 0)
        rec.firstMs = timeMs;
    rec.lastMs = timeMs;
    (s.spec.protocol ? protocolBytes_ : trackingBytes_) += len;
    if (s.buffer.size() >= kFlushBytes)
        flush(s);
}

void Output::writeWholeFile(const std::string &relPath, const std::string &format, const std::string &server,
                            const std::string &bytes, std::int64_t dataLines, std::int64_t firstMs, std::int64_t lastMs)
{
    if (!error_.empty())
        return;
    const auto slash = relPath.rfind('/');
    if (slash != std::string::npos && !ensureDir(relPath.substr(0, slash)))
        return;
    const std::string full = root_ + "/" + relPath;
    std::FILE *f = std::fopen(full.c_str(), "wb");
    if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) {
        error_ = "cannot write " + full + ": " + std::strerror(errno);
        if (f)
            std::fclose(f);
        return;
    }
    std::fclose(f);
    FileRecord rec;
    rec.path = relPath;
    rec.format = format;
    rec.server = server;
    rec.dataLines = dataLines;
    rec.bytes = static_cast<std::int64_t>(bytes.size());
    rec.firstMs = firstMs;
    rec.lastMs = lastMs;
    files_.push_back(rec);
}

void Output::flush(Stream &s)
{
    if (s.file && !s.buffer.empty()) {
        if (std::fwrite(s.buffer.data(), 1, s.buffer.size(), s.file) != s.buffer.size() && error_.empty())
            error_ = "write error in " + files_[s.record].path + ": " + std::strerror(errno);
    }
    s.buffer.clear();
}

void Output::close(Stream &s)
{
    flush(s);
    if (s.file) {
        if (std::fclose(s.file) != 0 && error_.empty())
            error_ = "cannot close " + files_[s.record].path;
        s.file = nullptr;
    }
}

bool Output::finish(std::string &error)
{
    for (Stream &s : streams_)
        close(s);
    if (!error_.empty()) {
        error = error_;
        return false;
    }
    return true;
}

} // namespace loggen
