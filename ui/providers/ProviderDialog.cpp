#include "ui/providers/ProviderDialog.h"

#include "core/catalog/ProviderService.h"
#include "core/catalog/ProviderType.h"
#include "core/catalog/Validation.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/FieldErrorLabel.h"
#include "ui/providers/ProviderTableModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace gatehouse::ui {

ProviderDialog::ProviderDialog(ConsoleServices& services, std::optional<Provider> existing, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_existing(std::move(existing))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("providerDialog"));
    setWindowTitle(isEditing() ? tr("Edit AI provider %1").arg(m_existing->name) : tr("New AI provider"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("anthropic"));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("type"));
    m_type->addItems(providerType::allNames());
    m_baseUrl = new QLineEdit(this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_models = new QPlainTextEdit(this);
    m_models->setObjectName(QStringLiteral("models"));
    m_models->setPlaceholderText(tr("One per line or comma separated; Refresh models lists them from the provider"));
    m_models->setTabChangesFocus(true);
    m_models->setFixedHeight(m_models->fontMetrics().lineSpacing() * 5);

    m_nameError = addErrorLabel(QStringLiteral("nameError"), tr("Name"));
    m_baseUrlError = addErrorLabel(QStringLiteral("baseUrlError"), tr("Base URL"));
    m_modelsError = addErrorLabel(QStringLiteral("modelsError"), tr("Models"));
    m_keyError = addErrorLabel(QStringLiteral("keyError"), tr("API key"));
    m_formError = addErrorLabel(QStringLiteral("formError"), QString());

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(isEditing() ? tr("Save") : tr("Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProviderDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProviderDialog::reject);

    auto* form = new QFormLayout;
    const auto addRow = [&](const QString& text, QWidget* field, FieldErrorLabel* error) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, error ? FieldErrorLabel::below(field, error) : field);
    };
    addRow(tr("&Name:"), m_name, m_nameError);
    addRow(tr("&Type:"), m_type, nullptr);
    addRow(tr("&Base URL:"), m_baseUrl, m_baseUrlError);
    addRow(tr("&Models:"), m_models, m_modelsError);
    if (isEditing()) {
        // The key is never shown again; the page's Replace key changes it.
        m_keyState = new QLabel(this);
        m_keyState->setObjectName(QStringLiteral("keyState"));
        m_keyState->setText(
            tr("%1 (use Replace key on the page to change it)").arg(ProviderTableModel::keyState(*m_existing)));
        form->addRow(tr("API key:"), FieldErrorLabel::below(m_keyState, m_keyError));
    } else {
        m_key = new QLineEdit(this);
        m_key->setObjectName(QStringLiteral("key"));
        m_key->setEchoMode(QLineEdit::Password);
        m_key->setAttribute(Qt::WA_InputMethodEnabled, false);
        addRow(tr("API &key:"), m_key, m_keyError);
    }

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_formError);
    layout->addStretch();
    layout->addWidget(m_buttons);

    setTabOrder(m_name, m_type);
    setTabOrder(m_type, m_baseUrl);
    setTabOrder(m_baseUrl, m_models);
    if (m_key) {
        setTabOrder(m_models, m_key);
        setTabOrder(m_key, m_buttons);
    } else {
        setTabOrder(m_models, m_buttons);
    }

    if (isEditing()) {
        m_name->setText(m_existing->name);
        m_type->setCurrentText(providerType::name(m_existing->type));
        // Shown as stored unless it is the type's default, which the placeholder already says.
        if (m_existing->baseUrl != providerType::defaultBaseUrl(m_existing->type))
            m_baseUrl->setText(m_existing->baseUrl.toString());
        m_models->setPlainText(m_existing->models.join(u'\n'));
        m_touched = {m_name, m_baseUrl, m_models};
    }
    typeChanged();

    for (QLineEdit* edit : {m_name, m_baseUrl, m_key}) {
        if (!edit)
            continue;
        connect(edit, &QLineEdit::textEdited, this, [this, edit] { markTouched(edit); });
        connect(edit, &QLineEdit::textChanged, this, &ProviderDialog::changed);
    }
    connect(m_models, &QPlainTextEdit::textChanged, this, [this] {
        markTouched(m_models);
        changed();
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        typeChanged();
        changed();
    });
    updateOkButton();
    m_name->setFocus();
}

ProviderDialog::~ProviderDialog()
{
    // Not a wipe (QLineEdit keeps its own buffers), but the key leaves the widget with the dialog.
    if (m_key)
        m_key->clear();
}

FieldErrorLabel* ProviderDialog::addErrorLabel(const QString& objectName, const QString& fieldLabel)
{
    auto* label = new FieldErrorLabel(fieldLabel, this);
    label->setObjectName(objectName);
    return label;
}

QStringList ProviderDialog::parseModels(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\n]"));
    QStringList models;
    for (const QString& part : text.split(separators)) {
        const QString model = part.trimmed();
        if (!model.isEmpty())
            models.append(model);
    }
    return models;
}

void ProviderDialog::markTouched(QWidget* field)
{
    if (!m_touched.contains(field))
        m_touched.append(field);
}

void ProviderDialog::changed()
{
    m_refused = false;
    updateOkButton();
}

void ProviderDialog::typeChanged()
{
    const auto type = providerType::parse(m_type->currentText());
    if (!type)
        return;
    const QUrl defaultUrl = providerType::defaultBaseUrl(*type);
    m_baseUrl->setPlaceholderText(
        defaultUrl.isEmpty() ? tr("required, for example http://127.0.0.1:8000/v1") : defaultUrl.toString());
    if (m_key) {
        const bool takesKey = providerType::takesKey(*type);
        m_key->setEnabled(takesKey);
        m_key->setPlaceholderText(takesKey ? QString() : tr("not needed"));
        if (!takesKey)
            m_key->clear();
    }
}

std::optional<ProviderSpec> ProviderDialog::validate(bool showAll)
{
    bool valid = true;
    const auto check = [&](QWidget* field, FieldErrorLabel* label, const Error* error) {
        if (!error) {
            label->clearError();
            return;
        }
        valid = false;
        if (showAll || m_touched.contains(field))
            label->showError(*error);
        else
            label->clearError();
    };
    const auto checkResult = [&](QWidget* field, FieldErrorLabel* label, const auto& result) {
        check(field, label, result ? nullptr : &result.error());
    };

    ProviderSpec spec;
    spec.name = m_name->text();
    spec.type = m_type->currentText();
    spec.baseUrl = m_baseUrl->text().trimmed();
    spec.models = parseModels(m_models->toPlainText());
    const auto type = providerType::parse(spec.type);

    checkResult(m_name, m_nameError, validation::name(spec.name));

    Result<QUrl> url = QUrl();
    if (spec.baseUrl.isEmpty()) {
        if (type && *type == ProviderType::OpenAiCompatible)
            url = Error::invalid(QStringLiteral("base-url"), tr("is required for an openai-compatible provider"));
        else if (type)
            url = providerType::defaultBaseUrl(*type);
    } else {
        url = validation::upstreamUrl(spec.baseUrl, u"base-url");
    }
    checkResult(m_baseUrl, m_baseUrlError, url);

    Error modelsError;
    bool modelsValid = true;
    for (const QString& model : std::as_const(spec.models)) {
        if (auto id = validation::modelId(model); !id) {
            modelsError = id.error();
            modelsValid = false;
            break;
        }
    }
    check(m_models, m_modelsError, modelsValid ? nullptr : &modelsError);

    if (m_key && type && url) {
        const bool keyGiven = !m_key->text().isEmpty();
        Error keyError;
        bool keyValid = true;
        if (!keyGiven && providerType::requiresKey(*type, *url)) {
            keyValid = false;
            keyError = Error::invalid(QStringLiteral("key"),
                tr("is required for a %1 provider at %2 (not for one on this machine)")
                    .arg(providerType::name(*type), url->toString()));
        } else if (keyGiven && !m_services.secretStore()) {
            // Said before accept: without a store the key would have nowhere to go.
            keyValid = false;
            keyError = Error::runtime(m_services.secretStoreUnavailable().isEmpty()
                    ? tr("no secret store is available for provider keys")
                    : m_services.secretStoreUnavailable());
        }
        check(m_key, m_keyError, keyValid ? nullptr : &keyError);
    } else if (m_key) {
        m_keyError->clearError();
    }

    if (!valid)
        return std::nullopt;
    return spec;
}

void ProviderDialog::updateOkButton()
{
    if (!m_refused)
        m_formError->clearError();
    const bool valid = validate(false).has_value();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid && !m_refused);
}

void ProviderDialog::accept()
{
    const auto spec = validate(true);
    if (!spec || m_refused)
        return;
    Result<Provider> saved = Error::runtime(QString());
    if (isEditing()) {
        saved = m_services.providers.update(m_existing->name, *spec);
    } else {
        std::optional<SecretBytes> key;
        if (m_key->isEnabled() && !m_key->text().isEmpty())
            key.emplace(m_key->text().toUtf8());
        saved = m_services.providers.add(*spec, std::move(key));
    }
    if (!saved) {
        showServiceError(saved.error());
        return;
    }
    if (m_key)
        m_key->clear();
    Q_EMIT this->saved(*saved);
    QDialog::accept();
}

void ProviderDialog::showServiceError(const Error& error)
{
    m_refused = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    if (error.kind == Error::Kind::NotFound && isEditing()) {
        m_formError->showError(Error::notFound(QString(),
            tr("The provider %1 no longer exists: it was removed while you were editing it.").arg(m_existing->name)));
        return;
    }
    const QList<std::pair<QString, std::pair<QWidget*, FieldErrorLabel*>>> fields {
        {QStringLiteral("name"), {m_name, m_nameError}},
        {QStringLiteral("base-url"), {m_baseUrl, m_baseUrlError}},
        {QStringLiteral("model"), {m_models, m_modelsError}},
        {QStringLiteral("models"), {m_models, m_modelsError}},
        {QStringLiteral("key"), {m_key ? static_cast<QWidget*>(m_key) : m_keyState, m_keyError}},
    };
    for (const auto& [field, widgets] : fields) {
        if (field == error.field) {
            widgets.second->showError(error);
            widgets.first->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    // A key that could not be stored (no store, keychain refused): the reason belongs to the key.
    if (m_key && !m_key->text().isEmpty()) {
        m_keyError->showError(error);
        m_key->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_formError->showError(error);
}

} // namespace gatehouse::ui
