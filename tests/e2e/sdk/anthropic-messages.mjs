// The official Anthropic SDK's messages.create through Gatehouse's native passthrough /ai/PROVIDER, whole or
// streamed; Gatehouse's token is the SDK's API key. Prints {ok, id, model, text, pieces, stopReason, usage, events}
// or {ok: false, error}.
import Anthropic from '@anthropic-ai/sdk';
import { httpAgent, options, report } from './common.mjs';

const args = options();
// authToken null: ANTHROPIC_AUTH_TOKEN in the environment would otherwise add a bearer header of its own.
const client = new Anthropic({
  apiKey: args.token,
  authToken: null,
  baseURL: args['base-url'],
  maxRetries: 0,
  timeout: 15_000,
  httpAgent: httpAgent(),
});

const request = { model: args.model, max_tokens: 64, messages: [{ role: 'user', content: 'Say hello.' }] };

async function whole() {
  const message = await client.messages.create(request);
  return {
    id: message.id,
    type: message.type,
    model: message.model,
    text: message.content.filter((block) => block.type === 'text').map((block) => block.text).join(''),
    pieces: [],
    stopReason: message.stop_reason,
    usage: message.usage,
    events: 0,
  };
}

async function streamed() {
  const stream = await client.messages.create({ ...request, stream: true });
  const pieces = [];
  let id = null, model = null, stopReason = null, events = 0;
  const usage = { input_tokens: null, output_tokens: null };
  for await (const event of stream) {
    ++events;
    if (event.type === 'message_start') {
      id = event.message.id;
      model = event.message.model;
      usage.input_tokens = event.message.usage.input_tokens;
    } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      pieces.push(event.delta.text);
    } else if (event.type === 'message_delta') {
      stopReason = event.delta.stop_reason;
      usage.output_tokens = event.usage.output_tokens;
    }
  }
  return { id, type: 'message', model, text: pieces.join(''), pieces, stopReason, usage, events };
}

await report(args.stream ? streamed : whole, {
  AuthenticationError: Anthropic.AuthenticationError,
  PermissionDeniedError: Anthropic.PermissionDeniedError,
  NotFoundError: Anthropic.NotFoundError,
  BadRequestError: Anthropic.BadRequestError,
  RateLimitError: Anthropic.RateLimitError,
  InternalServerError: Anthropic.InternalServerError,
  APIConnectionTimeoutError: Anthropic.APIConnectionTimeoutError,
  APIConnectionError: Anthropic.APIConnectionError,
  APIError: Anthropic.APIError,
});
