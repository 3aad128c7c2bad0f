// What both SDK scripts share: the command line, and one JSON line on stdout for the C++ test to read.
import http from 'node:http';
import { parseArgs } from 'node:util';

// --base-url URL --token TOKEN --model MODEL [--stream] [--tool NAME]
export function options() {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      token: { type: 'string' },
      model: { type: 'string' },
      stream: { type: 'boolean', default: false },
      tool: { type: 'string' },
    },
  });
  for (const required of ['base-url', 'token', 'model']) {
    if (!values[required]) {
      process.stderr.write(`missing --${required}\n`);
      process.exit(2);
    }
  }
  return values;
}

// The SDK's error class by name (AuthenticationError, PermissionDeniedError, ...), as a caller would catch it.
export function errorResult(error, classes) {
  const name = Object.entries(classes).find(([, type]) => error instanceof type)?.[0] ?? error?.constructor?.name;
  return {
    ok: false,
    error: {
      name,
      status: error?.status ?? null,
      // OpenAI's SDK keeps body.error's fields on the error; Anthropic's keeps the whole body.
      type: error?.type ?? error?.error?.error?.type ?? null,
      code: error?.code ?? error?.error?.error?.code ?? null,
      message: String(error?.message ?? error),
    },
  };
}

// Runs `body` and prints its result (or the error it threw) as one line of JSON. Exits 0 either way: the
// test decides what counts as a failure; a crash of the script itself exits non-zero.
export async function report(body, classes) {
  let result;
  try {
    result = { ok: true, ...(await body()) };
  } catch (error) {
    if (!Object.values(classes).some((type) => error instanceof type))
      throw error;
    result = errorResult(error, classes);
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

// The HTTP agent for the SDKs: their default (a keep-alive agent) on Node 20 and later; on Node 18 one without
// keep-alive. There node-fetch 2, which both SDKs use on Node, reports a false 'Premature close' for every chunked
// response (so every stream) read over a keep-alive connection, whatever the server (node-fetch issue 1767). Each
// script makes one request, so nothing is lost.
export function httpAgent() {
  const major = Number(process.versions.node.split('.')[0]);
  return major < 20 ? new http.Agent({ keepAlive: false }) : undefined;
}
