#pragma once

#include <QSqlQuery>
#include <QString>

#include <array>
#include <cstddef>

// The SQL of the core is SQLite's. What SQLite spells its own way is named here, and only here, so that a second
// dialect (PostgreSQL) changes this file rather than every statement that uses it.
namespace gatehouse::sqlDialect {

// Starts a write transaction that takes the write lock at once, so that two writers queue on the busy timeout
// instead of one failing on a lock upgrade (PostgreSQL: a plain BEGIN; its row locks need no such thing).
inline constexpr char kBeginWrite[] = "BEGIN IMMEDIATE";

// The pages of the database file, those free, and the size of a page: what the file's live bytes are counted from
// (the request log's size cap).
inline constexpr const char* kFileSizePragmas[3] = {"PRAGMA page_count", "PRAGMA freelist_count", "PRAGMA page_size"};

// The table option that clusters a table on its primary key, with no separate row id.
inline constexpr char kWithoutRowId[] = " WITHOUT ROWID";

// The larger and the smaller of two values: SQLite's scalar max(a, b) and min(a, b) (PostgreSQL's greatest and
// least). With one argument, max() and min() are the standard aggregates and need no name here.
inline constexpr char kGreatest[] = "max";
inline constexpr char kLeast[] = "min";

// Counts (0 or 1) the tables called by the one bound value.
QString tableExistsQuery();

// The id of the row that `query`, an INSERT just executed, added.
qint64 insertedId(const QSqlQuery& query);

// Joins string literals at compile time, for statements kept as constants: concat("a", kGreatest, "b").data().
template <std::size_t... N>
constexpr std::array<char, (N + ...) - sizeof...(N) + 1> concat(const char (&... parts)[N])
{
    std::array<char, (N + ...) - sizeof...(N) + 1> joined {};
    std::size_t at = 0;
    const auto append = [&joined, &at](const char* part, std::size_t size) {
        for (std::size_t i = 0; i + 1 < size; ++i)
            joined[at++] = part[i];
    };
    (append(parts, N), ...);
    joined[at] = '\0';
    return joined;
}

} // namespace gatehouse::sqlDialect
