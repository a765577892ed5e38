// broker-fix(dcep-unordered): the DATA_CHANNEL_OPEN of a werift-created
// partially reliable unordered channel carries the unordered bit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectPair } from './helpers.js';

test('libwebrtc sees our unreliable channel as unordered with maxRetransmits 0', { timeout: 15_000 }, async () => {
  const pair = await connectPair('werift', 'wrtc', { unreliable: { ordered: false, maxRetransmits: 0 } });
  try {
    const { answerer } = pair.channels.get('unreliable')!;
    assert.equal(answerer.ordered, false);
    assert.equal(answerer.maxRetransmits, 0);
  } finally {
    await pair.close();
  }
});
