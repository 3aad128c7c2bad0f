// The official OpenAI SDK's chat.completions.create against Gatehouse's OpenAI-compatible /ai/v1, whole or streamed.
// Prints {ok, id, model, text, pieces, finishReason, toolCalls, usage, chunks} or {ok: false, error}.
import OpenAI from 'openai';
import { httpAgent, options, report } from './common.mjs';

const args = options();
// Everything explicit, so that no OPENAI_* variable of the environment can send the SDK elsewhere; no retries, so a
// refusal fails at once.
const client = new OpenAI({
  apiKey: args.token,
  baseURL: args['base-url'],
  organization: null,
  project: null,
  maxRetries: 0,
  timeout: 15_000,
  httpAgent: httpAgent(),
});

const request = {
  model: args.model,
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Say hello.' },
  ],
};
if (args.tool) {
  request.tools = [
    {
      type: 'function',
      function: {
        name: args.tool,
        description: 'The current weather in a given location',
        parameters: {
          type: 'object',
          properties: { location: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
          required: ['location'],
        },
      },
    },
  ];
}

async function whole() {
  const completion = await client.chat.completions.create(request);
  const choice = completion.choices[0];
  return {
    id: completion.id,
    object: completion.object,
    model: completion.model,
    text: choice.message.content ?? '',
    pieces: [],
    finishReason: choice.finish_reason,
    toolCalls: (choice.message.tool_calls ?? []).map((call) => ({
      id: call.id,
      name: call.function.name,
      arguments: call.function.arguments,
    })),
    usage: completion.usage ?? null,
    chunks: 0,
  };
}

async function streamed() {
  const stream = await client.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } });
  const pieces = [];
  const toolCalls = [];
  let id = null, model = null, finishReason = null, usage = null, chunks = 0;
  for await (const chunk of stream) {
    ++chunks;
    if (chunk.object !== 'chat.completion.chunk')
      throw new Error(`unexpected chunk object ${chunk.object}`);
    id ??= chunk.id;
    model ??= chunk.model;
    if (chunk.usage)
      usage = chunk.usage;
    const choice = chunk.choices[0];
    if (!choice)
      continue;
    if (choice.delta?.content)
      pieces.push(choice.delta.content);
    for (const call of choice.delta?.tool_calls ?? []) {
      const entry = (toolCalls[call.index] ??= { id: null, name: '', arguments: '' });
      entry.id ??= call.id ?? null;
      entry.name += call.function?.name ?? '';
      entry.arguments += call.function?.arguments ?? '';
    }
    if (choice.finish_reason)
      finishReason = choice.finish_reason;
  }
  return { id, object: 'chat.completion.chunk', model, text: pieces.join(''), pieces, finishReason, toolCalls, usage, chunks };
}

await report(args.stream ? streamed : whole, {
  AuthenticationError: OpenAI.AuthenticationError,
  PermissionDeniedError: OpenAI.PermissionDeniedError,
  NotFoundError: OpenAI.NotFoundError,
  BadRequestError: OpenAI.BadRequestError,
  RateLimitError: OpenAI.RateLimitError,
  InternalServerError: OpenAI.InternalServerError,
  APIConnectionTimeoutError: OpenAI.APIConnectionTimeoutError,
  APIConnectionError: OpenAI.APIConnectionError,
  APIError: OpenAI.APIError,
});
