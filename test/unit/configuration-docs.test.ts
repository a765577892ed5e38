// docs/CONFIGURATION.md documents every limit and load-test threshold with its default, and the options broker cluster passes on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { natsOptions } from '../../cli/nats-options.js';
import { DEFAULT_PROGRESS_INTERVAL_SECONDS } from '../../loadtest/progress.js';
import { THRESHOLDS } from '../../loadtest/thresholds.js';
import { commServerLimitSpec, coordinatorLimitSpec } from '../../shared/config.js';

const docs = readFileSync(new URL('../../../docs/CONFIGURATION.md', import.meta.url), 'utf8');
const kebab = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

for (const [component, spec] of Object.entries({ coordinator: coordinatorLimitSpec, commserver: commServerLimitSpec })) {
  test(`every ${component} limit is documented with its default`, () => {
    for (const [key, { default: value }] of Object.entries(spec)) {
      assert.match(docs, new RegExp(`\\| \`--${kebab(key)}\` \\| ${value} \\|`), `--${kebab(key)} (default ${value}) missing from docs/CONFIGURATION.md`);
    }
  });
}

test('broker cluster documents --coordinators and every NATS option it passes to its coordinators', () => {
  const start = docs.indexOf('## `broker cluster`');
  const section = docs.slice(start, docs.indexOf('\n## ', start + 1));
  for (const flag of ['coordinators', ...Object.keys(natsOptions)]) {
    assert.match(section, new RegExp(`^\\| [^|]*\`--${flag}\``, 'm'), `--${flag} missing from the broker cluster table of docs/CONFIGURATION.md`);
  }
});

test('every loadtest threshold and the progress interval are documented with their defaults', () => {
  for (const { flag } of THRESHOLDS) assert.match(docs, new RegExp(`\\| \`--${flag}\` \\| none \\|`), `--${flag} missing from docs/CONFIGURATION.md`);
  assert.match(docs, new RegExp(`\\| \`--progress-interval\` \\| ${DEFAULT_PROGRESS_INTERVAL_SECONDS} \\|`));
});
