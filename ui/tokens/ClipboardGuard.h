#pragma once

#include <QByteArray>
#include <QObject>

class QTimer;

namespace gatehouse::ui {

// Puts a secret on the clipboard and takes it off again after a delay, as KeePassXC does, unless
// the user has copied something else meanwhile. One instance lives as long as the application
// (instance()), so the clearing still happens after the dialog that copied has closed. It keeps
// only a hash of what it copied, never the secret itself. Could move to ui/common when another
// page copies secrets (provider keys).
class ClipboardGuard : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultClearDelayMs = 30'000;

    explicit ClipboardGuard(QObject* parent = nullptr);
    ~ClipboardGuard() override;

    // The application-wide guard, parented to qApp.
    static ClipboardGuard& instance();

    // Copies `secret` (marked for clipboard managers as a password, so they keep no history) and
    // schedules its removal; a new copy restarts the delay.
    void copySecret(const QString& secret);
    // Clears the clipboard now if it still holds what was copied; otherwise leaves it alone.
    void clearIfUnchanged();
    bool isPending() const;
    // Clears the selection clipboard (X11 and Wayland's middle-click paste) if it holds `secret`.
    static void clearSelectionIfHolds(const QString& secret);

    int clearDelayMs() const { return m_delayMs; }
    // Tests shorten the delay.
    void setClearDelayMs(int ms) { m_delayMs = ms; }

Q_SIGNALS:
    // After the delay: `cleared` is false when the clipboard held something else and was left alone.
    void expired(bool cleared);

private:
    static QByteArray fingerprint(const QString& text);

    QTimer* m_timer = nullptr;
    QByteArray m_copied; // SHA-256 of the secret on the clipboard, empty when nothing is pending
    int m_delayMs = kDefaultClearDelayMs;
};

} // namespace gatehouse::ui
