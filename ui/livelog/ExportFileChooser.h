#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace gatehouse::ui {

// Where an export goes: a save dialog opened with open() (never exec()), or, in tests, the path
// set beforehand (KeePassXC's file-dialog seam).
class ExportFileChooser
{
public:
    // Opens the save dialog and calls `chosen(path)` once a file was picked; at once, without a
    // dialog, when a test set the next path.
    template <typename Callback>
    static void choose(QWidget* parent, const QString& title, Callback chosen);

    // Tests: the next choose() answers `path` without showing a dialog.
    static void setNextPath(const QString& path);

private:
    static QString takeNextPath();
    static void openDialog(QWidget* parent, const QString& title, std::function<void(const QString&)> chosen);
};

template <typename Callback>
void ExportFileChooser::choose(QWidget* parent, const QString& title, Callback chosen)
{
    if (const QString preset = takeNextPath(); !preset.isEmpty()) {
        chosen(preset);
        return;
    }
    openDialog(parent, title, std::function<void(const QString&)>(std::move(chosen)));
}

} // namespace gatehouse::ui
