#pragma once

#include <QApplication>
#include <QDialog>

namespace gatehouse::test {

// Deletes the dialogs a test left open without a parent (an IssuedTokenDialog opened by a
// stand-alone NewTokenDialog), so that nothing outlives the fixture whose services it used.
inline void deleteParentlessDialogs()
{
    const auto widgets = QApplication::topLevelWidgets();
    for (QWidget* widget : widgets) {
        if (qobject_cast<QDialog*>(widget) && !widget->parentWidget())
            delete widget;
    }
}

} // namespace gatehouse::test
