#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace gatehouse {

// Why an operation failed. `field` names the input at fault (for example "name" or "upstream")
// so that a dialog can show the reason beside the field and the CLI can print one line.
struct Error
{
    enum class Kind {
        InvalidInput, // the caller's input is wrong; nothing was written (CLI exit 2)
        NotFound, // the named object does not exist (CLI exit 2)
        Conflict, // the input clashes with the catalog's state, e.g. a duplicate name (CLI exit 2)
        Runtime, // the environment failed: database locked, disk full (CLI exit 1)
    };

    Kind kind = Kind::Runtime;
    QString field;
    QString message;

    static Error invalid(QString field, QString message)
    {
        return {Kind::InvalidInput, std::move(field), std::move(message)};
    }
    static Error notFound(QString field, QString message)
    {
        return {Kind::NotFound, std::move(field), std::move(message)};
    }
    static Error conflict(QString field, QString message)
    {
        return {Kind::Conflict, std::move(field), std::move(message)};
    }
    static Error runtime(QString message) { return {Kind::Runtime, QString(), std::move(message)}; }

    bool isUsageError() const { return kind != Kind::Runtime; }
    // "name: must start with a letter or digit", or just the message when no field is at fault.
    QString toString() const { return field.isEmpty() ? message : field + QStringLiteral(": ") + message; }
};

// A value or the Error that prevented it. std::expected arrives with C++23; this is its small subset.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_state); }
    T& value() & { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const Error& error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    { }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace gatehouse
