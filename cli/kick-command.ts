import type { Argv } from 'yargs';
import type { KickAnswer } from '../coordinator/admin-api.js';
import { readSecretFile } from '../shared/credentials.js';
import { EXIT_NOT_FOUND, RuntimeFailure, addCommand, integerIn } from './options.js';

/** How long the command waits for the coordinator's answer (which waits for the comm servers' at most --kick-timeout-ms). */
const REQUEST_TIMEOUT_MS = 30_000;

export function kickCommand(yargs: Argv) {
  return addCommand(yargs, {
    name: 'kick',
    summary: "Kick a client, or every client of an identity, through the coordinator's admin API, and ban the identity for a while",
    examples: [
      ['$0 kick --url http://127.0.0.1:9190 --alias 42', 'close client 42'],
      ['$0 kick --url URL --identity alice --ban-seconds 600', 'ban alice 10 min'],
    ],
    main: ['url', 'alias', 'identity', 'ban-seconds', 'admin-token-file', 'admin-token', 'json'],
    options: (y) => y.options({
      url: {
        type: 'string', demandOption: true,
        description: "The coordinator's operations URL (its --http-port), e.g. http://127.0.0.1:9190",
        coerce: httpUrl,
      },
      alias: { type: 'number', description: 'Kick the client with this alias', coerce: integerIn('alias', 1) },
      identity: { type: 'string', description: 'Kick every client with this identity' },
      'ban-seconds': {
        type: 'number', description: "Also refuse the identity (the kicked client's, with --alias) for this many seconds", coerce: integerIn('ban-seconds', 1),
      },
      'admin-token-file': { type: 'string', description: "File holding the coordinator's admin token (first line)" },
      'admin-token': { type: 'string', description: 'The admin token itself (prefer --admin-token-file or BROKER_ADMIN_TOKEN: a flag shows in ps)' },
      json: { type: 'boolean', default: false, description: "Print the coordinator's answer as JSON" },
    }).conflicts('alias', 'identity').conflicts('admin-token', 'admin-token-file'),
    run: async (argv) => {
      if (argv.alias === undefined && argv.identity === undefined) throw new Error('give --alias or --identity');
      const token = argv['admin-token-file'] !== undefined ? readSecretFile(argv['admin-token-file'], 'admin token') : argv['admin-token'];
      if (!token) throw new Error('give --admin-token-file (or BROKER_ADMIN_TOKEN)');
      const request = {
        ...(argv.alias !== undefined ? { alias: argv.alias } : { identity: argv.identity }),
        ...(argv['ban-seconds'] !== undefined ? { banSeconds: argv['ban-seconds'] } : {}),
      };
      const url = new URL('/v1/kick', argv.url);
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        throw new RuntimeFailure(`cannot reach the coordinator at ${url.origin}: ${causeOf(error)}`);
      }
      const text = await response.text();
      const answer = parseAnswer(text);
      if (argv.json) process.stdout.write(`${text}\n`);
      if (response.status === 401) throw new RuntimeFailure('the coordinator refused the admin token (HTTP 401)');
      if (answer === undefined || (response.status === 404 && answer.error !== 'no such client')) {
        throw new RuntimeFailure(`no admin API at ${url.href} (HTTP ${response.status}): is the coordinator started with --admin-token-file?`);
      }
      if (response.status === 404) throw new RuntimeFailure(`no such client: ${describe(argv)}`, EXIT_NOT_FOUND);
      // A failure after the kick (the ban list full) still says what was closed.
      if (!argv.json && (response.ok || answer.closed > 0)) process.stdout.write(report(answer, argv['ban-seconds'] !== undefined));
      if (!response.ok) throw new RuntimeFailure(`${answer.error ?? 'failed'} (HTTP ${response.status})`);
    },
  });
}

function httpUrl(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new Error(`--url must be an http:// or https:// URL, got ${JSON.stringify(value)}`);
  return value as string;
}

function parseAnswer(text: string): KickAnswer | undefined {
  try {
    const answer = JSON.parse(text) as KickAnswer;
    return Array.isArray(answer.servers) ? answer : undefined;
  } catch {
    return undefined;
  }
}

function describe(argv: { alias?: number; identity?: string }): string {
  return argv.alias !== undefined ? `alias ${argv.alias}` : `identity ${JSON.stringify(argv.identity)}`;
}

/** What happened, a line each: the kick, the ban, the comm servers that could not say. */
function report(answer: KickAnswer, banAsked: boolean): string {
  const lines: string[] = [];
  const who = answer.alias !== undefined ? `client ${answer.alias}` : `identity ${JSON.stringify(answer.identity)}`;
  const where = answer.servers.filter(({ closed }) => closed > 0).map(({ server, closed }) => `comm server ${server}: ${closed}`);
  lines.push(`kicked ${who}: ${answer.closed} connection${answer.closed === 1 ? '' : 's'} closed${where.length > 0 ? ` (${where.join(', ')})` : ''}`);
  if (answer.bannedUntil !== null) lines.push(`banned identity ${JSON.stringify(answer.identity)} until ${answer.bannedUntil}`);
  else if (banAsked && answer.identity === null) lines.push('not banned: the client has no identity');
  if (answer.unanswered.length > 0) lines.push(`comm servers that did not answer: ${answer.unanswered.join(', ')}`);
  if (answer.unsupported.length > 0) lines.push(`comm servers without kicks (not asked): ${answer.unsupported.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  return cause?.message ?? (error as Error).message;
}
