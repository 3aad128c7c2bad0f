#include "ui/livelog/ExportFileChooser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>

#include <utility>

namespace gatehouse::ui {

namespace {

QString& nextPath()
{
    static QString path;
    return path;
}

} // namespace

void ExportFileChooser::setNextPath(const QString& path)
{
    nextPath() = path;
}

QString ExportFileChooser::takeNextPath()
{
    return std::exchange(nextPath(), QString());
}

void ExportFileChooser::openDialog(QWidget* parent, const QString& title, std::function<void(const QString&)> chosen)
{
    auto* dialog = new QFileDialog(parent, title, QDir::homePath());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    const QString csv = QCoreApplication::translate("ExportFileChooser", "CSV (*.csv)");
    const QString jsonl = QCoreApplication::translate("ExportFileChooser", "JSON Lines (*.jsonl)");
    dialog->setNameFilters({csv, jsonl});
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    QObject::connect(dialog, &QFileDialog::filterSelected, dialog, [dialog, jsonl](const QString& filter) {
        dialog->setDefaultSuffix(filter == jsonl ? QStringLiteral("jsonl") : QStringLiteral("csv"));
    });
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, [chosen = std::move(chosen)](const QString& path) {
        if (!path.isEmpty())
            chosen(path);
    });
    dialog->open();
}

} // namespace gatehouse::ui
