#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace gatehouse::ui {

// One of the Overview's AI usage tables (by consumer or by model): a name, requests, tokens in and out.
// Rows are keyed ("12" for a consumer, "1/gpt-4o" for a provider's model) so that the engine's batches
// add to the row the history read made. Rows stay in the order they came; a view sorts them by
// kTotalTokensRole (most tokens first) through a proxy, so that live updates are plain dataChanged.
class AiUsageModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, RequestsColumn, TokensInColumn, TokensOutColumn, ColumnCount };
    // Every cell: the row's prompt plus completion tokens, for sorting.
    static constexpr int kTotalTokensRole = Qt::UserRole + 1;

    struct Entry
    {
        QString key;
        QString name;
        qint64 requests = 0;
        qint64 tokensIn = 0;
        qint64 tokensOut = 0;

        qint64 totalTokens() const { return tokensIn + tokensOut; }
        bool operator==(const Entry&) const = default;
    };

    // `nameHeader`: the first column's title ("Consumer", "Model").
    explicit AiUsageModel(QString nameHeader, QObject* parent = nullptr)
        : QAbstractTableModel(parent)
        , m_nameHeader(std::move(nameHeader))
    { }

    // Replaces every row (a fresh history read).
    void setEntries(const QList<Entry>& entries);
    // Adds to the row of `entry.key` (its name follows the newest), or appends one.
    void add(const Entry& entry);
    const QList<Entry>& entries() const { return m_entries; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString m_nameHeader;
    QList<Entry> m_entries;
    QHash<QString, int> m_rowOfKey;
};

} // namespace gatehouse::ui
