import { pino, destination, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

export interface LogOptions {
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  level?: string;
  /** Component name stamped on every line (coordinator, commserver, ...). */
  name?: string;
}

/** The process logger: pino JSON lines on stderr, so stdout stays free for CLI output. */
export function createLogger(options: LogOptions = {}): Logger {
  const config: LoggerOptions = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { pid: process.pid, ...(options.name ? { name: options.name } : {}) },
  };
  return pino(config, destination({ fd: 2, sync: false }));
}

/** A logger that writes nothing, for tests and embedded use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
