// The progress line of `broker loadtest` on stderr: in place on a terminal,
// a line at most every interval elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressDisplay } from '../../loadtest/progress.js';
import type { RunProgress } from '../../loadtest/run.js';

const measuring = (measuredSeconds: number): RunProgress => ({
  phase: 'measuring', clients: 4, connected: 4, sent: 100, delivered: 300, measuredSeconds,
});

function capture(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) > 0 } };
}

test('without a terminal, a progress line at most every interval, each on its own line', () => {
  const { written, stream } = capture(false);
  let clockMs = 0;
  const display = progressDisplay(stream, { intervalSeconds: 5, now: () => clockMs });
  for (let tick = 0; tick <= 48; tick++) {
    clockMs = tick * 250;
    display.update(measuring(tick / 4));
  }
  display.done();
  assert.deepEqual(written.map((line) => /t (\S+) s/.exec(line)?.[1]), ['0.0', '5.0', '10.0']);
  for (const line of written) {
    assert.match(line, /^measuring\s+clients 4\/4 .*delivered 300/);
    assert.ok(line.endsWith('\n') && !line.includes('\r'), JSON.stringify(line));
  }
});

test('without a terminal, interval 0 writes nothing', () => {
  const { written, stream } = capture(false);
  const display = progressDisplay(stream, { intervalSeconds: 0, now: () => 0 });
  display.update(measuring(1));
  display.done();
  assert.deepEqual(written, []);
});

test('on a terminal, every update rewrites the line in place, cleared at the end', () => {
  const { written, stream } = capture(true);
  const display = progressDisplay(stream, { now: () => 0 });
  display.update(measuring(1));
  display.update(measuring(1.25));
  display.done();
  assert.equal(written.length, 3);
  assert.ok(written.slice(0, 2).every((text) => text.startsWith('\r\x1b[2K') && !text.includes('\n')));
  assert.equal(written[2], '\r\x1b[2K');
});
