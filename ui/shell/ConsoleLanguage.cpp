#include "ui/shell/ConsoleLanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace gatehouse::ui {

namespace {

const QString kEnglish = QStringLiteral("en");
const QString kResourceDir = QStringLiteral(":/i18n");
const QString kPrefix = QStringLiteral("gatehouse_");

// The entry of `available` that `tag` (a BCP 47 tag like "de-AT" or a POSIX name like "zh_CN")
// stands for, or empty: an exact name first, else the same language in the same script.
QString match(const QString& tag, const QStringList& available)
{
    QString name = tag;
    name.replace(u'-', u'_');
    for (const QString& candidate : available) {
        if (candidate.compare(name, Qt::CaseInsensitive) == 0)
            return candidate;
    }
    const QLocale locale(name);
    if (locale.language() == QLocale::C || locale.language() == QLocale::AnyLanguage)
        return {};
    for (const QString& candidate : available) {
        const QLocale ours(candidate);
        if (ours.language() == locale.language() && ours.script() == locale.script())
            return candidate;
    }
    return {};
}

} // namespace

QStringList ConsoleLanguage::available()
{
    QStringList languages;
    const auto files = QDir(kResourceDir).entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString& file : files)
        languages.append(file.mid(kPrefix.size()).chopped(3));
    languages.removeAll(kEnglish);
    languages.prepend(kEnglish);
    return languages;
}

QString ConsoleLanguage::requested(const QStringList& arguments)
{
    const QString option = QStringLiteral("--lang");
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QStringLiteral("--"))
            break;
        if (argument == option)
            return i + 1 < arguments.size() ? arguments.at(i + 1) : QString();
        if (argument.startsWith(option + u'='))
            return argument.mid(option.size() + 1);
    }
    return {};
}

Result<QString> ConsoleLanguage::choose(
    const QString& requested, const QStringList& uiLanguages, const QStringList& available)
{
    if (!requested.isEmpty()) {
        const QString language = match(requested, available);
        if (language.isEmpty()) {
            return Error::invalid(QStringLiteral("lang"),
                QStringLiteral("unknown language '%1' (available: %2)")
                    .arg(requested, available.join(QStringLiteral(", "))));
        }
        return language;
    }
    for (const QString& tag : uiLanguages) {
        if (const QString language = match(tag, available); !language.isEmpty())
            return language;
    }
    return kEnglish;
}

bool ConsoleLanguage::install(const QString& language, QCoreApplication& app)
{
    if (language == kEnglish)
        return true;
    // The translator installed last is asked first: ours, then Qt's.
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto* ours = new QTranslator(&app);
    if (!ours->load(kPrefix + language, kResourceDir)) {
        delete ours;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    return true;
}

} // namespace gatehouse::ui
