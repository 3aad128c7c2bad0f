#pragma once

#include "core/catalog/AiLimits.h"

#include <QWidget>

class QFormLayout;
class QLineEdit;

namespace gatehouse::ui {

class FieldErrorLabel;

// The line edits for AI budgets and per-minute AI limits, as the token and consumer dialogs share them. Each takes
// what the CLI takes ("250000", "250k", "2M"; empty or "none" for no limit) and says beside itself, as the admin
// types, why it cannot read a value; the dialog keeps its OK disabled while isValid() is false. A consumer has
// budgets only; a token also has the per-minute limits.
class AiLimitsFields : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { BudgetOnly, BudgetAndRates };

    explicit AiLimitsFields(Kind kind, QWidget* parent = nullptr);

    // Fills the fields (0 leaves a field empty: no limit).
    void setLimits(const AiLimits& limits);
    void setBudget(const UsageBudget& budget);

    bool isValid() const;
    // What the fields say; meaningful while isValid().
    AiLimits limits() const;
    UsageBudget budget() const { return limits().budget; }

    // The edits in form order, for the dialog's tab order.
    QList<QWidget*> edits() const;

    // Shows the reason of every field that cannot be read; returns whether all can.
    bool validate();

Q_SIGNALS:
    void edited();

private:
    struct Field
    {
        QLineEdit* edit = nullptr;
        FieldErrorLabel* reason = nullptr;
    };
    Field addField(QFormLayout* form, const QString& key, const QString& label, const QString& placeholder,
        const QString& toolTip);
    // The reason `field` cannot be read, or empty.
    QString problem(const Field& field, qint64* value) const;

    Kind m_kind;
    Field m_daily;
    Field m_monthly;
    Field m_requests;
    Field m_tokens;
};

} // namespace gatehouse::ui
