import type { Argv } from 'yargs';
import { Coordinator, fullMeshSelector, starSelector } from '../coordinator/index.js';
import { coordinatorLimitSpec } from '../shared/config.js';
import { createLogger } from '../shared/log.js';
import { limitFlags, limitsFrom, portFrom } from './limit-flags.js';
import { stopOnSignals } from './signals.js';

export function coordinatorCommand(yargs: Argv) {
  return yargs.command(
    'coordinator',
    'Run the coordinator: /connect for clients, /discover for comm servers',
    (y) => y.options({
      host: { type: 'string', default: '127.0.0.1', description: 'Interface to listen on' },
      port: { type: 'number', default: 9090, description: 'TCP port (0 picks a free one)' },
      topology: {
        choices: ['mesh', 'star'] as const, default: 'mesh' as const,
        description: 'mesh: every server links to every other; star: servers link only to a HUB',
      },
      'log-level': { type: 'string', default: 'info', description: 'pino level (debug, info, warn, error, silent)' },
      ...limitFlags(coordinatorLimitSpec),
    }),
    async (argv) => {
      const logger = createLogger({ name: 'coordinator', level: argv['log-level'] });
      const coordinator = await Coordinator.start({
        host: argv.host,
        port: portFrom('port', argv.port),
        logger,
        selector: argv.topology === 'star' ? starSelector() : fullMeshSelector(),
        limits: limitsFrom(coordinatorLimitSpec, argv),
      });
      process.stdout.write(`coordinator listening on ${coordinator.url}\n`);
      stopOnSignals(logger, () => coordinator.close());
    },
  );
}
