import type { Argv } from 'yargs';
import { commServerLimitSpec, type CommServerLimits } from '../shared/config.js';
import type { Readiness } from '../shared/http-endpoint.js';
import type { Logger } from '../shared/log.js';
import type { IceServer } from '../shared/rtc.js';
import { limitFlags, limitsFrom } from './limit-flags.js';
import { EXIT_NATS_UNREACHABLE, RuntimeFailure, addCommand, integerIn, isWebSocketUrl, logOptions, stringList, webSocketUrl } from './options.js';
import { commServerSecurityFrom, commServerSecurityOptions, secretFrom } from './security-options.js';
import { startOperations, operationsOptions } from './operations-endpoint.js';
import { stopOnSignals } from './signals.js';
import { applyHeapGrowingPercent, applySemiSpaceSize, heapGrowingOptions } from './v8-heap.js';
import { natsConnectionFrom, natsConnectionOptions } from './nats-options.js';
import { warnIfTooFewOpenFiles } from './open-files.js';

export function commServerCommand(yargs: Argv) {
  return addCommand(yargs, {
    name: 'commserver',
    summary: 'Run a comm server: links to the coordinator and the other servers, serves clients',
    examples: [
      ['$0 commserver', 'joins ws://127.0.0.1:9090'],
      ['$0 commserver --coordinator-url ws://10.0.0.5:9090', 'on another host'],
    ],
    main: ['coordinator-url', 'hub', 'server-id', 'backbone', 'nats', 'ice-server', 'port-min', 'port-max', 'log-level', 'log-format'],
    options: (y) => y.options({
      'coordinator-url': {
        type: 'string', array: true, default: ['ws://127.0.0.1:9090'], defaultDescription: 'ws://127.0.0.1:9090',
        description: "The coordinator's base URL (ws:// or wss://); repeatable, the coordinators of one cluster: the server moves to the next when its coordinator goes away (BROKER_COORDINATOR_URL takes several separated by spaces)",
        coerce: stringList('coordinator-url', isWebSocketUrl),
      },
      hub: { type: 'boolean', default: false, description: 'Register as a HUB (star topology): relay messages between servers' },
      'server-id': { type: 'string', defaultDescription: 'random per process', description: 'Stable identity of this server' },
      'ice-server': {
        type: 'string', array: true, default: [] as string[], defaultDescription: 'none',
        description: 'STUN/TURN URL, repeatable (stun:IP:PORT; turn:user:pass@IP:PORT); BROKER_ICE_SERVER takes several separated by spaces. Prefer IP addresses: a name costs a lookup per connection',
        coerce: stringList('ice-server', parseIceServer),
      },
      'port-min': {
        type: 'number', defaultDescription: 'any', coerce: integerIn('port-min', 1, 65535),
        description: 'Lowest UDP port for peer connections (with --port-max)',
      },
      'port-max': { type: 'number', defaultDescription: 'any', coerce: integerIn('port-max', 1, 65535), description: 'Highest UDP port for peer connections' },
      ...logOptions('info'),
      ws: {
        type: 'boolean', default: true, group: 'WebSocket fallback:',
        description: 'Serve clients that cannot use WebRTC over a WebSocket (--no-ws turns it off)',
      },
      'ws-host': { type: 'string', default: '127.0.0.1', group: 'WebSocket fallback:', description: 'Interface of the WebSocket endpoint' },
      'ws-port': {
        type: 'number', default: 0, coerce: integerIn('ws-port', 0, 65535), group: 'WebSocket fallback:',
        description: 'Port of the WebSocket endpoint (0 picks a free one)',
      },
      'ws-public-url': {
        type: 'string', group: 'WebSocket fallback:', defaultDescription: 'ws://HOST:PORT as bound',
        description: 'The URL clients are told to use (behind a proxy or NAT); port 0 stands for the port the endpoint bound (ws://HOST:0)', coerce: webSocketUrl('ws-public-url'),
      },
      backbone: {
        choices: ['webrtc', 'nats'] as const, default: 'webrtc' as const, group: 'NATS:',
        description: 'How comm servers exchange topic messages: webrtc, a data-channel link to every other server; nats, over NATS subjects (with --nats; every comm server of the cluster alike)',
      },
      ...natsConnectionOptions,
      ...heapGrowingOptions,
      ...operationsOptions,
      ...commServerSecurityOptions,
      ...limitFlags(commServerLimitSpec),
    }).check((argv) => {
      portRangeFrom(argv['port-min'], argv['port-max']);
      const nats = natsConnectionFrom(argv);
      if (argv.backbone === 'nats' && nats === undefined) throw new Error('--backbone nats needs --nats');
      if (argv.backbone !== 'nats' && nats !== undefined) throw new Error('--nats is for --backbone nats');
      if (argv.backbone === 'nats' && argv.hub) throw new Error('--hub and --backbone nats: on the backbone NATS relays between the servers');
      return true;
    }),
    run: async (argv) => {
      // First: this may start the process again, with the young generation's cap.
      await applySemiSpaceSize(argv['max-semi-space-size']);
      applyHeapGrowingPercent(argv['heap-growing-percent']);
      // Loaded here, not at the top: each command loads only what it runs.
      const [{ CommServer }, { createLogger }] = await Promise.all([import('../commserver/index.js'), import('../shared/log.js')]);
      const logger = createLogger({ name: 'commserver', level: argv['log-level'], format: argv['log-format'] });
      const portRange = portRangeFrom(argv['port-min'], argv['port-max']);
      const limits = limitsFrom(commServerLimitSpec, argv);
      warnIfTooFewOpenFiles(logger, limits.maxPeers);
      const nats = await backboneConnection(argv, limits, logger);
      const server = new CommServer({
        ...(await commServerSecurityFrom(argv, limits)),
        coordinatorUrl: argv['coordinator-url'],
        hub: argv.hub,
        serverId: argv['server-id'],
        iceServers: argv['ice-server'].map(parseIceServer),
        portRange,
        ...(argv.ws ? { webSocket: { host: argv['ws-host'], port: argv['ws-port'], publicUrl: argv['ws-public-url'] } } : {}),
        ...(nats ? { backbone: await backboneOptions(argv, nats, limits) } : {}),
        limits,
        logger,
      });
      server.on('registered', (alias) => process.stdout.write(`comm server registered as alias ${alias} (pid ${process.pid})\n`));
      const reportLinks = () => process.stdout.write(`servers linked: ${server.linkedServers().length}\n`);
      server.on('peerAuthenticated', (peer) => peer.isServer && reportLinks());
      server.on('peerClosed', (peer) => peer.isServer && peer.authenticated && reportLinks());
      await server.start().listening();
      const operations = await startOperations(argv, async () => ({
        metrics: (await import('../commserver/metrics.js')).commServerMetrics(server, nats),
        readiness: () => withNats(server.readiness(), nats),
        stats: () => server.peerReports(),
        logger,
      }));
      // SIGTERM (an orchestrator's stop) drains: clients move first. SIGINT (Ctrl-C) closes at once.
      stopOnSignals(logger, async (signal) => {
        await (signal === 'SIGTERM' ? server.drain() : server.close());
        await nats?.close();
        await operations?.close();
      });
    },
  });
}

type BackboneNats = import('../shared/nats-connection.js').ReconnectingNats;

/** With --backbone nats: the connection to NATS (exit code 5 when it cannot be made). */
async function backboneConnection(argv: Record<string, unknown>, limits: CommServerLimits, logger: Logger): Promise<BackboneNats | undefined> {
  const settings = natsConnectionFrom(argv);
  if (settings === undefined) return undefined;
  const { ReconnectingNats } = await import('../shared/nats-connection.js');
  try {
    return await ReconnectingNats.connect({
      ...settings,
      name: `broker commserver ${process.pid}`,
      noEcho: true,
      connectTimeoutMs: limits.natsConnectTimeoutMs,
      reconnectMinMs: limits.natsReconnectMinMs,
      reconnectMaxMs: limits.natsReconnectMaxMs,
      logger,
    });
  } catch (error) {
    throw new RuntimeFailure((error as Error).message, EXIT_NATS_UNREACHABLE);
  }
}

async function backboneOptions(argv: Record<string, unknown>, nats: BackboneNats, limits: CommServerLimits) {
  const secret = secretFrom(argv, 'cluster-secret');
  const { NatsSeal } = await import('../shared/nats-seal.js');
  return {
    connection: nats.connection,
    subjectPrefix: argv['nats-subject-prefix'] as string,
    seal: secret === undefined ? undefined : new NatsSeal(secret, { maxAgeMs: limits.authClockSkewMs }),
  };
}

/** On the backbone a comm server without NATS is not ready: it cannot reach the other servers. */
function withNats(readiness: Readiness, nats: BackboneNats | undefined): Readiness {
  if (nats === undefined) return readiness;
  return { ready: readiness.ready && nats.connected, detail: { ...readiness.detail, nats: nats.connected } };
}

function portRangeFrom(min: number | undefined, max: number | undefined): [number, number] | undefined {
  if (min === undefined && max === undefined) return undefined;
  if (min === undefined || max === undefined || min < 1 || max > 65535 || min > max) {
    throw new Error(`--port-min and --port-max must be given together, 1 <= min <= max <= 65535, got ${min} and ${max}`);
  }
  return [min, max];
}

/** `stun:1.2.3.4:3478` or `turn:user:secret@1.2.3.4:3478` */
export function parseIceServer(url: string): IceServer {
  const match = /^(stun|turns?):(?:([^:@]+):([^@]+)@)?(.+)$/.exec(url);
  if (!match) throw new Error('stun:HOST:PORT or turn:USER:PASS@HOST:PORT');
  const [, scheme, username, credential, address] = match;
  return username ? { urls: `${scheme}:${address}`, username, credential } : { urls: `${scheme}:${address}` };
}
