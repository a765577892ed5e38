// Our werift fixes as a series of patches (patches/werift/NN-name.patch),
// applied in file-name order to werift's ES module bundle, lib/index.mjs.
//
//   node scripts/werift.js build        writes dist/werift/index.mjs (and its
//                                       LICENSE) from node_modules/werift; fails
//                                       if a patch does not apply exactly
//   node scripts/werift.js build --published   the same without any patch, to
//                                       measure the published werift (then
//                                       `npx tsc -p tsconfig.json`, no rebuild)
//   node scripts/werift.js check DIR    re-applies the series to the werift
//                                       package in DIR (an unpacked tarball or a
//                                       node_modules/werift) and reports which
//                                       patches apply, move, or no longer apply
//   node scripts/werift.js check VERSION  the same for werift@VERSION, fetched
//                                       with `npm pack` into a temporary folder
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seriesDir = join(root, 'patches', 'werift');

export function seriesFiles() {
  return readdirSync(seriesDir).filter((name) => /^\d+-.+\.patch$/.test(name)).sort();
}

/** Hunks of a unified diff: each the old lines (context and removed) and the new lines (context and added). */
export function parsePatch(text) {
  const hunks = [];
  let hunk;
  for (const line of text.split('\n')) {
    const header = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line);
    if (header) {
      hunk = { oldStart: Number(header[1]), old: [], new: [] };
      hunks.push(hunk);
    } else if (hunk && line.startsWith(' ')) {
      hunk.old.push(line.slice(1));
      hunk.new.push(line.slice(1));
    } else if (hunk && line.startsWith('-')) {
      hunk.old.push(line.slice(1));
    } else if (hunk && line.startsWith('+')) {
      hunk.new.push(line.slice(1));
    } else if (line.startsWith('\\')) {
      // "\ No newline at end of file": the bundle ends with one.
    } else {
      hunk = undefined; // text after the hunks (or the description before them)
    }
  }
  return hunks;
}

function matchesAt(lines, block, at) {
  if (at < 0 || at + block.length > lines.length) return false;
  for (let i = 0; i < block.length; i++) if (lines[at + i] !== block[i]) return false;
  return true;
}

/**
 * Applies a unified diff with exact context (no fuzz); a hunk may have moved
 * (the nearest match to its expected line is taken). Returns the new text and
 * how far the first hunk moved, or the first hunk that does not apply.
 */
export function applyPatch(text, patchText) {
  const lines = text.split('\n');
  let delta = 0;
  let offset = 0;
  const hunks = parsePatch(patchText);
  if (hunks.length === 0) return { ok: false, hunk: 0, hunks: 0, reason: 'no hunks' };
  for (const [index, hunk] of hunks.entries()) {
    const expected = hunk.oldStart - 1 + delta;
    let at = -1;
    for (let distance = 0; distance < lines.length; distance++) {
      if (matchesAt(lines, hunk.old, expected - distance)) { at = expected - distance; break; }
      if (matchesAt(lines, hunk.old, expected + distance)) { at = expected + distance; break; }
    }
    if (at < 0) return { ok: false, hunk: index + 1, hunks: hunks.length, line: hunk.oldStart };
    if (index === 0) offset = at - (hunk.oldStart - 1);
    lines.splice(at, hunk.old.length, ...hunk.new);
    delta = at - (hunk.oldStart - 1) + hunk.new.length - hunk.old.length;
  }
  return { ok: true, text: lines.join('\n'), hunks: hunks.length, offset };
}

function readWerift(packageDir) {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  return { version: pkg.version, bundle: readFileSync(join(packageDir, 'lib', 'index.mjs'), 'utf8') };
}

function build({ published }) {
  const { version, bundle } = readWerift(join(root, 'node_modules', 'werift'));
  let text = bundle;
  for (const name of published ? [] : seriesFiles()) {
    const result = applyPatch(text, readFileSync(join(seriesDir, name), 'utf8'));
    if (!result.ok) {
      process.stderr.write(`patches/werift/${name}: hunk ${result.hunk} of ${result.hunks} does not apply to werift ${version}'s lib/index.mjs\n`);
      process.exit(1);
    }
    text = result.text;
  }
  const outDir = join(root, 'dist', 'werift');
  mkdirSync(outDir, { recursive: true });
  const banner = published
    ? `// werift ${version} lib/index.mjs as published (MIT, see LICENSE beside this file), without our fixes.\n`
    : `// werift ${version} lib/index.mjs (MIT, see LICENSE beside this file) with\n` +
      `// webrtc-broker's fixes applied: patches/werift/ in the repository.\n`;
  writeFileSync(join(outDir, 'index.mjs'), banner + text);
  writeFileSync(join(outDir, 'LICENSE'), readFileSync(join(seriesDir, 'LICENSE')));
  // Types for our own compilation (werift is a dev dependency); nothing the
  // package exports refers to them.
  writeFileSync(join(outDir, 'index.d.ts'), "export * from 'werift';\n");
}

function check(target) {
  let packageDir = resolve(target);
  let scratch;
  if (!existsSync(join(packageDir, 'package.json'))) {
    scratch = mkdtempSync(join(tmpdir(), 'werift-'));
    const tarball = execFileSync('npm', ['pack', `werift@${target}`, '--silent'], { cwd: scratch, encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', tarball], { cwd: scratch });
    packageDir = join(scratch, 'package');
  }
  try {
    const { version, bundle } = readWerift(packageDir);
    let text = bundle;
    let failed = 0;
    process.stdout.write(`werift ${version}, lib/index.mjs\n`);
    for (const name of seriesFiles()) {
      const result = applyPatch(text, readFileSync(join(seriesDir, name), 'utf8'));
      if (result.ok) {
        text = result.text;
        process.stdout.write(`  applies  ${name}${result.offset ? ` (${result.offset > 0 ? '+' : ''}${result.offset} lines from where the patch says)` : ''}\n`);
      } else {
        failed++;
        process.stdout.write(`  FAILS    ${name}: hunk ${result.hunk} of ${result.hunks} (at line ${result.line} in werift 0.24.4) has no exact match\n`);
      }
    }
    process.stdout.write(failed ? `${failed} patches no longer apply (later ones were tried on top of the rest)\n` : 'every patch applies\n');
    process.exitCode = failed ? 1 : 0;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, target] = process.argv.slice(2);
  if (command === 'build' && (target === undefined || target === '--published')) build({ published: target === '--published' });
  else if (command === 'check' && target) check(target);
  else {
    process.stderr.write('usage: node scripts/werift.js build [--published] | check <werift package folder or version>\n');
    process.exit(2);
  }
}
