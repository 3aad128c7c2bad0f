#pragma once

#include "core/requestlog/LoggedRequest.h"

#include <QAbstractTableModel>

#include <deque>

namespace gatehouse::ui {

// The live log's rows: requests as the log recorded them, oldest first, newest at the bottom.
// Rows are thin records (LoggedRequest, whose strings are shared); cell text is built in data()
// only for the cells a view asks for. A batch arrives as one insertion and the rows over the cap
// leave as one removal, so a view with 100,000 rows does a bounded amount of work per batch.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Method, Path, Api, Consumer, TokenColumn, Status, Latency, Bytes, AiTokens, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole, // the raw value, like KeyedTableModel's kSortRole
        LogIdRole,
        TokenIdRole,
    };
    static constexpr int kDefaultMaxRows = 100'000;

    explicit RequestLogModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Appends the rows newer than the newest held (others are duplicates and are skipped) as one
    // insertion, then removes the oldest rows over the cap as one removal.
    void appendBatch(const QList<LoggedRequest>& batch);
    // Inserts rows older than the oldest held at the top (scrolling back), as far as the cap allows.
    // Returns how many were inserted.
    int prependOlder(const QList<LoggedRequest>& older);
    void clear();

    void setMaxRows(int maxRows);
    int maxRows() const { return m_maxRows; }

    const LoggedRequest& rowAt(int row) const { return m_rows.at(size_t(row)); }
    // 0 when empty.
    qint64 newestId() const { return m_rows.empty() ? 0 : m_rows.back().id; }
    qint64 oldestId() const { return m_rows.empty() ? 0 : m_rows.front().id; }

    // "OK" rows and refusals alike: the class a status filter sees.
    static bool isRejected(const RequestEvent& event);

private:
    void trimToCap();

    std::deque<LoggedRequest> m_rows;
    int m_maxRows = kDefaultMaxRows;
};

} // namespace gatehouse::ui
