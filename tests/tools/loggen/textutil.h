// Small, allocation-light text helpers for the generator's hot loop (no QString per line).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace loggen {

// Deterministic generator (splitmix64): same seed, same stream on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
    std::int64_t range(std::int64_t lo, std::int64_t hi)
    {
        return hi <= lo ? lo : lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    template <typename C> const auto &pick(const C &c) { return c[below(c.size())]; }

private:
    std::uint64_t state_;
};

inline void appendUInt(std::string &out, std::uint64_t v)
{
    char buf[24];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0)
        out.push_back(buf[--n]);
}

inline void appendPadded(std::string &out, std::uint64_t v, int width)
{
    char buf[24];
    for (int i = width - 1; i >= 0; --i) {
        buf[i] = static_cast<char>('0' + v % 10);
        v /= 10;
    }
    out.append(buf, static_cast<std::size_t>(width));
}

inline void appendHex(std::string &out, std::uint64_t v, int digits, bool upper = true)
{
    const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i)
        out.push_back(hex[(v >> (4 * i)) & 0xF]);
}

// CSV field the way Exchange writes it: quoted only when it must be (comma, quote, line break),
// then the whole field, with quotes doubled.
inline void appendCsvField(std::string &out, std::string_view field)
{
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (char c : field) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

// Always quoted (PowerShell Export-Csv, EXO portal exports).
inline void appendQuotedField(std::string &out, std::string_view field)
{
    out.push_back('"');
    for (char c : field) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

struct Civil {
    int year;
    unsigned month, day, hour, minute, second, millis, weekday;   // weekday 0 = Sunday
};

// Days-since-epoch to calendar date (proleptic Gregorian), for UTC only.
inline Civil civilFromMs(std::int64_t ms)
{
    std::int64_t days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    std::int64_t msOfDay = ms - days * 86400000;
    Civil c{};
    c.weekday = static_cast<unsigned>(((days % 7) + 11) % 7);   // 1970-01-01 was a Thursday
    std::int64_t z = days + 719468;
    std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    auto doe = static_cast<unsigned>(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    c.day = doy - (153 * mp + 2) / 5 + 1;
    c.month = mp < 10 ? mp + 3 : mp - 9;
    c.year = static_cast<int>(y + (c.month <= 2 ? 1 : 0));
    c.hour = static_cast<unsigned>(msOfDay / 3600000);
    c.minute = static_cast<unsigned>(msOfDay / 60000 % 60);
    c.second = static_cast<unsigned>(msOfDay / 1000 % 60);
    c.millis = static_cast<unsigned>(msOfDay % 1000);
    return c;
}

// 2026-11-20T08:00:01.234Z (fractionDigits 3) or 2026-11-20T08:00:01.2340000Z (7, extra digits appended).
inline void appendIso(std::string &out, std::int64_t ms, int fractionDigits = 3, unsigned extra = 0, bool zulu = true)
{
    Civil c = civilFromMs(ms);
    appendPadded(out, static_cast<std::uint64_t>(c.year), 4);
    out.push_back('-');
    appendPadded(out, c.month, 2);
    out.push_back('-');
    appendPadded(out, c.day, 2);
    out.push_back('T');
    appendPadded(out, c.hour, 2);
    out.push_back(':');
    appendPadded(out, c.minute, 2);
    out.push_back(':');
    appendPadded(out, c.second, 2);
    out.push_back('.');
    appendPadded(out, c.millis, 3);
    if (fractionDigits == 7)
        appendPadded(out, extra % 10000, 4);
    if (zulu)
        out.push_back('Z');
}

// The banner date: "Fri, 20 Nov 2026 08:00:01 +0000".
inline void appendRfc822(std::string &out, std::int64_t ms)
{
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    Civil c = civilFromMs(ms);
    out.append(days[c.weekday]);
    out.append(", ");
    appendPadded(out, c.day, 2);
    out.push_back(' ');
    out.append(months[c.month - 1]);
    out.push_back(' ');
    appendPadded(out, static_cast<std::uint64_t>(c.year), 4);
    out.push_back(' ');
    appendPadded(out, c.hour, 2);
    out.push_back(':');
    appendPadded(out, c.minute, 2);
    out.push_back(':');
    appendPadded(out, c.second, 2);
    out.append(" +0000");
}

} // namespace loggen
