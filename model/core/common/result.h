#pragma once
// A small expected-style result for API edges: either a value or a human-readable error.
// (std::expected is C++23; Qt 6.4 / GCC 12 do not have it.)
#include <QString>
#include <optional>
#include <utility>

namespace mwb {

struct Error {
    QString message;
    int code = 0;  // optional machine code, e.g. an exit status or a line number
};

template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}                  // NOLINT(implicit)
    Result(Error error) : m_error(std::move(error)) {}              // NOLINT(implicit)
    static Result fail(QString message, int code = 0) { return Result(Error{std::move(message), code}); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    const T &operator*() const { return *m_value; }
    const Error &error() const { return m_error; }
    QString errorMessage() const { return m_error.message; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template <>
class Result<void> {
public:
    Result() = default;
    Result(Error error) : m_ok(false), m_error(std::move(error)) {}  // NOLINT(implicit)
    static Result fail(QString message, int code = 0) { return Result(Error{std::move(message), code}); }
    bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }
    QString errorMessage() const { return m_error.message; }

private:
    bool m_ok = true;
    Error m_error;
};

// Soft assert (Qt Creator style): logs and lets the caller recover instead of aborting.
#define MWB_CHECK(cond, action) \
    if (Q_LIKELY(cond)) {} else { qWarning("MWB_CHECK failed: %s (%s:%d)", #cond, __FILE__, __LINE__); action; }

} // namespace mwb
