// Unit level: werift's SCTP association, driven with INIT and DATA chunks,
// acknowledges TSNs across the 2^32 wrap (broker-fix tsn-order,
// tsn-minus-one). The association class and the chunk classes are not
// exported by werift, so they are taken from a live connection.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHUNK_DATA, CHUNK_SACK, DATA_FLAG_UNORDERED, connectPair, observeSentChunks, sctpAssociation, type SctpChunk } from './helpers.js';

const FIRST_AND_LAST_FRAGMENT = 0x03;
const DATA_PPID_BINARY = 53;

interface DataChunk extends SctpChunk {
  streamId: number;
  streamSeqNum: number;
  protocol: number;
  userData: Buffer;
}

interface SackChunk extends SctpChunk {
  cumulativeTsn: number;
  gaps: [number, number][];
}

interface InitChunk extends SctpChunk {
  initiateTag: number;
  advertisedRwnd: number;
  outboundStreams: number;
  inboundStreams: number;
  initialTsn: number;
  params: [number, Buffer][];
}

interface Association {
  sendChunk(chunk: SctpChunk): Promise<void>;
  receiveChunk(chunk: SctpChunk): Promise<void>;
  sendSack(): Promise<void>;
  start(remotePort: number): Promise<void>;
  stop(): Promise<void>;
}

interface AssociationClass {
  client(transport: unknown): Association;
  server(transport: unknown): Association;
}

type ChunkClass<T> = new (flags: number, body: Buffer | undefined) => T;

interface Classes {
  Association: AssociationClass;
  DataChunk: ChunkClass<DataChunk>;
  InitChunk: ChunkClass<InitChunk>;
}

const detachedTransport = (): { send(): Promise<void> } => ({ send: async () => {} });

async function weriftSctpClasses(): Promise<Classes> {
  const pair = await connectPair('werift', 'werift', { reliable: {} });
  try {
    const pc = pair.offererPc!;
    const Association = sctpAssociation(pc).constructor as unknown as AssociationClass;
    const sentData = new Promise<SctpChunk>((resolve) =>
      observeSentChunks(pc, (chunk) => chunk.type === CHUNK_DATA && resolve(chunk)),
    );
    pair.channels.get('reliable')!.offerer.send(Buffer.from('x'));
    const DataChunk = (await sentData).constructor as ChunkClass<DataChunk>;

    const client = Association.client(detachedTransport());
    const sentInit = new Promise<SctpChunk>((resolve) => (client.sendChunk = async (chunk) => resolve(chunk)));
    await client.start(5000);
    const InitChunk = (await sentInit).constructor as ChunkClass<InitChunk>;
    await client.stop();
    return { Association, DataChunk, InitChunk };
  } finally {
    await pair.close();
  }
}

/** A server association that got an INIT with `initialTsn`; records its SACKs. */
async function receiverFrom(classes: Classes, initialTsn: number): Promise<{ association: Association; sacks: SackChunk[] }> {
  const association = classes.Association.server(detachedTransport());
  const sacks: SackChunk[] = [];
  association.sendChunk = async (chunk) => {
    if (chunk.type === CHUNK_SACK) sacks.push(chunk as SackChunk);
  };
  const init = new classes.InitChunk(0, undefined);
  Object.assign(init, {
    initiateTag: 1,
    advertisedRwnd: 1 << 20,
    outboundStreams: 16,
    inboundStreams: 16,
    initialTsn,
    params: [],
  });
  await association.receiveChunk(init);
  return { association, sacks };
}

async function deliver(classes: Classes, association: Association, tsns: number[]): Promise<void> {
  for (const tsn of tsns) {
    const chunk = new classes.DataChunk(0, undefined);
    Object.assign(chunk, {
      flags: FIRST_AND_LAST_FRAGMENT | DATA_FLAG_UNORDERED,
      tsn,
      streamId: 1,
      streamSeqNum: 0,
      protocol: DATA_PPID_BINARY,
      userData: Buffer.from([tsn & 0xff]),
    });
    await association.receiveChunk(chunk);
  }
  await association.sendSack();
}

function lastSack(sacks: SackChunk[]): { cumulativeTsn: number; gaps: [number, number][] } {
  const sack = sacks.at(-1)!;
  return { cumulativeTsn: sack.cumulativeTsn, gaps: sack.gaps };
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: ((to - from) >>> 0) + 1 }, (_, i) => (from + i) >>> 0);

test('SCTP SACKs across the 2^32 TSN wrap', { timeout: 20_000 }, async (t) => {
  const classes = await weriftSctpClasses();

  await t.test('out-of-order TSNs around 0xFFFFFFF0..0x05', async () => {
    const { association, sacks } = await receiverFrom(classes, 0xfffffff0);
    try {
      // 0xfffffff2, 0xfffffff3 and 0x02 are missing.
      await deliver(classes, association, [0xfffffff0, 0xfffffff1, ...range(0xfffffff4, 0x01), ...range(0x03, 0x05)]);
      assert.deepEqual(lastSack(sacks), {
        cumulativeTsn: 0xfffffff1,
        gaps: [
          [3, 16],
          [18, 20],
        ],
      });
      await deliver(classes, association, [0xfffffff3, 0xfffffff2]);
      assert.deepEqual(lastSack(sacks), { cumulativeTsn: 0x01, gaps: [[2, 4]] });
      await deliver(classes, association, [0x02]);
      assert.deepEqual(lastSack(sacks), { cumulativeTsn: 0x05, gaps: [] });
    } finally {
      await association.stop();
    }
  });

  await t.test('initial TSN 0: the cumulative TSN before it is 0xFFFFFFFF', async () => {
    const { association, sacks } = await receiverFrom(classes, 0);
    try {
      await deliver(classes, association, [1]);
      assert.deepEqual(lastSack(sacks), { cumulativeTsn: 0xffffffff, gaps: [[2, 2]] });
      await deliver(classes, association, [0]);
      assert.deepEqual(lastSack(sacks), { cumulativeTsn: 1, gaps: [] });
    } finally {
      await association.stop();
    }
  });
});
