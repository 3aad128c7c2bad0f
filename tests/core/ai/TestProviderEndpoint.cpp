#include "core/ai/ProviderEndpoint.h"

#include <QTest>

using namespace gatehouse;

namespace {

using Kind = ProviderEndpoint::Kind;
using Source = ProviderEndpoint::ModelSource;

struct Expect
{
    Kind kind;
    Source source = Source::None;
    UsageShape usage = UsageShape::None;
    QString pathModel = {};
    bool streaming = false;
};

const QString kOpenAi = QStringLiteral("openai");
const QString kCompatible = QStringLiteral("openai-compatible");
const QString kMistral = QStringLiteral("mistral");
const QString kAnthropic = QStringLiteral("anthropic");
const QString kGemini = QStringLiteral("gemini");
const QString kOllama = QStringLiteral("ollama");

void row(const char* name, const QString& type, const char* method, const char* path, const Expect& e)
{
    QTest::newRow(name) << type << QByteArray(method) << QByteArray(path) << int(e.kind) << int(e.source)
                        << int(e.usage) << e.pathModel << e.streaming;
}

const Expect kAdmin {Kind::Admin};
const Expect kUnknown {Kind::Unknown};
const Expect kList {Kind::Listing};

Expect body(UsageShape usage)
{
    return {Kind::Inference, Source::Body, usage};
}

Expect listed(const char* model)
{
    return {Kind::Listing, Source::Path, UsageShape::None, QString::fromUtf8(model)};
}

Expect gemini(const char* model, UsageShape usage = UsageShape::Gemini, bool streaming = false)
{
    return {Kind::Inference, Source::Path, usage, QString::fromUtf8(model), streaming};
}

} // namespace

class TestProviderEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifies_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("source");
        QTest::addColumn<int>("usage");
        QTest::addColumn<QString>("pathModel");
        QTest::addColumn<bool>("streaming");

        // OpenAI: inference and listing, with or without the version the base URL may carry.
        row("openai chat", kOpenAi, "POST", "/v1/chat/completions", body(UsageShape::OpenAiChat));
        row("openai chat, no version", kOpenAi, "POST", "/chat/completions", body(UsageShape::OpenAiChat));
        row("openai chat, trailing slash", kOpenAi, "POST", "/v1/chat/completions/", body(UsageShape::OpenAiChat));
        row("openai completions", kOpenAi, "POST", "/v1/completions", body(UsageShape::OpenAiChat));
        row("openai responses", kOpenAi, "POST", "/v1/responses", body(UsageShape::OpenAiResponses));
        row("openai embeddings", kOpenAi, "POST", "/embeddings", body(UsageShape::OpenAiEmbeddings));
        row("openai models", kOpenAi, "GET", "/v1/models", kList);
        row("openai models, HEAD", kOpenAi, "HEAD", "/v1/models", kList);
        row("openai models, trailing slash", kOpenAi, "GET", "/v1/models/", kList);
        row("openai model", kOpenAi, "GET", "/v1/models/gpt-4o", listed("gpt-4o"));
        row("openai fine-tuned model", kOpenAi, "GET", "/v1/models/ft:gpt-4o:org::abc", listed("ft:gpt-4o:org::abc"));
        row("compatible model with slash", kCompatible, "GET", "/v1/models/meta-llama/Llama-3-8B",
            listed("meta-llama/Llama-3-8B"));
        // OpenAI: the management around the inference paths.
        row("openai stored completions", kOpenAi, "GET", "/v1/chat/completions", kAdmin);
        row("openai stored completion", kOpenAi, "GET", "/v1/chat/completions/chatcmpl-1", kAdmin);
        row("openai update stored completion", kOpenAi, "POST", "/v1/chat/completions/chatcmpl-1", kAdmin);
        row("openai delete stored completion", kOpenAi, "DELETE", "/v1/chat/completions/chatcmpl-1", kAdmin);
        row("openai stored messages", kOpenAi, "GET", "/v1/chat/completions/chatcmpl-1/messages", kAdmin);
        row("openai get response", kOpenAi, "GET", "/v1/responses/resp_1", kAdmin);
        row("openai delete response", kOpenAi, "DELETE", "/v1/responses/resp_1", kAdmin);
        row("openai cancel response", kOpenAi, "POST", "/v1/responses/resp_1/cancel", kAdmin);
        row("openai response input items", kOpenAi, "GET", "/v1/responses/resp_1/input_items", kAdmin);
        row("openai delete model", kOpenAi, "DELETE", "/v1/models/ft-x", kAdmin);
        row("openai delete model with slash", kCompatible, "DELETE", "/v1/models/org/ft-x", kAdmin);
        // OpenAI: the rest of its API.
        row("openai delete file", kOpenAi, "DELETE", "/v1/files/file-x", kAdmin);
        row("openai files", kOpenAi, "GET", "/v1/files", kAdmin);
        row("openai upload file", kOpenAi, "POST", "/files", kAdmin);
        row("openai files/models attack", kOpenAi, "POST", "/v1/files/models/cheap", kAdmin);
        row("openai fine-tuning", kOpenAi, "POST", "/v1/fine_tuning/jobs", kAdmin);
        row("openai fine-tuning cancel", kOpenAi, "POST", "/v1/fine_tuning/jobs/ftjob-1/cancel", kAdmin);
        row("openai batches", kOpenAi, "POST", "/v1/batches", kAdmin);
        row("openai assistants", kOpenAi, "POST", "/v1/assistants", kAdmin);
        row("openai threads", kOpenAi, "POST", "/v1/threads/t1/runs", kAdmin);
        row("openai vector stores", kOpenAi, "DELETE", "/v1/vector_stores/vs_1", kAdmin);
        row("openai uploads", kOpenAi, "POST", "/v1/uploads", kAdmin);
        row("openai images", kOpenAi, "POST", "/v1/images/generations", kAdmin);
        row("openai audio", kOpenAi, "POST", "/v1/audio/speech", kAdmin);
        row("openai moderations", kOpenAi, "POST", "/v1/moderations", kAdmin);
        row("openai realtime", kOpenAi, "POST", "/v1/realtime/sessions", kAdmin);
        row("openai organization", kOpenAi, "GET", "/v1/organization/usage/completions", kAdmin);
        row("openai evals", kOpenAi, "POST", "/v1/evals", kAdmin);
        row("openai containers", kOpenAi, "POST", "/v1/containers", kAdmin);
        row("compatible files", kCompatible, "DELETE", "/v1/files/file-x", kAdmin);
        // OpenAI: wrong methods and paths it does not have.
        row("openai PUT chat", kOpenAi, "PUT", "/v1/chat/completions", kUnknown);
        row("openai GET completions", kOpenAi, "GET", "/v1/completions", kUnknown);
        row("openai GET embeddings", kOpenAi, "GET", "/v1/embeddings", kUnknown);
        row("openai POST models", kOpenAi, "POST", "/v1/models", kUnknown);
        row("openai POST model", kOpenAi, "POST", "/v1/models/gpt-4o", kUnknown);
        row("openai lower-case post", kOpenAi, "post", "/v1/chat/completions", kUnknown);
        row("openai lower-case get models", kOpenAi, "get", "/v1/models", kUnknown);
        row("openai lower-case delete file", kOpenAi, "delete", "/v1/files/file-x", kAdmin);
        row("openai nonsense", kOpenAi, "POST", "/v1/nonsense", kUnknown);
        row("openai chat alone", kOpenAi, "POST", "/v1/chat", kUnknown);
        row("openai version alone", kOpenAi, "GET", "/v1", kUnknown);
        row("openai root", kOpenAi, "GET", "/", kUnknown);
        row("openai empty", kOpenAi, "POST", "", kUnknown);
        row("openai no leading slash", kOpenAi, "POST", "v1/chat/completions", kUnknown);
        row("openai two versions", kOpenAi, "POST", "/v1/v1/chat/completions", kUnknown);
        row("openai two trailing slashes", kOpenAi, "POST", "/v1/chat/completions//", kUnknown);
        row("openai empty segment", kOpenAi, "POST", "/v1//chat/completions", kUnknown);
        row("openai dot segment", kOpenAi, "POST", "/v1/./chat/completions", kUnknown);
        row("openai dot-dot out of files", kOpenAi, "POST", "/v1/files/../chat/completions", kUnknown);
        row("openai encoded slash", kOpenAi, "POST", "/v1/chat%2Fcompletions", kUnknown);
        row("openai encoded dots", kOpenAi, "POST", "/v1/files/%2e%2e/chat/completions", kUnknown);
        row("openai encoded model", kOpenAi, "GET", "/v1/models/gpt%2D4o", kUnknown);
        row("openai upper-case path", kOpenAi, "POST", "/v1/Chat/Completions", kUnknown);
        row("openai non-ASCII", kOpenAi, "POST", "/v1/chat/completions\xC3\xA9", kUnknown);
        row("openai control byte", kOpenAi, "POST", "/v1/chat/completions\r\n", kUnknown);
        row("openai model with quote", kOpenAi, "GET", "/v1/models/a\"b", kUnknown);
        row("openai model with backslash", kOpenAi, "GET", "/v1/models/a\\b", kUnknown);
        row("openai ollama api is not openai's", kOpenAi, "POST", "/api/chat", kUnknown);

        // Mistral.
        row("mistral chat", kMistral, "POST", "/v1/chat/completions", body(UsageShape::OpenAiChat));
        row("mistral fim", kMistral, "POST", "/v1/fim/completions", body(UsageShape::OpenAiChat));
        row("mistral embeddings", kMistral, "POST", "/v1/embeddings", body(UsageShape::OpenAiEmbeddings));
        row("mistral models", kMistral, "GET", "/v1/models", kList);
        row("mistral model", kMistral, "GET", "/v1/models/mistral-large-latest", listed("mistral-large-latest"));
        row("mistral delete model", kMistral, "DELETE", "/v1/models/ft:x", kAdmin);
        row("mistral agents completions", kMistral, "POST", "/v1/agents/completions", kAdmin);
        row("mistral files", kMistral, "POST", "/v1/files", kAdmin);
        row("mistral fine-tuning", kMistral, "POST", "/v1/fine_tuning/jobs", kAdmin);
        row("mistral batch", kMistral, "POST", "/v1/batch/jobs", kAdmin);
        row("mistral ocr", kMistral, "POST", "/v1/ocr", kAdmin);
        row("mistral chat moderations", kMistral, "POST", "/v1/chat/moderations", kAdmin);
        row("mistral GET chat", kMistral, "GET", "/v1/chat/completions", kUnknown);
        row("mistral responses", kMistral, "POST", "/v1/responses", kUnknown);

        // Anthropic.
        row("anthropic messages", kAnthropic, "POST", "/v1/messages", body(UsageShape::Anthropic));
        row("anthropic count tokens", kAnthropic, "POST", "/v1/messages/count_tokens",
            body(UsageShape::AnthropicCountTokens));
        row("anthropic models", kAnthropic, "GET", "/v1/models", kList);
        row("anthropic model", kAnthropic, "GET", "/v1/models/claude-3-5-haiku-latest",
            listed("claude-3-5-haiku-latest"));
        row("anthropic batches", kAnthropic, "POST", "/v1/messages/batches", kAdmin);
        row("anthropic batch results", kAnthropic, "GET", "/v1/messages/batches/b1/results", kAdmin);
        row("anthropic files", kAnthropic, "DELETE", "/v1/files/file_1", kAdmin);
        row("anthropic organizations", kAnthropic, "GET", "/v1/organizations/users", kAdmin);
        row("anthropic complete", kAnthropic, "POST", "/v1/complete", kAdmin);
        row("anthropic GET messages", kAnthropic, "GET", "/v1/messages", kUnknown);
        row("anthropic delete model", kAnthropic, "DELETE", "/v1/models/claude", kUnknown);
        row("anthropic chat completions", kAnthropic, "POST", "/v1/chat/completions", kUnknown);

        // Gemini: the model only at models/{model}:method.
        row("gemini generate", kGemini, "POST", "/v1beta/models/gemini-2.0-flash:generateContent",
            gemini("gemini-2.0-flash"));
        row("gemini generate, v1", kGemini, "POST", "/v1/models/x:generateContent", gemini("x"));
        row("gemini generate, no version", kGemini, "POST", "/models/x:generateContent", gemini("x"));
        row("gemini stream", kGemini, "POST", "/v1beta/models/gemini-pro:streamGenerateContent",
            gemini("gemini-pro", UsageShape::Gemini, true));
        row("gemini count", kGemini, "POST", "/v1alpha/models/x:countTokens",
            gemini("x", UsageShape::GeminiCountTokens));
        row("gemini embed", kGemini, "POST", "/v1beta/models/text-embedding-004:embedContent",
            gemini("text-embedding-004"));
        row("gemini models", kGemini, "GET", "/v1beta/models", kList);
        row("gemini model", kGemini, "GET", "/v1beta/models/gemini-pro", listed("gemini-pro"));
        row("gemini batch embed", kGemini, "POST", "/v1beta/models/x:batchEmbedContents", kAdmin);
        row("gemini batch generate", kGemini, "POST", "/v1beta/models/x:batchGenerateContent", kAdmin);
        row("gemini predict", kGemini, "POST", "/v1beta/models/imagen:predict", kAdmin);
        row("gemini model operations", kGemini, "GET", "/v1beta/models/x/operations/op1", kAdmin);
        row("gemini tuned model generate", kGemini, "POST", "/v1beta/tunedModels/x:generateContent", kAdmin);
        row("gemini tuned models", kGemini, "POST", "/v1beta/tunedModels", kAdmin);
        row("gemini files", kGemini, "DELETE", "/v1beta/files/abc", kAdmin);
        row("gemini upload", kGemini, "POST", "/upload/v1beta/files", kAdmin);
        row("gemini cached contents", kGemini, "POST", "/v1beta/cachedContents", kAdmin);
        row("gemini corpora", kGemini, "POST", "/v1beta/corpora", kAdmin);
        row("gemini batches", kGemini, "GET", "/v1beta/batches/b1", kAdmin);
        row("gemini operations", kGemini, "GET", "/v1beta/operations", kAdmin);
        row("gemini GET generate", kGemini, "GET", "/v1beta/models/x:generateContent", kUnknown);
        row("gemini unknown method", kGemini, "POST", "/v1beta/models/x:doSomething", kUnknown);
        row("gemini empty model", kGemini, "POST", "/v1beta/models/:generateContent", kUnknown);
        row("gemini two colons", kGemini, "POST", "/v1beta/models/x:generateContent:y", kUnknown);
        row("gemini model in a deeper path", kGemini, "POST", "/v1beta/models/a/b:generateContent", kUnknown);
        row("gemini no method", kGemini, "POST", "/v1beta/models/x", kUnknown);
        row("gemini files/models attack", kGemini, "POST", "/v1beta/files/models/x:generateContent", kAdmin);
        row("gemini encoded model", kGemini, "POST", "/v1beta/models/gem%69ni:generateContent", kUnknown);
        row("gemini chat completions", kGemini, "POST", "/v1beta/chat/completions", kUnknown);
        row("gemini openai chat", kGemini, "POST", "/v1beta/openai/chat/completions", body(UsageShape::OpenAiChat));
        row("gemini openai models", kGemini, "GET", "/v1beta/openai/models", kList);
        row("gemini openai files", kGemini, "POST", "/v1beta/openai/files", kAdmin);
        row("gemini openai alone", kGemini, "GET", "/v1beta/openai", kUnknown);

        // Ollama: its own API and its OpenAI-compatible one.
        row("ollama chat", kOllama, "POST", "/api/chat", body(UsageShape::Ollama));
        row("ollama generate", kOllama, "POST", "/api/generate", body(UsageShape::Ollama));
        row("ollama embed", kOllama, "POST", "/api/embed", body(UsageShape::Ollama));
        row("ollama legacy embeddings", kOllama, "POST", "/api/embeddings", body(UsageShape::None));
        row("ollama tags", kOllama, "GET", "/api/tags", kList);
        row("ollama show", kOllama, "POST", "/api/show", {Kind::Listing, Source::Body});
        row("ollama version", kOllama, "GET", "/api/version", kList);
        row("ollama openai chat", kOllama, "POST", "/v1/chat/completions", body(UsageShape::OpenAiChat));
        row("ollama openai embeddings", kOllama, "POST", "/v1/embeddings", body(UsageShape::OpenAiEmbeddings));
        row("ollama openai models", kOllama, "GET", "/v1/models", kList);
        row("ollama openai model", kOllama, "GET", "/v1/models/llama3:8b", listed("llama3:8b"));
        row("ollama delete", kOllama, "DELETE", "/api/delete", kAdmin);
        row("ollama create", kOllama, "POST", "/api/create", kAdmin);
        row("ollama pull", kOllama, "POST", "/api/pull", kAdmin);
        row("ollama push", kOllama, "POST", "/api/push", kAdmin);
        row("ollama copy", kOllama, "POST", "/api/copy", kAdmin);
        row("ollama blobs", kOllama, "HEAD", "/api/blobs/sha256:abc", kAdmin);
        row("ollama ps", kOllama, "GET", "/api/ps", kAdmin);
        row("ollama GET chat", kOllama, "GET", "/api/chat", kUnknown);
        row("ollama POST tags", kOllama, "POST", "/api/tags", kUnknown);
        row("ollama trailing slash", kOllama, "POST", "/api/chat/", body(UsageShape::Ollama));
        row("ollama api alone", kOllama, "GET", "/api", kUnknown);
        row("ollama nonsense", kOllama, "POST", "/api/nonsense", kUnknown);

        // A provider type without a table.
        row("unknown type", QStringLiteral("cohere"), "POST", "/v1/chat/completions", kUnknown);
        row("type is case-sensitive", QStringLiteral("OpenAI"), "POST", "/v1/chat/completions", kUnknown);
    }

    void classifies()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(int, kind);
        QFETCH(int, source);
        QFETCH(int, usage);
        QFETCH(QString, pathModel);
        QFETCH(bool, streaming);
        const ProviderEndpoint endpoint = ProviderEndpoint::classify(type, method, path);
        QCOMPARE(int(endpoint.kind), kind);
        QCOMPARE(int(endpoint.modelSource), source);
        QCOMPARE(int(endpoint.usage), usage);
        QCOMPARE(endpoint.pathModel, pathModel);
        QCOMPARE(endpoint.streamingByPath, streaming);
    }

    // Every model a path hands out is one that modelNameError() accepts.
    void pathModelsAreSafe()
    {
        const QByteArray longModel(257, 'm');
        QCOMPARE(ProviderEndpoint::classify(
                     u"gemini", "POST", QByteArray("/v1beta/models/" + longModel + ":generateContent"))
                     .kind,
            Kind::Unknown);
        QCOMPARE(
            ProviderEndpoint::classify(u"openai", "GET", QByteArray("/v1/models/" + longModel)).kind, Kind::Unknown);
        const QByteArray longest(256, 'm');
        const ProviderEndpoint fits = ProviderEndpoint::classify(
            u"gemini", "POST", QByteArray("/v1beta/models/" + longest + ":generateContent"));
        QCOMPARE(fits.kind, Kind::Inference);
        QCOMPARE(fits.pathModel, QString::fromLatin1(longest));
    }

    void modelNameError_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << QStringLiteral("gpt-4o") << true;
        QTest::newRow("tag and slash") << QStringLiteral("library/llama3:8b@q4") << true;
        QTest::newRow("fine-tuned") << QStringLiteral("ft:gpt-4o:org::abc") << true;
        QTest::newRow("unicode") << QStringLiteral("modèle") << true;
        QTest::newRow("256") << QString(256, u'm') << true;
        QTest::newRow("257") << QString(257, u'm') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("header injection") << QStringLiteral("x\r\nX-Injected: yes") << false;
        QTest::newRow("LF") << QStringLiteral("x\ny") << false;
        QTest::newRow("CR") << QStringLiteral("x\ry") << false;
        QTest::newRow("NUL") << QString(QStringLiteral("x") + QChar(0) + QStringLiteral("y")) << false;
        QTest::newRow("TAB") << QStringLiteral("x\ty") << false;
        QTest::newRow("0x1F") << QString(QStringLiteral("x") + QChar(0x1F)) << false;
        QTest::newRow("DEL") << QString(QStringLiteral("x") + QChar(0x7F)) << false;
        QTest::newRow("quote") << QStringLiteral("x\"y") << false;
        QTest::newRow("backslash") << QStringLiteral("x\\y") << false;
    }

    void modelNameError()
    {
        QFETCH(QString, model);
        QFETCH(bool, ok);
        const QString why = ProviderEndpoint::modelNameError(model);
        QCOMPARE(why.isEmpty(), ok);
        if (!ok)
            QVERIFY(!why.contains(QLatin1Char('\n'))); // a reason fit for one line of an error answer
    }

    void bodyModel_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("model"); // empty: refused
        QTest::addColumn<QString>("reason"); // a fragment of the refusal
        QTest::newRow("plain") << QByteArray("{\"model\":\"gpt-4o\",\"messages\":[]}") << QStringLiteral("gpt-4o")
                               << QString();
        QTest::newRow("spaces, later member") << QByteArray(" {\n \"stream\" : true ,\t\"model\" : \"llama3:8b\" }\n")
                                              << QStringLiteral("llama3:8b") << QString();
        QTest::newRow("nested models ignored") << QByteArray(
            "{\"tools\":[{\"model\":\"x\",\"Model\":\"y\"}],\"meta\":{\"model\":\"z\"},\"model\":\"cheap\"}")
                                               << QStringLiteral("cheap") << QString();
        QTest::newRow("escaped value") << QByteArray("{\"model\":\"gpt\\u002D4o\"}") << QStringLiteral("gpt-4o")
                                       << QString();
        QTest::newRow("string holding braces")
            << QByteArray("{\"prompt\":\"} \\\"model\\\": {\",\"model\":\"m\"}") << QStringLiteral("m") << QString();
        QTest::newRow("not JSON") << QByteArray("model=gpt-4o") << QString() << QStringLiteral("not a JSON object");
        QTest::newRow("empty") << QByteArray() << QString() << QStringLiteral("not a JSON object");
        QTest::newRow("array") << QByteArray("[{\"model\":\"x\"}]") << QString() << QStringLiteral("not a JSON object");
        QTest::newRow("trailing garbage")
            << QByteArray("{\"model\":\"x\"} {\"model\":\"y\"}") << QString() << QStringLiteral("not a JSON object");
        QTest::newRow("missing") << QByteArray("{\"messages\":[]}") << QString() << QStringLiteral("no \"model\"");
        QTest::newRow("number") << QByteArray("{\"model\":4}") << QString() << QStringLiteral("not a string");
        QTest::newRow("null") << QByteArray("{\"model\":null}") << QString() << QStringLiteral("not a string");
        QTest::newRow("object") << QByteArray("{\"model\":{\"name\":\"x\"}}") << QString()
                                << QStringLiteral("not a string");
        QTest::newRow("empty string") << QByteArray("{\"model\":\"\"}") << QString() << QStringLiteral("empty");
        QTest::newRow("header injection")
            << QByteArray("{\"model\":\"x\\r\\nX-Injected: yes\"}") << QString() << QStringLiteral("control character");
        QTest::newRow("NUL") << QByteArray("{\"model\":\"x\\u0000y\"}") << QString()
                             << QStringLiteral("control character");
        QTest::newRow("quote") << QByteArray("{\"model\":\"x\\\"y\"}") << QString() << QStringLiteral("'\"'");
        QTest::newRow("duplicate") << QByteArray("{\"model\":\"cheap\",\"model\":\"expensive\"}") << QString()
                                   << QStringLiteral("once");
        QTest::newRow("duplicate, escaped name")
            << QByteArray("{\"model\":\"cheap\",\"mod\\u0065l\":\"expensive\"}") << QString() << QStringLiteral("once");
        QTest::newRow("Go's case-insensitive match")
            << QByteArray("{\"model\":\"cheap\",\"MODEL\":\"expensive\"}") << QString() << QStringLiteral("once");
        QTest::newRow("only a cased one")
            << QByteArray("{\"Model\":\"cheap\"}") << QString() << QStringLiteral("as \"model\"");
    }

    void bodyModel()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, model);
        QFETCH(QString, reason);
        const Result<QString> result = ProviderEndpoint::bodyModel(body);
        if (!model.isEmpty()) {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
            QCOMPARE(*result, model);
            return;
        }
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::InvalidInput);
        QCOMPARE(result.error().field, QStringLiteral("model"));
        QVERIFY2(result.error().message.contains(reason), qPrintable(result.error().message));
    }
};

QTEST_GUILESS_MAIN(TestProviderEndpoint)
#include "TestProviderEndpoint.moc"
