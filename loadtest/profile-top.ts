// The functions with the most self time in a V8 CPU profile (.cpuprofile,
// from `broker loadtest ... --server-cpu-prof DIR`): what to optimise first.
//
//   node dist/loadtest/profile-top.js FILE.cpuprofile [--top 25]
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  location: string;
  ms: number;
}

const IDLE = '(idle)';

/** Self time per function (name and source line), summed over its nodes, largest first. */
export function selfTimes(profile: CpuProfile, root = process.cwd()): SelfTime[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, SelfTime>();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const name = functionName || '(anonymous)';
    const file = url.startsWith('file://') ? relative(root, new URL(url).pathname) : url;
    const location = file ? `${file}:${lineNumber + 1}` : '';
    const key = `${name} ${location}`;
    const entry = totals.get(key) ?? { name, location, ms: 0 };
    entry.ms += (profile.timeDeltas[i] ?? 0) / 1000;
    totals.set(key, entry);
  });
  return [...totals.values()].sort((a, b) => b.ms - a.ms);
}

/** A Markdown table of the top functions, as shares of the busy (non-idle) time. */
export function topTable(times: SelfTime[], top: number): string {
  const busy = times.filter((time) => time.name !== IDLE);
  const busyMs = busy.reduce((total, time) => total + time.ms, 0);
  const idleMs = times.find((time) => time.name === IDLE)?.ms ?? 0;
  return [
    `busy ${(busyMs / 1000).toFixed(1)} s, idle ${(idleMs / 1000).toFixed(1)} s`,
    '',
    '| self ms | % of busy | function | location |',
    '|---:|---:|---|---|',
    ...busy.slice(0, top).map((time) => `| ${time.ms.toFixed(0)} | ${((time.ms / busyMs) * 100).toFixed(1)} | \`${time.name}\` | ${time.location} |`),
  ].join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
  if (positionals.length !== 1) throw new Error('usage: profile-top FILE.cpuprofile [--top N]');
  const profile = JSON.parse(await readFile(positionals[0], 'utf8')) as CpuProfile;
  process.stdout.write(topTable(selfTimes(profile), Number(values.top)));
}
