#pragma once

#include "core/catalog/Token.h"
#include "core/catalog/TokenService.h"
#include "ui/common/KeyedTableModel.h"

#include <QDateTime>

class QTimer;

namespace gatehouse::ui {

class ConsoleServices;

// The tokens the catalog holds, narrowed by a TokenFilter (the same semantics as `gatehouse-cli
// token list --consumer --state`). Rereads on every catalog revision, so a revoke shows at once;
// cells derived from the clock (relative times, states) are re-announced once a minute, since the
// catalog does not move when a token merely expires.
class TokenTableModel : public KeyedTableModel<Token>
{
    Q_OBJECT

public:
    enum Column { Name, Consumer, Scopes, Created, Expires, LastUsed, State, ColumnCount };
    enum Role {
        TokenIdRole = kSortRole + 1, // qint64
        StateRole, // int(TokenState) at the model's now
    };
    static constexpr int kDefaultTickMs = 60'000;

    explicit TokenTableModel(ConsoleServices& services, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const TokenFilter& filter() const { return m_filter; }
    void setFilter(const TokenFilter& filter);

    // The moment states and relative times are computed for: the clock as of the last reread or tick.
    QDateTime now() const { return m_now; }
    TokenState stateAt(int row) const;

    // Rereads the catalog (F5, and every revision change).
    void reload();
    // The clock moved: states may have changed (and with a state filter, which rows belong).
    void refreshClock();
    // Tests shorten the minute tick.
    void setTickInterval(int ms);

Q_SIGNALS:
    // The catalog could not be read; the rows shown are the last ones read.
    void readFailed(const QString& message);

private:
    ConsoleServices& m_services;
    TokenFilter m_filter;
    QDateTime m_now;
    QTimer* m_tick = nullptr;
};

} // namespace gatehouse::ui
