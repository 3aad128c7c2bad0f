#include "ui/common/FieldErrorLabel.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QPalette>
#include <QVBoxLayout>

namespace gatehouse::ui {

FieldErrorLabel::FieldErrorLabel(QString fieldLabel, QWidget* parent)
    : QLabel(parent)
    , m_fieldLabel(std::move(fieldLabel))
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    // Errors quote what the user typed; it must be selectable to copy, never interpreted.
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    setPalette(errorPalette);
    hide();
}

void FieldErrorLabel::showError(const Error& error)
{
    setText(sentence(m_fieldLabel, error));
    show();
}

FieldErrorLabel* FieldErrorLabel::named(const QString& objectName, QWidget* parent)
{
    auto* label = new FieldErrorLabel(QString(), parent);
    label->setObjectName(objectName);
    return label;
}

QWidget* FieldErrorLabel::beside(QWidget* field, FieldErrorLabel* reason, QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(reason, 1);
    return row;
}

QWidget* FieldErrorLabel::below(QWidget* field, FieldErrorLabel* reason, QWidget* parent)
{
    auto* cell = new QWidget(parent);
    auto* layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(reason);
    return cell;
}

void FieldErrorLabel::setReason(const QString& reason)
{
    setText(reason);
    setVisible(!reason.isEmpty());
}

void FieldErrorLabel::clearError()
{
    clear();
    hide();
}

QString FieldErrorLabel::sentence(const QString& fieldLabel, const Error& error)
{
    const QString& message = error.message;
    if (message.isEmpty())
        return fieldLabel;
    if (fieldLabel.isEmpty())
        return message.at(0).toUpper() + message.mid(1);
    // The core's messages are written to follow the field's name ("is required", "must be ..."),
    // as the CLI prints them after "name: "; others are whole sentences that only need a capital.
    for (const auto predicate : {u"is ", u"must ", u"has ", u"contains "}) {
        if (message.startsWith(predicate))
            //: A field's label, then the core's reason, which stays English (as the CLI prints it): "Name is
            //: required". A translation that cannot continue the label with English text can separate them.
            return QCoreApplication::translate("FieldErrorLabel", "%1 %2").arg(fieldLabel, message);
    }
    return message.at(0).toUpper() + message.mid(1);
}

} // namespace gatehouse::ui
