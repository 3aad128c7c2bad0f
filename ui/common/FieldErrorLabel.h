#pragma once

#include "core/common/Result.h"

#include <QLabel>

namespace gatehouse::ui {

// The reason a dialog refuses a field, shown right below that field (red, wrapped) and hidden
// while the field is fine. Dialogs use one per field, for their own as-you-type checks and for
// the error a service returns on accept (matched by Error::field).
class FieldErrorLabel : public QLabel
{
    Q_OBJECT

public:
    // `fieldLabel` ("Name", "Upstream URL") starts messages that read as a predicate
    // ("is required" becomes "Name is required").
    explicit FieldErrorLabel(QString fieldLabel, QWidget* parent = nullptr);

    // A label with no field name of its own (the reason is a whole sentence), named for tests.
    static FieldErrorLabel* named(const QString& objectName, QWidget* parent);
    // A row holding `field` and, to its right, its reason: for dialogs that explain beside a field.
    static QWidget* beside(QWidget* field, FieldErrorLabel* reason, QWidget* parent);
    // A field with its reason right below it, as one cell of a form.
    static QWidget* below(QWidget* field, FieldErrorLabel* reason, QWidget* parent = nullptr);

    void showError(const Error& error);
    // Shows `reason` as it is; hides the label when it is empty.
    void setReason(const QString& reason);
    void clearError();
    bool hasError() const { return !text().isEmpty(); }

    // The sentence shown for `error` beside the field called `fieldLabel`.
    static QString sentence(const QString& fieldLabel, const Error& error);

private:
    QString m_fieldLabel;
};

} // namespace gatehouse::ui
