#pragma once

#include <QString>

namespace gatehouse {

// Where a catalog lives: today always an SQLite file. A value type handed to whatever opens its own connection
// (a background read, the request log's writer thread), so that nothing outside CatalogConnection needs to know
// how a kind of location is opened. A server location (PostgreSQL, say) becomes a new Kind with its own fields.
class CatalogLocation
{
public:
    enum class Kind { None, SqliteFile };

    CatalogLocation() = default;
    static CatalogLocation sqliteFile(QString filePath);

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::None; }
    // The file of a Kind::SqliteFile location; empty for any other kind.
    QString sqliteFilePath() const { return m_kind == Kind::SqliteFile ? m_path : QString(); }
    // For messages: the file path, or whatever names a later kind's catalog. Never a password.
    QString displayName() const { return m_path; }

    friend bool operator==(const CatalogLocation&, const CatalogLocation&) = default;

private:
    Kind m_kind = Kind::None;
    QString m_path;
};

} // namespace gatehouse
