// Kicks and bans at the coordinator (the admin API's POST /v1/kick,
// docs/OPERATIONS.md). A client is kicked through the comm server the
// coordinator gave it; an identity through every comm server. Each server
// that listed the `moderation` extension on /discover gets a KICK and answers
// with KICKED (what it closed); the original's servers never get one. A ban
// holds an identity off this coordinator (/connect) and off every comm
// server (AUTH) until it expires; a server that registers later gets the
// bans in force.
import { Bans } from '../shared/bans.js';
import { Kick, MODERATION_EXTENSION, MessageType, Role, type KickedMessage } from '../shared/codec.js';
import type { Logger } from '../shared/log.js';
import type { RegisteredPeer, Registry } from './registry.js';

/** Kick the client with `alias`, or every client of `identity`; `banMs`: ban the identity too (the kicked client's, by alias). */
export type KickRequest = ({ alias: number } | { identity: Uint8Array }) & { banMs?: number };

export interface KickResult {
  /** `done`, or why nothing was done. */
  outcome: 'done' | 'no-such-client' | 'unsupported' | 'no-answer' | 'bans-full';
  /** Clients each comm server closed. */
  servers: Array<{ server: number; closed: number }>;
  /** Comm servers that did not answer within kickTimeoutMs. */
  unanswered: number[];
  /** Comm servers without the moderation extension, which were not asked. */
  unsupported: number[];
  /** The identity kicked, or the kicked client's (empty: it had none). */
  identity: Uint8Array;
  /** When the identity's ban ends (Unix ms), if it was banned. */
  bannedUntil?: number;
}

export interface ModerationOptions {
  registry: Registry;
  maxBans: number;
  kickTimeoutMs: number;
  logger: Logger;
}

interface Waiting {
  server: number;
  answer: (kicked: KickedMessage | undefined) => void;
}

const EMPTY = new Uint8Array(0);

export class Moderation {
  readonly #options: ModerationOptions;
  readonly #bans: Bans;
  /** KICKs waiting for their KICKED, by request id. */
  readonly #waiting = new Map<number, Waiting>();
  #nextRequestId = 1;
  #kicks = 0;

  constructor(options: ModerationOptions) {
    this.#options = options;
    this.#bans = new Bans({ maxBans: options.maxBans });
  }

  /** Kicks asked for (through the admin API), since the start. */
  get kicks(): number {
    return this.#kicks;
  }

  /** Identities banned at the moment. */
  get bans(): number {
    return this.#bans.size;
  }

  isBanned(identity: Uint8Array): boolean {
    return this.#bans.bannedUntil(identity) !== undefined;
  }

  async kick(request: KickRequest): Promise<KickResult> {
    this.#kicks++;
    const banMs = request.banMs ?? 0;
    const result = 'alias' in request ? await this.#kickClient(request.alias, banMs) : await this.#kickIdentity(request.identity, banMs);
    this.#options.logger.info({
      alias: 'alias' in request ? request.alias : undefined, outcome: result.outcome, servers: result.servers, banMs: banMs || undefined,
    }, 'kick');
    return result;
  }

  /** A comm server's KICKED. */
  answered(server: RegisteredPeer, kicked: KickedMessage): void {
    const waiting = this.#waiting.get(kicked.requestId);
    if (waiting === undefined || waiting.server !== server.alias) return;
    waiting.answer(kicked);
  }

  /** A comm server registered: it gets the bans in force. */
  serverRegistered(server: RegisteredPeer): void {
    if (!supports(server)) return;
    for (const { identity, remainingMs } of this.#bans.active()) {
      server.socket.send(Kick.encode({ type: MessageType.KICK, identity, banMs: remainingMs }));
    }
  }

  /** A comm server left: its answers will not come. */
  serverRemoved(alias: number): void {
    for (const waiting of [...this.#waiting.values()]) if (waiting.server === alias) waiting.answer(undefined);
  }

  close(): void {
    for (const waiting of [...this.#waiting.values()]) waiting.answer(undefined);
  }

  async #kickClient(alias: number, banMs: number): Promise<KickResult> {
    const { registry } = this.#options;
    const client = registry.get(alias);
    const server = client?.role === Role.CLIENT && client.server !== undefined ? registry.get(client.server) : undefined;
    const result: KickResult = { outcome: 'done', servers: [], unanswered: [], unsupported: [], identity: client?.identity ?? EMPTY };
    if (server === undefined) return { ...result, outcome: 'no-such-client' };
    if (!supports(server)) return { ...result, outcome: 'unsupported', unsupported: [server.alias] };
    if (banMs > 0 && !this.#bans.hasRoomFor(client?.identity?.length ? client.identity : undefined)) return { ...result, outcome: 'bans-full' };
    const kicked = await this.#ask(server, { alias });
    if (kicked === undefined) return { ...result, outcome: 'no-answer', unanswered: [server.alias] };
    if (kicked.closed === 0) return { ...result, outcome: 'no-such-client' };
    result.servers.push({ server: server.alias, closed: kicked.closed });
    // The coordinator knows the identity it put in the client's token; otherwise the server's (from its AUTH).
    if (result.identity.length === 0) result.identity = kicked.identity;
    if (banMs === 0 || result.identity.length === 0) return result;
    const banned = await this.#kickIdentity(result.identity, banMs);
    return { ...banned, servers: merged(result.servers, banned.servers), outcome: banned.outcome === 'bans-full' ? 'bans-full' : 'done' };
  }

  async #kickIdentity(identity: Uint8Array, banMs: number): Promise<KickResult> {
    const result: KickResult = { outcome: 'done', servers: [], unanswered: [], unsupported: [], identity };
    if (banMs > 0) {
      const until = this.#bans.ban(identity, banMs);
      if (until === undefined) return { ...result, outcome: 'bans-full' };
      result.bannedUntil = until;
    }
    const servers = this.#options.registry.servers();
    const asked = servers.filter(supports);
    result.unsupported = servers.filter((server) => !supports(server)).map((server) => server.alias);
    const answers = await Promise.all(asked.map((server) => this.#ask(server, { identity, banMs })));
    answers.forEach((kicked, i) => {
      const server = asked[i]!.alias;
      if (kicked === undefined) result.unanswered.push(server);
      else result.servers.push({ server, closed: kicked.closed });
    });
    return result;
  }

  /** Sends a KICK to `server`; resolves with its KICKED, or undefined after kickTimeoutMs or if it leaves. */
  #ask(server: RegisteredPeer, kick: { alias?: number; identity?: Uint8Array; banMs?: number }): Promise<KickedMessage | undefined> {
    const requestId = this.#nextRequestId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => answer(undefined), this.#options.kickTimeoutMs);
      const answer = (kicked: KickedMessage | undefined) => {
        clearTimeout(timer);
        this.#waiting.delete(requestId);
        resolve(kicked);
      };
      this.#waiting.set(requestId, { server: server.alias, answer });
      server.socket.send(Kick.encode({ type: MessageType.KICK, requestId, ...kick }));
    });
  }
}

function supports(server: RegisteredPeer): boolean {
  return server.extensions?.has(MODERATION_EXTENSION) ?? false;
}

/** Closed counts of the same server added up. */
function merged(...lists: Array<Array<{ server: number; closed: number }>>): Array<{ server: number; closed: number }> {
  const counts = new Map<number, number>();
  for (const { server, closed } of lists.flat()) counts.set(server, (counts.get(server) ?? 0) + closed);
  return [...counts].map(([server, closed]) => ({ server, closed }));
}
