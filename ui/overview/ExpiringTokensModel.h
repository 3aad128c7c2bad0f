#pragma once

#include "core/catalog/Token.h"
#include "core/common/Result.h"
#include "ui/common/KeyedTableModel.h"

namespace gatehouse::ui {

class ConsoleServices;

// The tokens that still work and expire within the next 7 days, soonest first. Rereads on every
// catalog revision (a token revoked or rotated away leaves the list) and when refreshTime() says
// the clock moved (a token whose expiry passed leaves it too).
class ExpiringTokensModel : public KeyedTableModel<Token>
{
    Q_OBJECT

public:
    enum Column { TokenColumn, ConsumerColumn, ExpiresColumn, ColumnCount };
    static constexpr int kTokenIdRole = Qt::UserRole + 1;
    static constexpr qint64 kWindowMs = 7LL * 24 * 3600 * 1000;

    explicit ExpiringTokensModel(ConsoleServices& services, QObject* parent = nullptr);

    Result<void> reload();
    // Rereads, so that "in 3 hours" and the list itself follow the clock.
    void refreshTime();

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Whether `token` belongs in the list at `now`.
    static bool isExpiringSoon(const Token& token, const QDateTime& now);

Q_SIGNALS:
    void reloadFailed(const QString& message);

private:
    ConsoleServices& m_services;
};

} // namespace gatehouse::ui
