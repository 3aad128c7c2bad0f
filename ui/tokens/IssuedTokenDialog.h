#pragma once

#include "core/catalog/Token.h"
#include "core/common/SecretBytes.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace gatehouse::ui {

// Shows a freshly issued token's plaintext, once: in a read-only, selectable monospace field with
// a Copy button (the clipboard is cleared again by ClipboardGuard). Closing the dialog wipes its
// copy of the secret; nothing else in the console ever holds it.
class IssuedTokenDialog : public QDialog
{
    Q_OBJECT

public:
    IssuedTokenDialog(const Token& token, SecretBytes plaintext, QWidget* parent = nullptr);
    ~IssuedTokenDialog() override;

    const Token& token() const { return m_token; }
    // What the field shows (empty once the dialog closed). Tests and the end-to-end test read it.
    QString tokenText() const;

    void done(int result) override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void copy();
    void wipe();

    Token m_token;
    SecretBytes m_plaintext;
    QLineEdit* m_field = nullptr;
    QPushButton* m_copy = nullptr;
};

} // namespace gatehouse::ui
