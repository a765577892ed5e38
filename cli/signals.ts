import type { Logger } from '../shared/log.js';

/**
 * Stops cleanly on SIGINT/SIGTERM. Signals during the stop are ignored: a
 * terminal's Ctrl-C reaches a whole process group, and a parent may follow it
 * with its own SIGTERM.
 */
export function stopOnSignals(logger: Logger, stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    stop(signal).then(
      () => process.exit(0),
      (error: Error) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
