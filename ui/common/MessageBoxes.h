#pragma once

#include <QMessageBox>

namespace gatehouse::ui {

// Every question and warning the console asks goes through here, so that a GUI test can set the
// next answer instead of driving a modal box (KeePassXC's habit). Without a preset answer the real
// QMessageBox is shown.
class MessageBoxes
{
public:
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
        QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
        QMessageBox::StandardButton defaultButton = QMessageBox::No);
    static void warning(QWidget* parent, const QString& title, const QString& text);

    // Tests: the next box answers `answer` without being shown and records its text.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    // The text of the last box answered by setNextAnswer (or of the last warning), for asserting.
    static QString lastText();
};

} // namespace gatehouse::ui
