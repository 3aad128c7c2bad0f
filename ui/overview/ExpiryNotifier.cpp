#include "ui/overview/ExpiryNotifier.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/TokenState.h"
#include "core/common/Clock.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/TimeText.h"
#include "ui/overview/Notifier.h"
#include "ui/shell/ConsoleSettings.h"

#include <QTimer>

namespace gatehouse::ui {

ExpiryNotifier::ExpiryNotifier(
    ConsoleServices& services, ConsoleSettings& settings, Notifier& notifier, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_settings(settings)
    , m_notifier(notifier)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kCheckIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ExpiryNotifier::check);
    m_timer->start();
    connect(&m_services.revisions, &CatalogChangeFeed::changed, this, &ExpiryNotifier::check);
}

bool ExpiryNotifier::isDue(const Token& token, const QDateTime& now)
{
    // Rotated away (graceEnds) or revoked: it ends for another reason, and its successor gets its own notice.
    return !token.neverExpires() && !token.graceEnds.isValid() && !token.revoked.isValid()
        && tokenState::isUsable(token, now) && token.expires > now && now.msecsTo(token.expires) <= kNoticeMs;
}

void ExpiryNotifier::check()
{
    auto tokens = m_services.tokens.list();
    if (!tokens)
        return; // the next tick or change tries again
    const QDateTime now = m_services.clock.now();
    const QString catalogPath = m_services.catalog.filePath();
    const QList<qint64> stored = m_settings.notifiedExpiries(catalogPath);
    const QSet<qint64> notified(stored.cbegin(), stored.cend());

    QList<qint64> keep; // announced tokens that may still matter; the rest are forgotten
    QList<const Token*> due;
    for (const Token& token : *tokens) {
        const bool usable = !token.neverExpires() && tokenState::isUsable(token, now) && token.expires > now;
        if (notified.contains(token.id)) {
            if (usable)
                keep.append(token.id);
        } else if (isDue(token, now)) {
            due.append(&token);
            keep.append(token.id);
        }
    }
    if (!due.isEmpty()) {
        // Remembered before the notice goes out: a crash in between loses a notice, never repeats one.
        m_settings.setNotifiedExpiries(catalogPath, keep);
        if (due.size() == 1) {
            const Token& token = *due.first();
            m_notifier.notify(tr("A token expires soon"),
                tr("“%1” of %2 expires %3 (%4).")
                    .arg(token.name, token.consumerName, timeText::relative(token.expires, now),
                        timeText::absolute(token.expires)));
        } else {
            QStringList names;
            for (const Token* token : due)
                names.append(tr("“%1” of %2").arg(token->name, token->consumerName));
            m_notifier.notify(tr("%n token(s) expire within a day", nullptr, int(due.size())), names.join(u", "));
        }
    } else if (keep.size() != stored.size()) {
        m_settings.setNotifiedExpiries(catalogPath, keep);
    }
}

} // namespace gatehouse::ui
