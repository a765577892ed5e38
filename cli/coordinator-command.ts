import type { Argv } from 'yargs';
import { coordinatorLimitSpec } from '../shared/config.js';
import { limitFlags, limitsFrom, portFrom } from './limit-flags.js';
import { natsClusterFrom, natsOptions } from './nats-options.js';
import { EXIT_NATS_UNREACHABLE, RuntimeFailure, addCommand, integerIn, logOptions } from './options.js';
import { adminTokenFrom, coordinatorSecurityFrom, coordinatorSecurityOptions } from './security-options.js';
import { startOperations, operationsOptions } from './operations-endpoint.js';
import { stopOnSignals } from './signals.js';

export function coordinatorCommand(yargs: Argv) {
  return addCommand(yargs, {
    name: 'coordinator',
    summary: 'Run the coordinator: /connect for clients, /discover for comm servers',
    examples: [
      ['$0 coordinator', 'on ws://127.0.0.1:9090'],
      ['$0 coordinator --host 0.0.0.0 --cluster-secret-file s.txt', 'for other hosts'],
    ],
    main: ['host', 'port', 'topology', 'nats', 'log-level', 'log-format'],
    options: (y) => y.options({
      host: { type: 'string', default: '127.0.0.1', description: 'Interface to listen on' },
      port: { type: 'number', default: 9090, description: 'TCP port (0 picks a free one)', coerce: integerIn('port', 0, 65535) },
      topology: {
        choices: ['mesh', 'star'] as const, default: 'mesh' as const,
        description: 'mesh: every server links to every other; star: servers link only to a HUB',
      },
      ...logOptions('info'),
      ...coordinatorSecurityOptions,
      ...natsOptions,
      ...operationsOptions,
      ...limitFlags(coordinatorLimitSpec),
    }),
    run: async (argv) => {
      // Loaded here, not at the top: each command loads only what it runs (the coordinator no WebRTC stack).
      const [{ Coordinator, fullMeshSelector, starSelector }, { createLogger }] = await Promise.all([
        import('../coordinator/index.js'), import('../shared/log.js'),
      ]);
      const logger = createLogger({ name: 'coordinator', level: argv['log-level'], format: argv['log-format'] });
      const limits = limitsFrom(coordinatorLimitSpec, argv);
      const adminToken = adminTokenFrom(argv);
      if (adminToken !== undefined && argv['http-port'] === undefined) {
        throw new Error('--admin-token-file serves the admin API on the operations port: give --http-port too');
      }
      const security = coordinatorSecurityFrom(argv, limits);
      const cluster = await natsClusterFrom(argv, limits, logger).catch((error: Error & { code?: string }) => {
        if (error.code === 'NATS_UNREACHABLE' || error.code === 'JETSTREAM_UNAVAILABLE') throw new RuntimeFailure(error.message, EXIT_NATS_UNREACHABLE);
        throw error;
      });
      const coordinator = await Coordinator.start({
        ...security,
        cluster,
        host: argv.host,
        port: portFrom('port', argv.port),
        logger,
        selector: argv.topology === 'star' ? starSelector() : fullMeshSelector(),
        limits,
      });
      process.stdout.write(`coordinator listening on ${coordinator.url}\n`);
      cluster?.onConnectionChange((connected) => process.stdout.write(connected ? 'NATS reconnected\n' : 'NATS disconnected, reconnecting\n'));
      const operations = await startOperations(argv, async () => ({
        metrics: (await import('../coordinator/metrics.js')).coordinatorMetrics(coordinator, cluster),
        readiness: () => {
          const shared = cluster?.readiness();
          return {
            ready: shared?.ready ?? true,
            detail: { servers: coordinator.registry.serverCount, clients: coordinator.registry.clientCount, ...shared?.detail },
          };
        },
        stats: () => ({
          ...coordinator.stats, assignments: Object.fromEntries(coordinator.stats.assignments), bans: coordinator.moderation.bans,
          ...(cluster ? { nats: { ...cluster.connectionState, ...cluster.stats } } : {}),
        }),
        logger,
        routes: adminToken === undefined ? undefined : (await import('../coordinator/admin-api.js')).adminRoutes({
          token: adminToken, moderation: coordinator.moderation, maxBodyBytes: limits.maxAdminBodyBytes, maxBanSeconds: limits.maxBanSeconds,
        }),
      }));
      stopOnSignals(logger, async () => {
        await coordinator.close();
        await operations?.close();
      });
    },
  });
}
