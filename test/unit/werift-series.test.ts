// The werift fix series (patches/werift/): `scripts/werift.js check` applies
// it to a werift package and reports which patches no longer apply; the build
// applies the same series, so dist/werift/index.mjs is the series applied to
// the published bundle in node_modules.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(root, 'scripts', 'werift.js');
const published = join(root, 'node_modules', 'werift');
const run = promisify(execFile);

async function check(packageDir: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [script, 'check', packageDir]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

test('every patch of the series applies to the werift we build from', async () => {
  const { code, stdout } = await check(published);
  const series = (await readdir(join(root, 'patches', 'werift'))).filter((name) => name.endsWith('.patch'));
  assert.equal(code, 0, stdout);
  assert.equal(stdout.match(/^ {2}applies {2}/gm)?.length, series.length, stdout);
  assert.match(stdout, /every patch applies/);
});

test('check names the patches that no longer apply and applies the rest', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'werift-check-'));
  try {
    // A "new werift" in which addIceCandidate's test changed and the code
    // moved down by 3 lines.
    await cp(join(published, 'package.json'), join(dir, 'package.json'));
    const bundle = await readFile(join(published, 'lib', 'index.mjs'), 'utf8');
    const line = '    if (!this.remoteDescription || !this.sdpManager._remoteDescription) {\n';
    assert.ok(bundle.includes(line));
    await mkdir(join(dir, 'lib'));
    await writeFile(join(dir, 'lib', 'index.mjs'), '// a\n// b\n// c\n' + bundle.replace(line, '    if (!this.remoteDescription) {\n'));
    const { code, stdout } = await check(dir);
    assert.equal(code, 1, stdout);
    assert.deepEqual(stdout.match(/^ {2}FAILS {4}[^:]+/gm), ['  FAILS    20-candidate-sdp.patch'], stdout);
    assert.match(stdout, /applies {2}30-t3-backoff\.patch \(\+3 lines from where the patch says\)/);
    assert.match(stdout, /1 patches no longer apply/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
