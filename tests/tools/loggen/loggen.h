// mwb-loggen: writes realistic Exchange transport logs (protocol logs, message tracking logs, EXO
// message trace exports) with known, injected faults, plus a manifest describing the ground truth.
// Used for the bundled samples, parser/diagnosis fixtures and the 1 GiB benchmark.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loggen {

struct Options {
    std::string outDir;
    std::uint64_t seed = 1;
    int sessions = 200;                 // protocol sessions to aim for (ignored with targetBytes)
    std::vector<std::string> servers{"EX01", "EX02", "EDGE01"};
    std::int64_t startMs = 0;           // UTC milliseconds since 1970 of the first journey
    std::vector<std::pair<std::string, int>> faults;   // rule id, occurrences
    bool faultsGiven = false;
    bool healthyOnly = false;
    std::int64_t targetBytes = 0;       // benchmark mode: protocol-log bytes to write
    std::int64_t trackingBytes = -1;    // benchmark mode: tracking-log bytes (-1: targetBytes / 5)
    int exchange = 2019;
    std::string manifestPath;
    std::int64_t maxFileBytes = 10 * 1024 * 1024;   // Exchange's default MaxFileSize for protocol logs
    double meanGapMs = 2000.0;          // mean time between journeys
    std::int64_t sessionsPerGiB = 2100000;  // benchmark density goal
    bool exo = true;
    bool multilineEhlo = false;         // Receive logs write EHLO replies as 250- lines even on 2013+
};

// Every finding rule id of the contract, in the contract's order.
const std::vector<std::string> &faultRules();

// Writes everything; returns false with a message on error (bad output dir, I/O error).
bool generate(const Options &options, std::string &error);

// Helpers exposed for the tests and for reuse.
void appendIsoTime(std::string &out, std::int64_t ms);   // 2026-11-20T08:00:01.234Z
std::int64_t parseByteSize(std::string_view text);        // "1G", "200M", "512K", "123" → bytes, -1 on error

} // namespace loggen
