// Rolling log files the way Exchange writes them: a 5-line header per file, a new file every UTC hour
// (PREFIXyyyymmddhh-1.LOG) and -2, -3 … when a file reaches the size limit, buffered writes.
#pragma once

#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace loggen {

struct FileRecord {
    std::string path;     // relative to the output folder, '/' separated
    std::string format;   // contract format id: smtp-receive, smtp-send, message-tracking, …
    std::string server;
    std::int64_t dataLines = 0;
    std::int64_t bytes = 0;
    std::int64_t firstMs = -1;
    std::int64_t lastMs = -1;
};

struct StreamSpec {
    std::string dir;       // relative folder, e.g. EX01/FrontEnd/ProtocolLog/SmtpReceive
    std::string prefix;    // RECV, SEND, MSGTRK, MSGTRKMD, MSGTRKMS
    std::string version;   // #Version value
    std::string logType;   // #Log-type value
    std::string fields;    // #Fields value
    std::string format;    // contract format id
    std::string server;
    bool protocol = true;  // counts towards protocol bytes (benchmark target)
};

class Output {
public:
    Output(std::string root, std::int64_t maxFileBytes);
    ~Output();
    Output(const Output &) = delete;
    Output &operator=(const Output &) = delete;

    int addStream(const StreamSpec &spec);
    // line must end with CRLF; time decides the hourly file.
    void write(int stream, std::int64_t timeMs, std::string_view line);
    // Writes a whole file at once (EXO exports); contents already encoded.
    void writeWholeFile(const std::string &relPath, const std::string &format, const std::string &server,
                        const std::string &bytes, std::int64_t dataLines, std::int64_t firstMs, std::int64_t lastMs);
    bool finish(std::string &error);

    const std::vector<FileRecord> &files() const { return files_; }
    std::int64_t protocolBytes() const { return protocolBytes_; }
    std::int64_t trackingBytes() const { return trackingBytes_; }
    bool failed() const { return !error_.empty(); }
    const std::string &error() const { return error_; }

private:
    struct Stream {
        StreamSpec spec;
        std::FILE *file = nullptr;
        std::string buffer;
        std::int64_t hour = -1;
        int number = 0;
        std::int64_t fileBytes = 0;
        std::size_t record = 0;
    };
    void openFile(Stream &s, std::int64_t timeMs);
    void flush(Stream &s);
    void close(Stream &s);
    bool ensureDir(const std::string &relDir);

    std::string root_;
    std::int64_t maxFileBytes_;
    std::vector<Stream> streams_;
    std::vector<FileRecord> files_;
    std::set<std::string> usedPaths_;
    std::set<std::string> madeDirs_;
    std::int64_t protocolBytes_ = 0;
    std::int64_t trackingBytes_ = 0;
    std::string error_;
};

} // namespace loggen
