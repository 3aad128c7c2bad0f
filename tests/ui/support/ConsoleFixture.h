#pragma once

#include "tests/support/TestCatalog.h"
#include "ui/common/ConsoleServices.h"

#include <QApplication>
#include <QDialog>
#include <QTest>

namespace gatehouse::test {

// A real SQLite catalog in a temporary directory (see TestCatalog) and the console's services
// over it, as the main window builds them. `t`'s own services stand for another admin: their
// commits reach the console through the revision watcher, like the CLI's do.
class ConsoleFixture
{
public:
    ConsoleFixture();

    bool isReady() const { return t.isReady(); }

    TestCatalog t;
    ui::ConsoleServices services;
};

// The dialog of type T that is open (pages open their dialogs with open(), never exec()), or
// nullptr. Use inside QTRY_VERIFY.
template <typename T>
T* openDialog()
{
    const auto widgets = QApplication::topLevelWidgets();
    for (QWidget* widget : widgets) {
        if (auto* dialog = qobject_cast<T*>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

} // namespace gatehouse::test
