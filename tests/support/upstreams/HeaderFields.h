#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>
#include <utility>

namespace gatehouse::test {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// Small helpers shared by the loopback upstream (parsing requests) and RawHttpClient (parsing
// responses). They are written here, not taken from core/gateway, so that the fixtures never
// share a parsing bug with the gateway they are meant to test.
namespace HeaderFields {

// The value of the first field named `name` (case-insensitive); several fields of that name are
// joined with ", " as RFC 9110 allows for list-valued fields. Empty when absent.
QByteArray value(const HeaderList& headers, QByteArrayView name);

bool contains(const HeaderList& headers, QByteArrayView name);

// True when a comma-separated field (Connection, Transfer-Encoding) lists `token`, ignoring case.
bool hasToken(const HeaderList& headers, QByteArrayView name, QByteArrayView token);

// Parses the field lines of a message head (the text after the start line, without the final
// empty line). Refuses obsolete line folding and malformed names, so a gateway that emits them is
// caught by the test instead of being silently tolerated.
std::optional<HeaderList> parse(QByteArrayView block);

} // namespace HeaderFields

} // namespace gatehouse::test
