#include "ui/common/MessageBoxes.h"

#include <optional>

namespace gatehouse::ui {

namespace {

// GUI-thread only, like the boxes themselves.
std::optional<QMessageBox::StandardButton> g_nextAnswer;
QString g_lastText;

} // namespace

QMessageBox::StandardButton MessageBoxes::question(QWidget* parent, const QString& title, const QString& text,
    QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    g_lastText = text;
    if (g_nextAnswer) {
        const auto answer = *g_nextAnswer;
        g_nextAnswer.reset();
        return answer;
    }
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void MessageBoxes::warning(QWidget* parent, const QString& title, const QString& text)
{
    g_lastText = text;
    if (g_nextAnswer) {
        g_nextAnswer.reset();
        return;
    }
    QMessageBox::warning(parent, title, text);
}

void MessageBoxes::setNextAnswer(QMessageBox::StandardButton answer)
{
    g_nextAnswer = answer;
}

QString MessageBoxes::lastText()
{
    return g_lastText;
}

} // namespace gatehouse::ui
