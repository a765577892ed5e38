// The live progress line of a run on a terminal (stderr), rewritten in place.
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

/** Writes progress on a TTY only; a pipe or file gets nothing until the result. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): { update(progress: RunProgress): void; done(): void } {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
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
