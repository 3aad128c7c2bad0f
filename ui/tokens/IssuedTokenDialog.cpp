#include "ui/tokens/IssuedTokenDialog.h"

#include "ui/common/TimeText.h"
#include "ui/tokens/ClipboardGuard.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

IssuedTokenDialog::IssuedTokenDialog(const Token& token, SecretBytes plaintext, QWidget* parent)
    : QDialog(parent)
    , m_token(token)
    , m_plaintext(std::move(plaintext))
    , m_field(new QLineEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("issuedTokenDialog"));
    setWindowTitle(m_token.rotatedFrom ? tr("Token rotated") : tr("Token created"));

    const QString expires
        = m_token.neverExpires() ? tr("never expires") : tr("expires %1").arg(timeText::absolute(m_token.expires));
    auto* summary = new QLabel(m_token.rotatedFrom
            ? tr("Token %1 \"%2\" for %3 replaces token %4 and %5.")
                  .arg(QString::number(m_token.id), m_token.name, m_token.consumerName,
                      QString::number(m_token.rotatedFrom), expires)
            : tr("Token %1 \"%2\" for %3 %4.")
                  .arg(QString::number(m_token.id), m_token.name, m_token.consumerName, expires),
        this);
    summary->setTextFormat(Qt::PlainText);
    summary->setWordWrap(true);

    m_field->setObjectName(QStringLiteral("tokenText"));
    m_field->setReadOnly(true);
    m_field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_field->setText(m_plaintext.toString());
    m_field->setMinimumWidth(m_field->fontMetrics().horizontalAdvance(m_field->text()) + 24);
    // Every way of copying goes through the guard, which clears the clipboard later: the context
    // menu's Copy is gone, and Ctrl+C is caught by eventFilter().
    m_field->setContextMenuPolicy(Qt::NoContextMenu);
    m_field->installEventFilter(this);

    m_copy->setObjectName(QStringLiteral("copy"));
    m_copy->setDefault(true);
    connect(m_copy, &QPushButton::clicked, this, &IssuedTokenDialog::copy);

    auto* warning
        = new QLabel(tr("Copy this token now: it cannot be shown again. Gatehouse keeps only its hash; if it is lost, "
                        "rotate the token. The clipboard is cleared %1 seconds after copying.")
                         .arg(ClipboardGuard::instance().clearDelayMs() / 1000),
            this);
    warning->setObjectName(QStringLiteral("warning"));
    warning->setWordWrap(true);
    QFont bold = warning->font();
    bold.setBold(true);
    warning->setFont(bold);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* row = new QHBoxLayout;
    row->addWidget(m_field, 1);
    row->addWidget(m_copy);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addLayout(row);
    layout->addWidget(warning);
    layout->addWidget(buttons);

    setTabOrder(m_field, m_copy);
    setTabOrder(m_copy, buttons->button(QDialogButtonBox::Close));
    m_field->setFocus();
}

IssuedTokenDialog::~IssuedTokenDialog()
{
    wipe();
}

QString IssuedTokenDialog::tokenText() const
{
    return m_field->text();
}

void IssuedTokenDialog::copy()
{
    if (m_plaintext.isEmpty())
        return;
    ClipboardGuard::instance().copySecret(m_plaintext.toString());
    m_copy->setText(tr("Copied"));
}

bool IssuedTokenDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
        copy();
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void IssuedTokenDialog::done(int result)
{
    wipe();
    QDialog::done(result);
}

void IssuedTokenDialog::wipe()
{
    // Selecting text on X11 copies it to the selection clipboard, which the guard never saw.
    if (!m_plaintext.isEmpty())
        ClipboardGuard::instance().clearSelectionIfHolds(m_plaintext.toString());
    // Best effort for the field (QString's buffer is not ours to cleanse); the SecretBytes is wiped.
    m_field->clear();
    m_plaintext.clear();
}

} // namespace gatehouse::ui
