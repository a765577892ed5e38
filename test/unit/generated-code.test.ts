// The static protobuf code in shared/proto/ must be what scripts/gen-proto.js
// makes from proto/broker.proto today: regenerate it elsewhere and compare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root: this file runs as dist/test/unit/generated-code.test.js. */
function repoRoot(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  assert.ok(existsSync(join(root, 'proto', 'broker.proto')), `no proto/broker.proto under ${root}: is the test running from dist/test/unit/?`);
  return root;
}

test('shared/proto/ is up to date with proto/broker.proto', { timeout: 60_000 }, async () => {
  const root = repoRoot();
  const out = await mkdtemp(join(tmpdir(), 'broker-proto-'));
  try {
    await run(process.execPath, [join(root, 'scripts', 'gen-proto.js'), '--out', out], { cwd: root });
    for (const file of ['broker.js', 'broker.d.ts']) {
      const fresh = await readFile(join(out, file));
      const committed = await readFile(join(root, 'shared', 'proto', file));
      assert.ok(fresh.length > 0, `the generator wrote an empty ${file}`);
      assert.ok(
        fresh.equals(committed),
        `shared/proto/${file} is stale (it differs from what proto/broker.proto generates): run \`npm run proto\` and commit the result`,
      );
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
