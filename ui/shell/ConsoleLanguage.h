#pragma once

#include "core/common/Result.h"

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace gatehouse::ui {

// The console's language: English (the source text, no translator) or one of the translations
// embedded under :/i18n (translations/gatehouse_<lang>.ts, built by qt_add_translations).
class ConsoleLanguage
{
public:
    // "en" first, then the embedded translations by name: {"en", "de", "zh_CN"}.
    static QStringList available();

    // The value of --lang in the raw arguments ("--lang de" or "--lang=de"), empty without one. The
    // console reads it before its command-line parser exists, so that --help is translated too.
    static QString requested(const QStringList& arguments);

    // The language to use. A --lang value must name one of `available` ("de", "de_AT" and "de-DE"
    // all mean "de"; "zh" and "zh-Hans" mean "zh_CN"); anything else is an error naming the choices.
    // Without --lang, the first of the user's languages (QLocale::uiLanguages(), most preferred
    // first) that we have wins, so a user who prefers English over German gets English; if none
    // matches, English. Traditional Chinese (zh_TW, zh-Hant) is not Simplified: it gets English.
    static Result<QString> choose(const QString& requested, const QStringList& uiLanguages,
        const QStringList& available = ConsoleLanguage::available());

    // Installs the console's translator for `language` and, when Debian's qt6-translations-l10n is
    // installed, Qt's own (standard buttons, --help's built-in options). Nothing for "en". The
    // translators are children of `app`. False if the console's translation could not be loaded.
    static bool install(const QString& language, QCoreApplication& app);
};

} // namespace gatehouse::ui
