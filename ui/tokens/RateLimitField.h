#pragma once

#include <QWidget>

class QFormLayout;
class QLineEdit;

namespace gatehouse::ui {

class FieldErrorLabel;

// A token's own rate limit on the API routes, as the New Token and token limits dialogs share it: a line edit that
// takes what the CLI takes ("10/s", "600/m"; empty: the API's default) with the reason it cannot be read beside it.
// addTo() puts it in a row of the dialog's form with its "Rate limit" label; the dialog keeps its OK disabled while
// validate() is false.
class RateLimitField : public QWidget
{
    Q_OBJECT

public:
    explicit RateLimitField(QWidget* parent = nullptr);

    // Adds the labelled row to `form`.
    void addTo(QFormLayout* form);

    void setRateLimit(const QString& rateLimit);
    // As typed, trimmed: what TokenService takes.
    QString rateLimit() const;
    QLineEdit* edit() const { return m_edit; }

    // Shows the reason when the rate cannot be read; returns whether it can.
    bool validate();

Q_SIGNALS:
    void edited();

private:
    QLineEdit* m_edit = nullptr;
    FieldErrorLabel* m_reason = nullptr;
};

} // namespace gatehouse::ui
