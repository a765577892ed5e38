// The NATS options (docs/CONFIGURATION.md): where NATS is, how to
// authenticate to it, and the subject (and, for coordinators, bucket)
// prefixes that keep two clusters on one NATS apart. Without --nats a
// coordinator is alone and a comm server links to the others over WebRTC.
import type { Options } from 'yargs';
import { readSecretFile } from '../shared/credentials.js';
import type { CoordinatorLimits } from '../shared/config.js';
import type { Logger } from '../shared/log.js';
import type { NatsServerSettings } from '../shared/nats-connection.js';
import { integerIn, optionError, stringList } from './options.js';
import { secretFrom } from './security-options.js';

const GROUP = 'NATS:';
/** Bucket and subject tokens: letters, digits, - and _ (a bucket name allows no more, a subject token no dots). */
const NAME = /^[A-Za-z0-9_-]{1,64}$/;

function natsUrl(item: string): void {
  let url: URL;
  try {
    url = new URL(item);
  } catch {
    throw new Error('a nats:// or tls:// URL');
  }
  if (url.protocol !== 'nats:' && url.protocol !== 'tls:') throw new Error('a nats:// or tls:// URL');
}

function name(flag: string) {
  return (value: unknown): string => {
    if (typeof value !== 'string' || !NAME.test(value)) throw optionError(flag, 'letters, digits, - and _ (1 to 64)', value);
    return value;
  };
}

/** How to reach NATS: both commands. */
export const natsConnectionOptions = {
  nats: {
    type: 'string', array: true, default: [] as string[], defaultDescription: 'none', group: GROUP,
    description: 'nats://HOST:PORT of a NATS server, repeatable (BROKER_NATS takes several separated by spaces)',
    coerce: stringList('nats', natsUrl),
  },
  'nats-creds-file': { type: 'string', defaultDescription: 'none', group: GROUP, description: 'NATS credentials file (.creds)' },
  'nats-user-file': { type: 'string', defaultDescription: 'none', group: GROUP, description: 'File holding the NATS user (first line), with --nats-password-file' },
  'nats-password-file': { type: 'string', defaultDescription: 'none', group: GROUP, description: 'File holding the NATS password (first line)' },
  'nats-tls-ca': { type: 'string', defaultDescription: 'none', group: GROUP, description: "CA certificate file of the NATS servers' TLS certificates" },
  'nats-subject-prefix': {
    type: 'string', default: 'broker', group: GROUP, coerce: name('nats-subject-prefix'),
    description: 'Prefix of the NATS subjects (<prefix>.signal..., <prefix>.topic..., <prefix>.link...); one per cluster sharing a NATS',
  },
} satisfies Record<string, Options>;

/** The coordinator's: the shared state's buckets. */
export const natsOptions = {
  ...natsConnectionOptions,
  nats: {
    ...natsConnectionOptions.nats, defaultDescription: 'none: this coordinator alone',
    description: 'nats://HOST:PORT of a NATS server with JetStream, repeatable: coordinators given the same NATS share clients, comm servers and signaling; BROKER_NATS takes several separated by spaces',
  },
  'nats-bucket': {
    type: 'string', default: 'broker', group: GROUP, coerce: name('nats-bucket'),
    description: 'Prefix of the JetStream key-value buckets (<bucket>-servers, <bucket>-aliases); one per cluster sharing a NATS',
  },
  'nats-replicas': {
    type: 'number', default: 1, group: GROUP, coerce: integerIn('nats-replicas', 1, 5),
    description: 'Copies of the key-value buckets on a NATS cluster, when a coordinator creates them',
  },
} satisfies Record<string, Options>;

type Argv = Record<string, unknown>;

/** Throws on NATS options that do not go together: credentials without --nats, a user without a password, two kinds of credentials. */
export function checkNatsOptions(argv: Argv): void {
  if ((argv.nats as string[]).length === 0) {
    for (const flag of ['nats-creds-file', 'nats-user-file', 'nats-password-file', 'nats-tls-ca']) {
      if (argv[flag] !== undefined) throw new Error(`--${flag} needs --nats`);
    }
    return;
  }
  const userFile = argv['nats-user-file'];
  if ((userFile === undefined) !== (argv['nats-password-file'] === undefined)) throw new Error('give --nats-user-file and --nats-password-file together');
  if (userFile !== undefined && argv['nats-creds-file'] !== undefined) throw new Error('give --nats-creds-file or --nats-user-file, not both');
}

/** The NATS options given to this command, as the flags that give them to a coordinator it starts (or, with `natsConnectionOptions`, a comm server). */
export function natsFlags(argv: Argv, options: Record<string, Options> = natsOptions): string[] {
  return Object.keys(options).flatMap((flag) => [argv[flag]].flat().flatMap((value) => (value === undefined ? [] : [`--${flag}`, String(value)])));
}

/** Where NATS is and how to authenticate to it, from the flags; undefined without --nats. */
export function natsConnectionFrom(argv: Argv): NatsServerSettings | undefined {
  checkNatsOptions(argv);
  const servers = argv.nats as string[];
  if (servers.length === 0) return undefined;
  const userFile = argv['nats-user-file'] as string | undefined;
  const passwordFile = argv['nats-password-file'] as string | undefined;
  return {
    servers,
    credsFile: argv['nats-creds-file'] as string | undefined,
    user: userFile === undefined ? undefined : readSecretFile(userFile, 'NATS user'),
    password: passwordFile === undefined ? undefined : readSecretFile(passwordFile, 'NATS password'),
    tlsCaFile: argv['nats-tls-ca'] as string | undefined,
  };
}

/** Starts the shared state when --nats was given (only then loading the NATS client); undefined without it. */
export async function natsClusterFrom(argv: Argv, limits: CoordinatorLimits, logger: Logger) {
  const settings = natsConnectionFrom(argv);
  if (settings === undefined) return undefined;
  const { NatsCluster } = await import('../coordinator/nats/cluster.js');
  return NatsCluster.start({
    ...settings,
    bucket: argv['nats-bucket'] as string,
    subjectPrefix: argv['nats-subject-prefix'] as string,
    replicas: argv['nats-replicas'] as number,
    connectTimeoutMs: limits.natsConnectTimeoutMs,
    reconnectMinMs: limits.natsReconnectMinMs,
    reconnectMaxMs: limits.natsReconnectMaxMs,
    registryTtlMs: limits.natsRegistryTtlMs,
    maxServers: limits.maxClusterServers,
    clusterSecret: secretFrom(argv, 'cluster-secret'),
    clockSkewMs: limits.authClockSkewMs,
    logger,
  });
}
