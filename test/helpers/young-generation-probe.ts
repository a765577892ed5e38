// `node --import <this module>`: on SIGUSR2 the process allocates objects
// that survive young collections (a ring of 100,000 recent ones), which makes
// V8 grow its young generation to the cap it got at start, then prints
// `young generation: largest new space N bytes (pid P) node flags F` on
// stdout. What the cap is in a running process cannot be read; its effect
// can. The flags are there for a failure's message.
import { getHeapSpaceStatistics } from 'node:v8';

const newSpaceBytes = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

process.on('SIGUSR2', () => {
  const ring: unknown[] = new Array<unknown>(100_000);
  let largest = newSpaceBytes();
  for (let i = 0; i < 3_000_000; i++) {
    ring[i % ring.length] = { i, pair: [i, i] };
    if (i % 50_000 === 0) largest = Math.max(largest, newSpaceBytes());
  }
  ring.length = 0;
  process.stdout.write(`young generation: largest new space ${largest} bytes (pid ${process.pid}) node flags ${JSON.stringify([...process.execArgv, process.env.NODE_OPTIONS ?? ''])}\n`);
});

export const youngGenerationProbeImport = import.meta.url;
export const YOUNG_GENERATION_LINE = /^young generation: largest new space (\d+) bytes \(pid (\d+)\) node flags (.*)$/;
