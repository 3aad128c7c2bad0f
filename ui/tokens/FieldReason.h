#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace gatehouse::ui::fieldReason {

// The token dialogs validate as the admin types and say why beside the field at fault.
// A label for that reason: hidden while empty, in the error colour.
QLabel* makeLabel(const QString& objectName, QWidget* parent);
// Shows `reason` (hidden when empty).
void set(QLabel* label, const QString& reason);
// A row holding `field` and, to its right, its reason label.
QWidget* beside(QWidget* field, QLabel* reason, QWidget* parent);

} // namespace gatehouse::ui::fieldReason
