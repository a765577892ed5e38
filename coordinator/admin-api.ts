// The coordinator's admin API (docs/OPERATIONS.md), on its operations port
// when it has an admin token: POST /v1/kick. A request must carry
// `Authorization: Bearer <token>`, compared in constant time, before its
// body is read; the body is a JSON object of at most maxBodyBytes.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRoute } from '../shared/http-endpoint.js';
import type { KickRequest, KickResult, Moderation } from './moderation.js';

export const KICK_PATH = '/v1/kick';
/** Longest identity a kick names, in characters. */
export const MAX_KICK_IDENTITY_LENGTH = 1024;

export interface AdminApiOptions {
  token: string;
  moderation: Moderation;
  maxBodyBytes: number;
  maxBanSeconds: number;
}

/** Throws for a token that cannot travel in an Authorization header as one word. */
export function adminRoutes(options: AdminApiOptions): ReadonlyMap<string, HttpRoute> {
  if (options.token.length === 0 || /\s/.test(options.token)) throw new Error('the admin token must be one word: no spaces, not empty');
  const expected = digest(options.token);
  return new Map([[KICK_PATH, { method: 'POST', handle: (request, response) => kick(options, expected, request, response) }]]);
}

/** The JSON answer of POST /v1/kick; `error` says why when it was not done. */
export interface KickAnswer {
  error?: string;
  alias?: number;
  identity: string | null;
  closed: number;
  servers: Array<{ server: number; closed: number }>;
  unanswered: number[];
  unsupported: number[];
  bannedUntil: string | null;
}

const STATUS: Record<KickResult['outcome'], number> = {
  done: 200, 'no-such-client': 404, unsupported: 409, 'no-answer': 504, 'bans-full': 503,
};

const ERRORS: Record<Exclude<KickResult['outcome'], 'done'>, string> = {
  'no-such-client': 'no such client',
  unsupported: "the client's comm server does not support kicks",
  'no-answer': "the client's comm server did not answer",
  'bans-full': 'the ban list is full (--max-bans)',
};

async function kick(options: AdminApiOptions, expected: Buffer, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!authorized(request.headers.authorization, expected)) {
    response.setHeader('www-authenticate', 'Bearer');
    return reply(request, response, 401, { error: 'unauthorized' });
  }
  const body = await readBody(request, options.maxBodyBytes);
  if (body === 'gone') return;
  if (body === 'too-large') return reply(request, response, 413, { error: `request body over ${options.maxBodyBytes} bytes` });
  const parsed = parseKick(body, options.maxBanSeconds);
  if (typeof parsed === 'string') return reply(request, response, 400, { error: parsed });
  const result = await options.moderation.kick(parsed);
  const answer: KickAnswer = {
    ...(result.outcome === 'done' ? {} : { error: ERRORS[result.outcome] }),
    ...('alias' in parsed ? { alias: parsed.alias } : {}),
    identity: result.identity.length > 0 ? utf8.decode(result.identity) : null,
    closed: result.servers.reduce((sum, { closed }) => sum + closed, 0),
    servers: result.servers,
    unanswered: result.unanswered,
    unsupported: result.unsupported,
    bannedUntil: result.bannedUntil === undefined ? null : new Date(result.bannedUntil).toISOString(),
  };
  reply(request, response, STATUS[result.outcome], answer);
}

const utf8 = new TextDecoder();
const utf8Encoder = new TextEncoder();

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Compares digests, so that neither the token's length nor its bytes show in the time taken. */
function authorized(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), expected);
}

/**
 * The body; `too-large` as soon as it is over `maxBytes` (declared or sent),
 * the rest not kept; `gone` when the client went away before its end.
 */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large' | 'gone'> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve('too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (body: Buffer | 'too-large' | 'gone') => {
      request.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish('too-large');
      else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const onGone = () => finish('gone');
    request.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone);
  });
}

/** `{ "alias": N }` or `{ "identity": "..." }`, with an optional `"banSeconds": S`; a string says what is wrong. */
export function parseKick(body: Buffer, maxBanSeconds: number): KickRequest | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return 'the body is not JSON';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'the body must be a JSON object';
  const { alias, identity, banSeconds, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) return `unknown field ${JSON.stringify(unknown[0])} (the fields: alias, identity, banSeconds)`;
  if ((alias === undefined) === (identity === undefined)) return 'give alias or identity, one of them';
  if (banSeconds !== undefined && (!Number.isSafeInteger(banSeconds) || (banSeconds as number) < 1 || (banSeconds as number) > maxBanSeconds)) {
    return `banSeconds must be an integer from 1 to ${maxBanSeconds}`;
  }
  const banMs = banSeconds === undefined ? undefined : (banSeconds as number) * 1000;
  if (alias !== undefined) {
    if (!Number.isSafeInteger(alias) || (alias as number) < 1) return 'alias must be a positive integer';
    return { alias: alias as number, banMs };
  }
  if (typeof identity !== 'string' || identity.length === 0 || identity.length > MAX_KICK_IDENTITY_LENGTH) {
    return `identity must be a non-empty string of at most ${MAX_KICK_IDENTITY_LENGTH} characters`;
  }
  return { identity: utf8Encoder.encode(identity), banMs };
}

/** Answers with JSON; a request whose body was not read to its end closes its connection. */
function reply(request: IncomingMessage, response: ServerResponse, status: number, body: unknown): void {
  if (!request.complete) response.setHeader('connection', 'close');
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
