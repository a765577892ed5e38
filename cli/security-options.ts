// The security options of the CLI (docs/CONFIGURATION.md, "Security"): shared
// secrets, given as a flag, a BROKER_* variable or a file (preferred: a flag
// shows in `ps`), and JWT verification. Each command builds its
// authenticators from them; without any, everyone is admitted (with a
// warning at start).
import type { Options } from 'yargs';
import { allowAllPeers, allowAllUpgrades, type PeerAuthenticator, type UpgradeAuthenticator } from '../shared/auth.js';
import {
  clientTokenAuthenticator, clientTokenIssuer, clusterCredentials, clusterPeerAuthenticator, clusterUpgradeAuthenticator,
  firstAccepting, peerAuthenticatorByRole, readSecretFile, type ClientTokenIssuer,
} from '../shared/credentials.js';
import type { ServerCredentials } from '../shared/auth.js';
import { patternListProblem, type TopicPermissions } from '../shared/topic-permissions.js';

const GROUP = 'Security:';

/** A string option of the security group that is unset unless given. */
function unsetByDefault(description: string) {
  return { type: 'string', group: GROUP, defaultDescription: 'none', description } satisfies Options;
}

function secretOptions(name: string, description: string) {
  return {
    [name]: unsetByDefault(`${description} (prefer --${name}-file: a flag shows in ps)`),
    [`${name}-file`]: unsetByDefault(`File holding the ${name.replace(/-/g, ' ')} (first line)`),
  } satisfies Record<string, Options>;
}

const clusterSecret = secretOptions('cluster-secret', 'Shared secret of the coordinator and comm servers: servers without it cannot join');
const clientTokenSecret = secretOptions('client-token-secret', 'Secret shared by the coordinator and comm servers for client tokens (WELCOME, then AUTH)');

export const coordinatorSecurityOptions = {
  ...clusterSecret,
  ...clientTokenSecret,
  'client-identity-header': unsetByDefault(
    'Header of the /connect upgrade whose value is the client identity in its token (set by a trusted proxy)',
  ),
  'client-publish-topics-header': unsetByDefault(
    "Header of the /connect upgrade listing the topic patterns the client may publish to (space or comma separated, `rooms.*`), put in its token's publish_topics claim (set by a trusted proxy)",
  ),
  'client-subscribe-topics-header': unsetByDefault(
    "The same for the topics the client may subscribe to (the token's subscribe_topics claim)",
  ),
  'admin-token-file': unsetByDefault(
    'File holding the admin token (first line): the admin API on the operations port (POST /v1/kick, with --http-port) takes it as a Bearer token; without it the API is off',
  ),
} satisfies Record<string, Options>;

export const commServerSecurityOptions = {
  ...clusterSecret,
  ...clientTokenSecret,
  ...secretOptions('jwt-secret', 'Accept clients whose AUTH body is a JWT signed with this HMAC secret'),
  'jwt-jwks-file': unsetByDefault('Accept clients whose AUTH body is a JWT signed by a key of this JWKS file'),
  'jwt-issuer': unsetByDefault('Required iss of a JWT'),
  'jwt-audience': unsetByDefault('Required aud of a JWT'),
  'jwt-identity-claim': { type: 'string', group: GROUP, default: 'sub', description: 'JWT claim that becomes the client identity' },
} satisfies Record<string, Options>;

export const clusterSecurityOptions = { ...clusterSecret, ...clientTokenSecret } satisfies Record<string, Options>;

type Argv = Record<string, unknown>;

/** A secret from `--name` or `--name-file`; undefined when neither is given. */
export function secretFrom(argv: Argv, name: string): string | undefined {
  const value = argv[name];
  const file = argv[`${name}-file`];
  if (value !== undefined && file !== undefined) throw new Error(`give --${name} or --${name}-file, not both`);
  if (typeof file === 'string') return readSecretFile(file, name.replace(/-/g, ' '));
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0) throw new Error(`--${name} must be a non-empty string`);
  return value;
}

const utf8 = new TextEncoder();

export function coordinatorSecurityFrom(argv: Argv, limits: { clientTokenTtlMs: number; authClockSkewMs: number }): {
  upgradeAuthenticator: UpgradeAuthenticator;
  clientTokens: ClientTokenIssuer | undefined;
} {
  const header = headerName(argv['client-identity-header']);
  const publishHeader = headerName(argv['client-publish-topics-header']);
  const subscribeHeader = headerName(argv['client-subscribe-topics-header']);
  const clients: UpgradeAuthenticator = { ...allowAllUpgrades };
  if (header !== undefined) {
    clients.identify = ({ headers }) => {
      const identity = headerValue(headers[header]);
      return identity === undefined ? undefined : utf8.encode(identity);
    };
  }
  if (publishHeader !== undefined || subscribeHeader !== undefined) {
    clients.topicPermissions = ({ headers }) => {
      const permissions: TopicPermissions = {
        publish: topicPatternsOf(headers, publishHeader),
        subscribe: topicPatternsOf(headers, subscribeHeader),
      };
      return permissions.publish || permissions.subscribe ? permissions : undefined;
    };
  }
  const cluster = secretFrom(argv, 'cluster-secret');
  const tokens = secretFrom(argv, 'client-token-secret');
  const upgradeAuthenticator = cluster === undefined ? clients
    : clusterUpgradeAuthenticator(cluster, clients, { clockSkewMs: limits.authClockSkewMs });
  return {
    // Clients are not checked at /connect; with tokens, comm servers check them.
    upgradeAuthenticator: tokens === undefined ? upgradeAuthenticator : {
      ...upgradeAuthenticator,
      unauthenticated: (upgradeAuthenticator.unauthenticated ?? []).filter((kind) => kind !== 'clients'),
    },
    clientTokens: tokens === undefined ? undefined : clientTokenIssuer(tokens, { ttlMs: limits.clientTokenTtlMs }),
  };
}

function headerName(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The topic patterns a header lists; throws (the upgrade is refused) on a list that is not one. */
function topicPatternsOf(headers: Record<string, string | string[] | undefined>, name: string | undefined): string[] | undefined {
  const value = name === undefined ? undefined : headerValue(headers[name]);
  if (value === undefined) return undefined;
  const patterns = value.split(/[\s,]+/).filter(Boolean);
  const problem = patternListProblem(patterns);
  if (problem) throw new Error(`header ${name} ${problem}`);
  return patterns;
}

/** The admin token from --admin-token-file; undefined without one. */
export function adminTokenFrom(argv: Argv): string | undefined {
  const file = argv['admin-token-file'];
  return typeof file === 'string' ? readSecretFile(file, 'admin token') : undefined;
}

export async function commServerSecurityFrom(argv: Argv, limits: { credentialTtlMs: number; authClockSkewMs: number }): Promise<{
  peerAuthenticator: PeerAuthenticator;
  credentials: ServerCredentials | undefined;
}> {
  const skew = { clockSkewMs: limits.authClockSkewMs };
  const cluster = secretFrom(argv, 'cluster-secret');
  const tokens = secretFrom(argv, 'client-token-secret');
  const jwtSecret = secretFrom(argv, 'jwt-secret');
  const jwksFile = typeof argv['jwt-jwks-file'] === 'string' ? argv['jwt-jwks-file'] : undefined;
  const clientChecks: PeerAuthenticator[] = [];
  if (tokens !== undefined) clientChecks.push(clientTokenAuthenticator(tokens, skew));
  if (jwtSecret !== undefined || jwksFile !== undefined) {
    const { jwtPeerAuthenticator, readJwksFile } = await import('../shared/jwt-auth.js'); // jose, only when asked for
    clientChecks.push(jwtPeerAuthenticator({
      secret: jwtSecret,
      jwks: jwksFile === undefined ? undefined : readJwksFile(jwksFile),
      issuer: argv['jwt-issuer'] as string | undefined,
      audience: argv['jwt-audience'] as string | undefined,
      identityClaim: argv['jwt-identity-claim'] as string | undefined,
      clockToleranceSec: limits.authClockSkewMs / 1000,
    }));
  }
  return {
    peerAuthenticator: peerAuthenticatorByRole({
      servers: cluster === undefined ? allowAllPeers : clusterPeerAuthenticator(cluster, skew),
      clients: clientChecks.length === 0 ? allowAllPeers : clientChecks.length === 1 ? clientChecks[0]! : firstAccepting(clientChecks),
    }),
    credentials: cluster === undefined ? undefined : clusterCredentials(cluster, { ttlMs: limits.credentialTtlMs }),
  };
}

/** Gives `broker cluster`'s children its secrets through their environment (not their command line, which `ps` shows). */
export function passSecrets(argv: Argv, env: NodeJS.ProcessEnv): void {
  for (const name of ['cluster-secret', 'client-token-secret']) {
    const variable = `BROKER_${name.toUpperCase().replace(/-/g, '_')}`;
    delete env[variable];
    delete env[`${variable}_FILE`];
    const secret = secretFrom(argv, name);
    if (secret !== undefined) env[variable] = secret;
  }
}
