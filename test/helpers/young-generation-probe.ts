// `node --import <this module>`: on SIGUSR2 the process allocates objects
// that survive young collections (a ring of 100,000 recent ones), which makes
// V8 grow its young generation to the cap it got at start, then prints
// `young generation: new space N bytes (pid P) node flags F` on stdout, N
// being the size the new space held in most samples. Not the largest: V8 13
// (Node 24) briefly grows it past the cap while pages pinned by a scavenge
// wait to be released (seen: 17.25 MiB in one sample of sixty with a 4 MiB
// semi-space). What the cap is in a running process cannot be read; its
// effect can. The flags are there for a failure's message.
import { getHeapSpaceStatistics } from 'node:v8';

const newSpaceBytes = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

process.on('SIGUSR2', () => {
  const ring: unknown[] = new Array<unknown>(100_000);
  const samples = new Map<number, number>();
  for (let i = 0; i < 3_000_000; i++) {
    ring[i % ring.length] = { i, pair: [i, i] };
    if (i % 50_000 === 0) {
      const bytes = newSpaceBytes();
      samples.set(bytes, (samples.get(bytes) ?? 0) + 1);
    }
  }
  ring.length = 0;
  const [settled] = [...samples].reduce((most, entry) => (entry[1] > most[1] ? entry : most));
  process.stdout.write(`young generation: new space ${settled} bytes (pid ${process.pid}) node flags ${JSON.stringify([...process.execArgv, process.env.NODE_OPTIONS ?? ''])}\n`);
});

export const youngGenerationProbeImport = import.meta.url;
export const YOUNG_GENERATION_LINE = /^young generation: new space (\d+) bytes \(pid (\d+)\) node flags (.*)$/;
