// The live progress line of a run on stderr: rewritten in place on a
// terminal; elsewhere (CI, nohup, a pipe) a line at most every interval, so a
// long run shows it is alive without flooding its log.
import type { RunProgress } from './run.js';

export function progressLine(progress: RunProgress): string {
  const { phase, clients, connected, sent, delivered, measuredSeconds } = progress;
  const parts = [`${phase.padEnd(11)}`, `clients ${connected}/${clients}`];
  if (phase === 'measuring' || phase === 'draining' || phase === 'reporting') {
    parts.push(`t ${measuredSeconds.toFixed(1)} s`, `sent ${sent.toLocaleString('en-US')}`, `delivered ${delivered.toLocaleString('en-US')}`);
    if (measuredSeconds > 0) parts.push(`${Math.round(delivered / measuredSeconds).toLocaleString('en-US')}/s`);
  }
  return parts.join('  ');
}

export interface ProgressDisplay {
  update(progress: RunProgress): void;
  done(): void;
}

export const DEFAULT_PROGRESS_INTERVAL_SECONDS = 5;

export interface ProgressOptions {
  /** Without a terminal: the least time between two lines; 0 writes none. */
  intervalSeconds?: number;
  now?: () => number;
}

export function progressDisplay(
  stream: Pick<NodeJS.WriteStream, 'isTTY' | 'write'> = process.stderr,
  { intervalSeconds = DEFAULT_PROGRESS_INTERVAL_SECONDS, now = Date.now }: ProgressOptions = {},
): ProgressDisplay {
  if (stream.isTTY) return rewrittenLine(stream);
  if (intervalSeconds === 0) return { update: () => undefined, done: () => undefined };
  let lastMs: number | undefined;
  return {
    update(progress) {
      if (lastMs !== undefined && now() - lastMs < intervalSeconds * 1000) return;
      lastMs = now();
      stream.write(`${progressLine(progress)}\n`);
    },
    done: () => undefined,
  };
}

function rewrittenLine(stream: Pick<NodeJS.WriteStream, 'write'>): ProgressDisplay {
  let shown = false;
  return {
    update(progress) {
      stream.write(`\r\x1b[2K${progressLine(progress)}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
