#include "ui/tokens/ClipboardGuard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>
#include <QPointer>
#include <QTimer>

namespace gatehouse::ui {

ClipboardGuard::ClipboardGuard(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        const bool wasOurs = QGuiApplication::clipboard()
            && fingerprint(QGuiApplication::clipboard()->text(QClipboard::Clipboard)) == m_copied;
        clearIfUnchanged();
        Q_EMIT expired(wasOurs);
    });
    // Quitting before the delay ends must not leave the token behind on the clipboard.
    if (auto* app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &ClipboardGuard::clearIfUnchanged);
}

ClipboardGuard::~ClipboardGuard() = default;

ClipboardGuard& ClipboardGuard::instance()
{
    static QPointer<ClipboardGuard> guard;
    if (!guard)
        guard = new ClipboardGuard(QCoreApplication::instance());
    return *guard;
}

QByteArray ClipboardGuard::fingerprint(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

void ClipboardGuard::copySecret(const QString& secret)
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!clipboard)
        return;
    auto* mime = new QMimeData;
    mime->setText(secret);
    // KDE's Klipper and other clipboard managers skip entries with this hint.
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    clipboard->setMimeData(mime, QClipboard::Clipboard);
    m_copied = fingerprint(secret);
    m_timer->start(m_delayMs);
}

void ClipboardGuard::clearIfUnchanged()
{
    m_timer->stop();
    if (m_copied.isEmpty())
        return;
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (clipboard && fingerprint(clipboard->text(QClipboard::Clipboard)) == m_copied)
        clipboard->clear(QClipboard::Clipboard);
    m_copied.clear();
}

void ClipboardGuard::clearSelectionIfHolds(const QString& secret)
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (clipboard && clipboard->supportsSelection() && clipboard->text(QClipboard::Selection) == secret)
        clipboard->clear(QClipboard::Selection);
}

bool ClipboardGuard::isPending() const
{
    return !m_copied.isEmpty();
}

} // namespace gatehouse::ui
