#include "core/ai/NativeUsageReader.h"

#include "tests/support/upstreams/ProviderFixtures.h"

#include <QRandomGenerator>
#include <QTest>

using gatehouse::AiUsage;
using gatehouse::NativeUsageReader;
using gatehouse::UsageShape;
namespace Fixtures = gatehouse::test::ProviderFixtures;

Q_DECLARE_METATYPE(gatehouse::UsageShape)
Q_DECLARE_METATYPE(gatehouse::AiUsage)

namespace {

constexpr qint64 kRequestBytes = 401; // any request size; the estimates below are ceil(401 / 4) = 101 prompt tokens

// Wire samples shaped after each provider's API reference: the examples of OpenAI's Chat Completions, Responses
// and Embeddings references, Anthropic's Messages and streaming pages, Gemini's generateContent and
// streamGenerateContent (with alt=sse, whose events end with CRLF, and without, a JSON array), Ollama's api/chat,
// api/generate and api/embed. Multi-byte characters are in them so that splits fall inside UTF-8 sequences.

const QByteArray openAiChatWhole = "{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion\","
                                   "\"created\":1741569952,\"model\":\"gpt-4.1-2025-04-14\",\"choices\":[{\"index\":0,"
                                   "\"message\":{\"role\":\"assistant\",\"content\":\"Hello! How can I assist you "
                                   "today? \xE2\x9C\x93\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
                                   "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":"
                                   "10,\"total_tokens\":29,\"prompt_tokens_details\":{\"cached_tokens\":0,"
                                   "\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,"
                                   "\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":"
                                   "0}},\"service_tier\":\"default\"}";

QByteArray openAiChunk(const QByteArray& choices, const QByteArray& usage)
{
    return "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":"
           "\"gpt-4o-mini\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":["
        + choices + "]" + (usage.isEmpty() ? QByteArray() : ",\"usage\":" + usage) + "}\n\n";
}

QByteArray openAiChatStream(bool includeUsage)
{
    const QByteArray nullUsage = includeUsage ? "null" : "";
    QByteArray stream
        = openAiChunk("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,"
                      "\"finish_reason\":null}",
              nullUsage)
        + openAiChunk("{\"index\":0,\"delta\":{\"content\":\"H\xC3\xA9llo \xF0\x9F\x91\x8B\"},\"logprobs\":null,"
                      "\"finish_reason\":null}",
            nullUsage)
        + openAiChunk("{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}", nullUsage);
    if (includeUsage)
        stream += openAiChunk("", "{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21}");
    return stream + "data: [DONE]\n\n";
}

const QByteArray responsesWhole = "{\"id\":\"resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b\",\"object\":"
                                  "\"response\",\"created_at\":1741476542,\"status\":\"completed\",\"error\":null,"
                                  "\"incomplete_details\":null,\"instructions\":null,\"max_output_tokens\":null,"
                                  "\"model\":\"gpt-4.1-2025-04-14\",\"output\":[{\"type\":\"message\",\"id\":"
                                  "\"msg_67ccd2bf17f0819081ff3bb2cf6508e6\",\"status\":\"completed\",\"role\":"
                                  "\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"In a peaceful "
                                  "grove beneath a silver moon\xE2\x80\xA6\",\"annotations\":[]}]}],"
                                  "\"parallel_tool_calls\":true,\"previous_response_id\":null,\"reasoning\":{"
                                  "\"effort\":null,\"summary\":null},\"store\":true,\"temperature\":1.0,\"text\":{"
                                  "\"format\":{\"type\":\"text\"}},\"tool_choice\":\"auto\",\"tools\":[],\"top_p\":"
                                  "1.0,\"truncation\":\"disabled\",\"usage\":{\"input_tokens\":36,"
                                  "\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":87,"
                                  "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":123},\"user\":"
                                  "null,\"metadata\":{}}";

QByteArray responsesStream(const QByteArray& endEvent, const QByteArray& status)
{
    const QByteArray head
        = "{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1741290958,\"model\":\"gpt-4.1\"";
    return "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":" + head
        + ",\"status\":\"in_progress\",\"output\":[],\"usage\":null}}\n\n"
          "event: response.in_progress\ndata: {\"type\":\"response.in_progress\",\"sequence_number\":1,\"response\":"
        + head
        + ",\"status\":\"in_progress\",\"output\":[],\"usage\":null}}\n\n"
          "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"sequence_number\":4,"
          "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"Hi \xE2\x98\x80\"}\n\n"
          "event: "
        + endEvent + "\ndata: {\"type\":\"" + endEvent + "\",\"sequence_number\":9,\"response\":" + head
        + ",\"status\":\"" + status
        + "\",\"output\":[{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\","
          "\"content\":[{\"type\":\"output_text\",\"text\":\"Hi \xE2\x98\x80\",\"annotations\":[]}]}],\"usage\":{"
          "\"input_tokens\":37,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":11,"
          "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":48}}}\n\n";
}

const QByteArray embeddingsWhole = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":"
                                   "[0.0023064255,-0.009327292,-0.0028842222]}],\"model\":\"text-embedding-3-small\","
                                   "\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}";

const QByteArray anthropicWhole
    = "{\"id\":\"msg_013Zva2CMHLNnXjNJJKqJ2EF\",\"type\":\"message\",\"role\":"
      "\"assistant\",\"model\":\"claude-sonnet-4-20250514\",\"content\":[{\"type\":\"text\","
      "\"text\":\"Hi! My name is Claude. \xE2\x9C\xA8\"}],\"stop_reason\":\"end_turn\","
      "\"stop_sequence\":null,\"usage\":{\"input_tokens\":2095,"
      "\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":"
      "503}}";

const QByteArray anthropicStreamHead
    = "event: message_start\ndata: "
      "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY\","
      "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-20250514\","
      "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,\"cache_creation_input_tokens\":100,"
      "\"cache_read_input_tokens\":50,\"output_tokens\":1}}}\n\n"
      "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":"
      "\"text\",\"text\":\"\"}}\n\n"
      "event: ping\ndata: {\"type\": \"ping\"}\n\n"
      "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
      "\"text_delta\",\"text\":\"Hello! \xE2\x9C\x93\"}}\n\n";
const QByteArray anthropicStreamTail
    = "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
      "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
      "\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}\n\n"
      "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

const QByteArray geminiWhole = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"1+1 equals 2. \xC2\xB1\"}],"
                               "\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{"
                               "\"promptTokenCount\":15,\"candidatesTokenCount\":6,\"totalTokenCount\":21,"
                               "\"promptTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":15}]},\"modelVersion\":"
                               "\"gemini-2.0-flash\",\"responseId\":\"Il0taoSYJ5Cez7\"}";

// Gemini's chunks, each a whole GenerateContentResponse; the text has brackets, braces and escaped quotes in it, which
// are not structure.
const QList<QByteArray> geminiChunks {
    "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Once [upon] {a} \\\"}]\\\" \"}],\"role\": \"model\"},"
    "\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 8,\"totalTokenCount\": 8},\"modelVersion\": "
    "\"gemini-2.5-flash\"}",
    "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"time \xE2\x8F\xB3\"}],\"role\": \"model\"},\"index\": "
    "0}],\"usageMetadata\": {\"promptTokenCount\": 8,\"candidatesTokenCount\": 3,\"totalTokenCount\": 11},"
    "\"modelVersion\": \"gemini-2.5-flash\"}",
    "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \".\"}],\"role\": \"model\"},\"finishReason\": \"STOP\","
    "\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 8,\"candidatesTokenCount\": 12,\"totalTokenCount\": 45,"
    "\"thoughtsTokenCount\": 25},\"modelVersion\": \"gemini-2.5-flash\"}",
};

QByteArray geminiSse(qsizetype chunks)
{
    QByteArray stream;
    for (qsizetype i = 0; i < chunks; ++i)
        stream += "data: " + geminiChunks[i] + "\r\n\r\n";
    return stream;
}

QByteArray geminiArray()
{
    return "[" + geminiChunks[0] + "\n,\r\n" + geminiChunks[1] + "\n,\r\n" + geminiChunks[2] + "\n]";
}

const QByteArray ollamaChatLines[] {
    "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T08:52:19.385406455-07:00\",\"message\":{\"role\":"
    "\"assistant\",\"content\":\"The\"},\"done\":false}\n",
    "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T08:52:19.385406455-07:00\",\"message\":{\"role\":"
    "\"assistant\",\"content\":\" sky \xE2\x98\x80\"},\"done\":false}\n",
    "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T19:22:45.499127Z\",\"message\":{\"role\":\"assistant\","
    "\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":4883583458,\"load_duration\":1334875,"
    "\"prompt_eval_count\":26,\"prompt_eval_duration\":342546000,\"eval_count\":282,\"eval_duration\":4535599000}\n",
};

QByteArray ollamaChat(int lines)
{
    QByteArray stream;
    for (int i = 0; i < lines; ++i)
        stream += ollamaChatLines[i];
    return stream;
}

const QByteArray ollamaGenerateWhole = "{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T19:22:45.499127Z\","
                                       "\"response\":\"The sky is blue because it is the color of the sky.\","
                                       "\"done\":true,\"context\":[1,2,3],\"total_duration\":5043500667,"
                                       "\"load_duration\":5025959,\"prompt_eval_count\":26,\"prompt_eval_duration\":"
                                       "325953000,\"eval_count\":290,\"eval_duration\":4709213000}";

const QByteArray ollamaEmbed = "{\"model\":\"all-minilm\",\"embeddings\":[[0.010071029,-0.0017594862,0.05007221]],"
                               "\"total_duration\":14143917,\"load_duration\":1019500,\"prompt_eval_count\":8}";

const QByteArray geminiEmbed = "{\"embedding\": {\"values\": [0.013168523, -0.008711934, -0.046782676, 0.06698397]}}";

AiUsage expect(qint64 prompt, qint64 completion)
{
    AiUsage usage;
    usage.promptTokens = prompt;
    usage.completionTokens = completion;
    usage.reported = true;
    return usage;
}

AiUsage estimated(qint64 responseBytes, bool embeddings = false)
{
    return NativeUsageReader::estimate(kRequestBytes, responseBytes, embeddings);
}

AiUsage nothing()
{
    return {};
}

// Feeds `body` cut at the given offsets (ascending), then finish().
AiUsage readInPieces(UsageShape shape, const QByteArray& contentType, const QByteArray& body, QList<qsizetype> cuts)
{
    NativeUsageReader reader(shape, contentType, kRequestBytes);
    qsizetype at = 0;
    cuts.append(body.size());
    for (qsizetype cut : cuts) {
        cut = qBound(at, cut, body.size()); // a cut past a short body is its end
        reader.feed(QByteArrayView(body).sliced(at, cut - at));
        at = cut;
    }
    return reader.finish();
}

bool same(const AiUsage& a, const AiUsage& b)
{
    return a.promptTokens == b.promptTokens && a.completionTokens == b.completionTokens && a.reported == b.reported
        && a.estimated == b.estimated;
}

QByteArray describe(const AiUsage& usage)
{
    return QByteArray::number(usage.promptTokens) + " in, " + QByteArray::number(usage.completionTokens) + " out"
        + (usage.reported ? ", reported" : "") + (usage.estimated ? ", estimated" : "");
}

} // namespace

class TestNativeUsageReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEachProvidersUsageInEverySplit_data()
    {
        QTest::addColumn<UsageShape>("shape");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<AiUsage>("expected");

        const QByteArray json = "application/json";
        const QByteArray sse = "text/event-stream; charset=utf-8";
        const QByteArray ndjson = "application/x-ndjson";

        QTest::newRow("openai chat, whole") << UsageShape::OpenAiChat << json << openAiChatWhole << expect(19, 10);
        QTest::newRow("openai chat, stream with include_usage")
            << UsageShape::OpenAiChat << sse << openAiChatStream(true) << expect(9, 12);
        QTest::newRow("openai chat, stream without usage is estimated")
            << UsageShape::OpenAiChat << sse << openAiChatStream(false) << estimated(openAiChatStream(false).size());
        QByteArray noFinalBlankLine = openAiChatStream(true);
        noFinalBlankLine.chop(QByteArray("data: [DONE]\n\n").size() + 1); // the usage event ends "}\n", no blank line
        QTest::newRow("openai chat, last event without its blank line")
            << UsageShape::OpenAiChat << sse << noFinalBlankLine << expect(9, 12);
        QTest::newRow("openai chat, fixture stream")
            << UsageShape::OpenAiChat << sse << Fixtures::joined(Fixtures::openAiStream(Fixtures::Scenario::Text, true))
            << expect(Fixtures::promptTokens(), Fixtures::completionTokens());
        QTest::newRow("responses, whole") << UsageShape::OpenAiResponses << json << responsesWhole << expect(36, 87);
        QTest::newRow("responses, stream to response.completed")
            << UsageShape::OpenAiResponses << sse << responsesStream("response.completed", "completed")
            << expect(37, 11);
        QTest::newRow("responses, stream to response.incomplete")
            << UsageShape::OpenAiResponses << sse << responsesStream("response.incomplete", "incomplete")
            << expect(37, 11);
        QTest::newRow("responses, stream to response.failed")
            << UsageShape::OpenAiResponses << sse << responsesStream("response.failed", "failed") << expect(37, 11);
        QTest::newRow("embeddings") << UsageShape::OpenAiEmbeddings << json << embeddingsWhole << expect(8, 0);
        QTest::newRow("anthropic, whole") << UsageShape::Anthropic << json << anthropicWhole << expect(2095, 503);
        // input 25 + cache written 100 + cache read 50; message_delta's 15 output tokens replace message_start's 1.
        QTest::newRow("anthropic, stream with cache tokens")
            << UsageShape::Anthropic << sse << anthropicStreamHead + anthropicStreamTail << expect(175, 15);
        QTest::newRow("anthropic, fixture stream")
            << UsageShape::Anthropic << sse << Fixtures::joined(Fixtures::anthropicStream(Fixtures::Scenario::Text))
            << expect(Fixtures::promptTokens(), Fixtures::completionTokens());
        QTest::newRow("gemini, whole") << UsageShape::Gemini << json << geminiWhole << expect(15, 6);
        // candidates 12 + thoughts 25, the last chunk's counts.
        QTest::newRow("gemini, alt=sse stream") << UsageShape::Gemini << sse << geminiSse(3) << expect(8, 37);
        QTest::newRow("gemini, stream as a JSON array") << UsageShape::Gemini << json << geminiArray() << expect(8, 37);
        QTest::newRow("gemini, fixture stream")
            << UsageShape::Gemini << sse << Fixtures::joined(Fixtures::geminiStream(Fixtures::Scenario::Text))
            << expect(Fixtures::promptTokens(), Fixtures::completionTokens());
        QTest::newRow("gemini, embedContent has no usage: prompt estimated, nothing generated")
            << UsageShape::Gemini << json << geminiEmbed << estimated(geminiEmbed.size(), true);
        QTest::newRow("ollama, chat stream") << UsageShape::Ollama << ndjson << ollamaChat(3) << expect(26, 282);
        QTest::newRow("ollama, chat stream as json-seq")
            << UsageShape::Ollama << QByteArray("application/json-seq")
            << QByteArray("\x1e" + ollamaChatLines[0] + "\x1e" + ollamaChatLines[2]) << expect(26, 282);
        QTest::newRow("ollama, generate whole") << UsageShape::Ollama << json << ollamaGenerateWhole << expect(26, 290);
        QTest::newRow("ollama, NDJSON sent as application/json")
            << UsageShape::Ollama << json << ollamaChat(3) << expect(26, 282);
        QTest::newRow("ollama, embed") << UsageShape::Ollama << json << ollamaEmbed << expect(8, 0);
        QTest::newRow("anthropic count_tokens spends nothing")
            << UsageShape::AnthropicCountTokens << json << QByteArray("{\"input_tokens\":14}") << nothing();
        QTest::newRow("gemini countTokens spends nothing")
            << UsageShape::GeminiCountTokens << json << QByteArray("{\"totalTokens\": 31}") << nothing();
        QTest::newRow("a listing spends nothing")
            << UsageShape::None << json << QByteArray("{\"object\":\"list\",\"data\":[]}") << nothing();
    }
    void readsEachProvidersUsageInEverySplit()
    {
        QFETCH(UsageShape, shape);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(AiUsage, expected);

        // Returns what went wrong, if anything, so that a failure names the split.
        const auto check = [&](const QList<qsizetype>& cuts, const QString& how) {
            const AiUsage usage = readInPieces(shape, contentType, body, cuts);
            if (same(usage, expected))
                return QString();
            return QStringLiteral("%1: got %2, expected %3")
                .arg(how, QLatin1String(describe(usage)), QLatin1String(describe(expected)));
        };
        QString failure = check({}, QStringLiteral("whole"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // Two pieces, cut at every byte boundary: mid-line, mid-UTF-8, between CR and LF.
        for (qsizetype cut = 1; cut < body.size() && failure.isEmpty(); ++cut)
            failure = check({cut}, QStringLiteral("cut at %1").arg(cut));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QList<qsizetype> everyByte;
        for (qsizetype cut = 1; cut < body.size(); ++cut)
            everyByte.append(cut);
        failure = check(everyByte, QStringLiteral("byte by byte"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        for (quint32 seed = 1; seed <= 20 && failure.isEmpty(); ++seed) {
            QRandomGenerator random(seed);
            QList<qsizetype> cuts;
            for (qsizetype at = random.bounded(1, 40); at < body.size(); at += random.bounded(1, 40))
                cuts.append(at);
            failure = check(cuts, QStringLiteral("random pieces, seed %1").arg(seed));
        }
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void estimatesAboutFourBytesAToken()
    {
        const AiUsage zero = NativeUsageReader::estimate(0, 0, false);
        QCOMPARE(zero.promptTokens, 0);
        QCOMPARE(zero.completionTokens, 0);
        QVERIFY(zero.estimated);
        QVERIFY(!zero.reported);
        const AiUsage rounded = NativeUsageReader::estimate(1, 9, false);
        QCOMPARE(rounded.promptTokens, 1); // rounded up: a byte is spent
        QCOMPARE(rounded.completionTokens, 3);
        const AiUsage exact = NativeUsageReader::estimate(6000, 16000, false);
        QCOMPARE(exact.promptTokens, 1500);
        QCOMPARE(exact.completionTokens, 4000);
        QCOMPARE(NativeUsageReader::estimate(6000, 16000, true).completionTokens, 0);
    }

    void aStreamWithoutUsageIsCountedFromItsSizeNotAsFree()
    {
        // The budget bug: a streamed OpenAI call without stream_options.include_usage debited nothing.
        const QByteArray stream = openAiChatStream(false);
        NativeUsageReader reader(UsageShape::OpenAiChat, "text/event-stream", 6000);
        reader.feed(stream);
        const AiUsage usage = reader.finish();
        QVERIFY(usage.estimated);
        QVERIFY(!usage.reported);
        QCOMPARE(usage.promptTokens, 1500);
        QCOMPARE(usage.completionTokens, (stream.size() + 3) / 4);
        QVERIFY(usage.totalTokens() > 0);
        QCOMPARE(reader.responseBodyBytes(), stream.size());
    }

    void aCutOffStreamGivesWhatWasRead_data()
    {
        QTest::addColumn<UsageShape>("shape");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("readBeforeTheCut");
        QTest::addColumn<AiUsage>("expected");
        QTest::newRow("anthropic after message_start")
            << UsageShape::Anthropic << QByteArray("text/event-stream") << anthropicStreamHead << expect(175, 1);
        QTest::newRow("gemini after two chunks and part of the third")
            << UsageShape::Gemini << QByteArray("text/event-stream") << geminiSse(3).first(geminiSse(2).size() + 100)
            << expect(8, 3);
        const QByteArray arrayCut = geminiArray().first(geminiArray().size() - 30);
        QTest::newRow("gemini array in its last element")
            << UsageShape::Gemini << QByteArray("application/json") << arrayCut << expect(8, 3);
        const QByteArray openAiCut = openAiChatStream(true).first(openAiChatStream(true).size() - 30);
        QTest::newRow("openai before the usage chunk ended is estimated")
            << UsageShape::OpenAiChat << QByteArray("text/event-stream") << openAiCut << estimated(openAiCut.size());
        const QByteArray ollamaCut = ollamaChat(3).first(ollamaChat(3).size() - 1); // the done line lacks its LF
        QTest::newRow("ollama's last line without its end is not read")
            << UsageShape::Ollama << QByteArray("application/x-ndjson") << ollamaCut << estimated(ollamaCut.size());
        const QByteArray wholeCut = anthropicWhole.first(anthropicWhole.size() - 1);
        QTest::newRow("a whole answer cut short is estimated")
            << UsageShape::Anthropic << QByteArray("application/json") << wholeCut << estimated(wholeCut.size());
    }
    void aCutOffStreamGivesWhatWasRead()
    {
        QFETCH(UsageShape, shape);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, readBeforeTheCut);
        QFETCH(AiUsage, expected);
        NativeUsageReader reader(shape, contentType, kRequestBytes);
        for (qsizetype at = 0; at < readBeforeTheCut.size(); at += 7)
            reader.feed(QByteArrayView(readBeforeTheCut).sliced(at, qMin<qsizetype>(7, readBeforeTheCut.size() - at)));
        const AiUsage usage = reader.failed();
        QVERIFY2(same(usage, expected), describe(usage).constData());
        // Once ended, the answer stays what it was.
        reader.feed(anthropicStreamTail);
        QVERIFY(same(reader.finish(), expected));
    }

    void garbageIsEstimatedNeverFatal_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("sse of broken json")
            << QByteArray("text/event-stream") << QByteArray("data: {\"usage\":{\"prompt_tokens\":\n\ndata: usage\n\n");
        QTest::newRow("ndjson of broken json")
            << QByteArray("application/x-ndjson") << QByteArray("{\"usage\": [}\n\"usage\"\n\x1e\x1e\n");
        QTest::newRow("not json") << QByteArray("application/json") << QByteArray("<html>usage</html>");
        QTest::newRow("unbalanced array")
            << QByteArray("application/json") << QByteArray("[{\"usage\":}]]]]}}}[[[{\"a\":\"\\\"");
        QByteArray random(4096, '\0');
        QRandomGenerator random32(7);
        for (char& c : random)
            c = char(random32.bounded(256));
        QTest::newRow("random bytes as sse") << QByteArray("text/event-stream") << random;
        QTest::newRow("random bytes as ndjson") << QByteArray("application/x-ndjson") << random;
        QTest::newRow("random bytes as json") << QByteArray("application/json") << random;
    }
    void garbageIsEstimatedNeverFatal()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        for (UsageShape shape : {UsageShape::OpenAiChat, UsageShape::OpenAiResponses, UsageShape::Anthropic,
                 UsageShape::Gemini, UsageShape::Ollama}) {
            const AiUsage usage = readInPieces(shape, contentType, body, {1, 5, 33});
            QVERIFY2(same(usage, estimated(body.size())), describe(usage).constData());
        }
    }

    void hostileCountsAreClamped()
    {
        const QByteArray body = "{\"usage\":{\"prompt_tokens\":-5,\"completion_tokens\":1e300}}";
        const AiUsage usage = readInPieces(UsageShape::OpenAiChat, "application/json", body, {});
        QVERIFY(usage.reported);
        QCOMPARE(usage.promptTokens, 0);
        QCOMPARE(usage.completionTokens, qint64(1e15));
        const AiUsage strings = readInPieces(UsageShape::Gemini, "application/json",
            "{\"usageMetadata\":{\"promptTokenCount\":\"12\",\"candidatesTokenCount\":null}}", {});
        QVERIFY(strings.reported);
        QCOMPARE(strings.totalTokens(), 0);
    }

    void anOversizeEventIsSkippedAndTheStreamReadOn()
    {
        // An event past the cap (one huge data line) is dropped, not held; the events after it are still read.
        const QByteArray huge = "data: {\"x\":\"" + QByteArray(NativeUsageReader::kMaxEventBytes + 10, 'a') + "\"}\n\n";
        const QByteArray stream = openAiChatStream(false) + huge + openAiChatStream(true);
        QVERIFY(same(
            readInPieces(UsageShape::OpenAiChat, "text/event-stream", stream, {100, 5000, 600000}), expect(9, 12)));
        // Many data lines of one event count together; the usage hidden in that event is not read.
        QByteArray lines;
        while (lines.size() <= NativeUsageReader::kMaxEventBytes)
            lines += "data: 0123456789abcdef\r\n";
        const QByteArray manyLines = "data: {\"usage\":{\"prompt_tokens\":1}}\r\n" + lines + "\r\n";
        QVERIFY(same(readInPieces(UsageShape::OpenAiChat, "text/event-stream", manyLines + openAiChatStream(true), {}),
            expect(9, 12)));
        QVERIFY(same(
            readInPieces(UsageShape::OpenAiChat, "text/event-stream", manyLines, {}), estimated(manyLines.size())));
    }

    void anOversizeLineIsSkipped()
    {
        const QByteArray huge = "{\"done\":false,\"message\":{\"content\":\""
            + QByteArray(NativeUsageReader::kMaxEventBytes, 'b') + "\"}}\n";
        const QByteArray stream = ollamaChatLines[0] + huge + ollamaChatLines[2];
        QVERIFY(
            same(readInPieces(UsageShape::Ollama, "application/x-ndjson", stream, {10, 200, 700000}), expect(26, 282)));
        const QByteArray element = "[" + geminiChunks[0] + ",{\"text\":\""
            + QByteArray(NativeUsageReader::kMaxEventBytes, 'c') + "\"}," + geminiChunks[2] + "]";
        QVERIFY(same(readInPieces(UsageShape::Gemini, "application/json", element, {300}), expect(8, 37)));
    }

    void aDocumentBeyondTheCapIsEstimated()
    {
        const QByteArray padding(NativeUsageReader::kMaxDocumentBytes, ' ');
        const QByteArray tooLarge = anthropicWhole.first(anthropicWhole.size() - 1) + padding + "}";
        QVERIFY(same(
            readInPieces(UsageShape::Anthropic, "application/json", tooLarge, {1000}), estimated(tooLarge.size())));
        // A large embedding answer is still told apart: its vectors were not generated.
        const QByteArray largeEmbedding = geminiEmbed.first(geminiEmbed.size() - 1) + padding + "}";
        QVERIFY(same(readInPieces(UsageShape::Gemini, "application/json", largeEmbedding, {1000}),
            estimated(largeEmbedding.size(), true)));
    }
};

QTEST_GUILESS_MAIN(TestNativeUsageReader)
#include "TestNativeUsageReader.moc"
