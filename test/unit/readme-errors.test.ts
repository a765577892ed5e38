// The README's list of client error codes is every code the client can
// throw: BrokerClientErrorCode (client/errors.ts) and TopicNameError's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

test("the README's error list names every code of BrokerClientError and TopicNameError", () => {
  const union = /export type BrokerClientErrorCode =([^;]+);/.exec(read('client/errors.ts'))?.[1];
  assert.ok(union, 'client/errors.ts declares BrokerClientErrorCode');
  const codes = [...union.matchAll(/\|\s*'([A-Z_]+)'/g)].map(([, code]) => code!);
  const topic = /class TopicNameError extends BrokerError<'([A-Z_]+)'>/.exec(read('shared/subscription.ts'))?.[1];
  assert.ok(topic, 'shared/subscription.ts declares TopicNameError');
  assert.ok(codes.length >= 10, codes.join(', '));
  const readme = read('README.md');
  const list = readme.slice(readme.indexOf('Errors are `BrokerClientError`'), readme.indexOf('\n\n', readme.indexOf('Errors are `BrokerClientError`')));
  assert.ok(list.length > 0, 'README.md has the error list ("Errors are `BrokerClientError` ...")');
  assert.deepEqual([...codes, topic].filter((code) => !list.includes(`\`${code}\``)), [], 'codes missing from the README');
});
