import { createRequire } from 'node:module';
import { pino, destination, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

export type LogFormat = 'json' | 'pretty';

export interface LogOptions {
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  level?: string;
  /** Component name stamped on every line (coordinator, commserver, ...). */
  name?: string;
  /**
   * `json`: one pino object a line, for log collectors. `pretty`: coloured
   * lines for people (pino-pretty). Default: pretty when stderr is a terminal.
   */
  format?: LogFormat;
}

/** The process logger: on stderr, so stdout stays free for CLI output. */
export function createLogger(options: LogOptions = {}): Logger {
  const config: LoggerOptions = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { pid: process.pid, ...(options.name ? { name: options.name } : {}) },
  };
  const format = options.format ?? (process.stderr.isTTY ? 'pretty' : 'json');
  return pino(config, format === 'pretty' ? prettyStream() : destination({ fd: 2, sync: false }));
}

/**
 * pino-pretty in this thread, loaded only when asked for: JSON processes never
 * pay for it. Synchronous writes: a person is reading, and lines logged just
 * before an exit must not be lost.
 */
function prettyStream(): DestinationStream {
  const require = createRequire(import.meta.url);
  const pretty = require('pino-pretty') as (options: Record<string, unknown>) => DestinationStream;
  return pretty({ destination: 2, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'hostname' });
}

/** A logger that writes nothing, for tests and embedded use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
