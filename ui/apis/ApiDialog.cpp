#include "ui/apis/ApiDialog.h"

#include "core/catalog/ApiService.h"
#include "core/catalog/RateLimit.h"
#include "core/catalog/Validation.h"
#include "core/common/ByteSize.h"
#include "core/tokens/Duration.h"
#include "ui/common/ConsoleServices.h"
#include "ui/common/FieldErrorLabel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

ApiDialog::ApiDialog(ConsoleServices& services, std::optional<Api> existing, QWidget* parent)
    : QDialog(parent)
    , m_services(services)
    , m_existing(std::move(existing))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("apiDialog"));
    setWindowTitle(isEditing() ? tr("Edit API %1").arg(m_existing->name) : tr("New API"));

    m_name = addLineEdit(QStringLiteral("name"), tr("billing"));
    m_upstream = addLineEdit(QStringLiteral("upstream"), tr("https://billing.example.com/v2"));
    m_prefix = addLineEdit(QStringLiteral("prefix"), QString());
    m_stripPrefix = new QCheckBox(tr("&Strip the prefix before forwarding"), this);
    m_stripPrefix->setObjectName(QStringLiteral("stripPrefix"));
    m_timeout = addLineEdit(QStringLiteral("timeout"), tr("30s"));
    m_maxBody = addLineEdit(QStringLiteral("maxBody"), tr("10m"));
    m_rateLimit = addLineEdit(QStringLiteral("rateLimit"), tr("none (or 100/s, 600/m, 1000/h)"));

    m_nameError = addErrorLabel(QStringLiteral("nameError"), tr("Name"));
    m_upstreamError = addErrorLabel(QStringLiteral("upstreamError"), tr("Upstream URL"));
    m_prefixError = addErrorLabel(QStringLiteral("prefixError"), tr("Prefix"));
    m_timeoutError = addErrorLabel(QStringLiteral("timeoutError"), tr("Timeout"));
    m_maxBodyError = addErrorLabel(QStringLiteral("maxBodyError"), tr("Max body"));
    m_rateLimitError = addErrorLabel(QStringLiteral("rateLimitError"), tr("Rate limit"));
    m_formError = addErrorLabel(QStringLiteral("formError"), QString());

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(isEditing() ? tr("Save") : tr("Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ApiDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ApiDialog::reject);

    auto* form = new QFormLayout;
    const auto addRow = [&](const QString& text, QWidget* field, FieldErrorLabel* error) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, FieldErrorLabel::below(field, error));
    };
    addRow(tr("&Name:"), m_name, m_nameError);
    addRow(tr("&Upstream URL:"), m_upstream, m_upstreamError);
    addRow(tr("&Prefix:"), m_prefix, m_prefixError);
    form->addRow(QString(), m_stripPrefix);
    addRow(tr("&Timeout:"), m_timeout, m_timeoutError);
    addRow(tr("&Max body:"), m_maxBody, m_maxBodyError);
    addRow(tr("&Rate limit per token:"), m_rateLimit, m_rateLimitError);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_formError);
    layout->addStretch();
    layout->addWidget(m_buttons);

    setTabOrder(m_name, m_upstream);
    setTabOrder(m_upstream, m_prefix);
    setTabOrder(m_prefix, m_stripPrefix);
    setTabOrder(m_stripPrefix, m_timeout);
    setTabOrder(m_timeout, m_maxBody);
    setTabOrder(m_maxBody, m_rateLimit);
    setTabOrder(m_rateLimit, m_buttons);

    const ApiSpec defaults;
    if (isEditing()) {
        m_name->setText(m_existing->name);
        m_upstream->setText(m_existing->upstream.toString());
        m_prefix->setText(m_existing->prefix);
        m_stripPrefix->setChecked(m_existing->stripPrefix);
        m_timeout->setText(tokens::formatDuration(m_existing->timeoutMs));
        m_maxBody->setText(formatByteSize(m_existing->maxBodyBytes));
        m_rateLimit->setText(m_existing->rateLimit);
        // What is stored was valid when written; if a rule tightened since, say so at once.
        m_touched = {m_name, m_upstream, m_prefix, m_timeout, m_maxBody, m_rateLimit};
    } else {
        m_timeout->setText(tokens::formatDuration(defaults.timeoutMs));
        m_maxBody->setText(formatByteSize(defaults.maxBodyBytes));
    }
    for (QLineEdit* edit : {m_name, m_upstream, m_prefix, m_timeout, m_maxBody, m_rateLimit}) {
        connect(edit, &QLineEdit::textEdited, this, [this, edit] { markTouched(edit); });
        connect(edit, &QLineEdit::textChanged, this, [this] {
            m_refused = false;
            updateOkButton();
        });
    }
    // The strip checkbox cannot be wrong, but changing it is a new attempt after a refusal.
    connect(m_stripPrefix, &QCheckBox::toggled, this, [this] {
        m_refused = false;
        updateOkButton();
    });
    updateOkButton();
    m_name->setFocus();
}

QLineEdit* ApiDialog::addLineEdit(const QString& objectName, const QString& placeholder)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

FieldErrorLabel* ApiDialog::addErrorLabel(const QString& objectName, const QString& fieldLabel)
{
    auto* label = new FieldErrorLabel(fieldLabel, this);
    label->setObjectName(objectName);
    return label;
}

void ApiDialog::markTouched(QLineEdit* edit)
{
    if (!m_touched.contains(edit)) {
        m_touched.append(edit);
        updateOkButton();
    }
}

std::optional<ApiSpec> ApiDialog::validate(bool showAll)
{
    bool valid = true;
    const auto check = [&](QLineEdit* edit, FieldErrorLabel* label, const auto& result) {
        if (result) {
            label->clearError();
            return;
        }
        valid = false;
        if (showAll || m_touched.contains(edit))
            label->showError(result.error());
        else
            label->clearError();
    };

    ApiSpec spec;
    spec.name = m_name->text();
    spec.upstream = m_upstream->text();
    spec.prefix = m_prefix->text();
    spec.stripPrefix = m_stripPrefix->isChecked();
    spec.rateLimit = m_rateLimit->text();

    const auto name = validation::name(spec.name);
    check(m_name, m_nameError, name);
    check(m_upstream, m_upstreamError, validation::upstreamUrl(spec.upstream));

    // An empty prefix means "/<name>" (ApiService's rule): show which, once the name is valid.
    const QString defaultPrefix = name ? QString(u'/' + *name) : QString();
    m_prefix->setPlaceholderText(name ? defaultPrefix : tr("/<name>"));
    if (!spec.prefix.isEmpty() || name)
        check(m_prefix, m_prefixError, validation::pathPrefix(spec.prefix.isEmpty() ? defaultPrefix : spec.prefix));
    else
        m_prefixError->clearError();

    Result<qint64> timeout = tokens::parseDurationMs(m_timeout->text(), u"timeout");
    if (timeout && (*timeout < ApiService::kMinTimeoutMs || *timeout > ApiService::kMaxTimeoutMs))
        timeout = Error::invalid(QStringLiteral("timeout"), QStringLiteral("must be between 1s and 1h"));
    check(m_timeout, m_timeoutError, timeout);
    if (timeout)
        spec.timeoutMs = *timeout;

    Result<qint64> maxBody = parseByteSize(m_maxBody->text(), u"max-body");
    if (maxBody && *maxBody > ApiService::kMaxBodyLimit)
        maxBody = Error::invalid(QStringLiteral("max-body"), QStringLiteral("must be between 0 and 4 GiB"));
    check(m_maxBody, m_maxBodyError, maxBody);
    if (maxBody)
        spec.maxBodyBytes = *maxBody;

    check(m_rateLimit, m_rateLimitError, RateLimit::parse(spec.rateLimit, u"rate-limit"));

    if (!valid)
        return std::nullopt;
    return spec;
}

void ApiDialog::updateOkButton()
{
    if (!m_refused)
        m_formError->clearError();
    const bool valid = validate(false).has_value();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid && !m_refused);
}

void ApiDialog::accept()
{
    const auto spec = validate(true);
    if (!spec || m_refused)
        return;
    Result<Api> saved = isEditing() ? m_services.apis.update(m_existing->name, *spec) : m_services.apis.add(*spec);
    if (!saved) {
        showServiceError(saved.error());
        return;
    }
    Q_EMIT this->saved(*saved);
    QDialog::accept();
}

void ApiDialog::showServiceError(const Error& error)
{
    m_refused = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    const QList<std::pair<QString, std::pair<QLineEdit*, FieldErrorLabel*>>> fields {
        {QStringLiteral("name"), {m_name, m_nameError}},
        {QStringLiteral("upstream"), {m_upstream, m_upstreamError}},
        {QStringLiteral("prefix"), {m_prefix, m_prefixError}},
        {QStringLiteral("timeout"), {m_timeout, m_timeoutError}},
        {QStringLiteral("max-body"), {m_maxBody, m_maxBodyError}},
        {QStringLiteral("rate-limit"), {m_rateLimit, m_rateLimitError}},
    };
    // NotFound names the API being edited, which someone else removed: no field can fix that.
    if (error.kind != Error::Kind::NotFound) {
        for (const auto& [field, widgets] : fields) {
            if (field == error.field) {
                widgets.second->showError(error);
                widgets.first->setFocus(Qt::OtherFocusReason);
                return;
            }
        }
    }
    if (error.kind == Error::Kind::NotFound) {
        m_formError->showError(Error::notFound(QString(),
            tr("The API %1 no longer exists: it was removed while you were editing it.")
                .arg(m_existing ? m_existing->name : QString())));
        return;
    }
    m_formError->showError(error);
}

} // namespace gatehouse::ui
