// The --http-port operations endpoint (/healthz, /readyz, /metrics, /stats) of a broker process.
import { writeFileSync } from 'node:fs';
import type { Options } from 'yargs';
import { HttpEndpoint, type HttpEndpointOptions } from '../shared/http-endpoint.js';
import { integerIn } from './options.js';

export const operationsOptions = {
  'http-port': {
    type: 'number', defaultDescription: 'off', coerce: integerIn('http-port', 0, 65535), group: 'Operations:',
    description: 'Port of /healthz, /readyz, /metrics (Prometheus) and /stats (0 picks a free one)',
  },
  'http-host': {
    type: 'string', default: '127.0.0.1', group: 'Operations:', description: 'Interface of the operations port',
  },
  'http-url-file': {
    type: 'string', defaultDescription: 'none', group: 'Operations:',
    description: "Write the operations endpoint's URL to this file once it listens (a container healthcheck reads it: node dist/cli/healthcheck.js FILE)",
  },
} satisfies Record<string, Options>;

/** Starts the endpoint if --http-port was given (only then loading what it serves), and prints where it listens. */
export async function startOperations(
  argv: { 'http-port'?: number; 'http-host': string; 'http-url-file'?: string }, endpoint: () => Promise<Omit<HttpEndpointOptions, 'host' | 'port'>>,
): Promise<HttpEndpoint | undefined> {
  if (argv['http-port'] === undefined) return undefined;
  const http = await HttpEndpoint.start({ host: argv['http-host'], port: argv['http-port'], ...(await endpoint()) });
  if (argv['http-url-file'] !== undefined) writeFileSync(argv['http-url-file'], `${http.url}\n`);
  process.stdout.write(`operations endpoint on ${http.url}\n`);
  return http;
}
