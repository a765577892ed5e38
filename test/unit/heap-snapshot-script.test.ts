// scripts/heap-snapshot.js: per-client figures from two heap snapshots of a
// process that holds 100 and then 500 of an object.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(root, 'scripts', 'heap-snapshot.js');
const run = promisify(execFile);

// Each Probe owns an array of 64 numbers: a JSArray and its backing store.
const PROGRAM = `
const { writeHeapSnapshot } = require('node:v8');
class Probe { constructor() { this.values = Array.from({ length: 64 }, (_, i) => i + 0.5); } }
const kept = [];
for (const [count, file] of [[100, process.argv[1]], [500, process.argv[2]]]) {
  while (kept.length < count) kept.push(new Probe());
  writeHeapSnapshot(file);
}`;

/** Rows of one of the script's Markdown tables: name -> numeric cells. */
function rows(table: string): Map<string, number[]> {
  const result = new Map<string, number[]>();
  for (const line of table.split('\n').slice(2)) {
    const cells = line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, ''));
    result.set(cells[0]!, cells.slice(1).map(Number));
  }
  return result;
}

test('diff gives the instances and bytes each added object costs, by constructor and by owner', { timeout: 60_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'heap-snapshot-'));
  try {
    const [small, large] = [join(dir, '100.heapsnapshot'), join(dir, '500.heapsnapshot')];
    await run(process.execPath, ['-e', PROGRAM, small, large]);
    const diff = async (...extra: string[]) =>
      rows((await run(process.execPath, [script, 'diff', small, large, '--clients', '100,500', ...extra])).stdout);

    const byName = await diff();
    const [instances, self, retained] = byName.get('Probe')!;
    assert.equal(instances, 1, 'one Probe per added client');
    assert.ok(self! > 0 && self! < 100, `a Probe's own bytes: ${self}`);
    assert.ok(retained! > 64 * 8, `a Probe retains its array of 64 doubles: ${retained}`);

    const byOwner = await diff('--by', 'owner');
    const [, owned] = byOwner.get('Probe')!;
    assert.ok(Math.abs(owned! - retained!) < 16, `by owner, a Probe counts what it alone holds: ${owned} vs retained ${retained}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
