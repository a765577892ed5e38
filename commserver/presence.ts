// Presence (the `presence` extension, docs/PROTOCOL.md): who is subscribed to
// each topic across the mesh. This server's own clients are its members (fed
// by the dispatcher's subscription changes and by peers leaving); each
// linked server that understands `presence` sends its own members, in full
// when the link comes up, then as coalesced deltas (MEMBER_DELTA). Watching
// clients get the changes of their topics (MEMBERS) once per interval;
// any client may ask for a topic's members (PRESENCE). A client whose
// connection closed stays a member for the grace period, so that one that
// re-homed (same client id) is never seen leaving. All work happens on
// subscription changes, peers leaving, link admission and the interval
// timer; none on topic messages.
import { LeaveReason, MessageType, type MemberDeltaMessage, type PresenceMessage } from '../shared/codec.js';
import type { Peer, PeerCloseReason } from './peer.js';
import type { CommServerStats } from './stats.js';
import { deltaFrames, membersFrames, presenceErrorFrame, presenceReplyFrames } from './presence-frames.js';
import { MemberTable, PendingChanges, memberKey, type MemberInfo } from './presence-members.js';

export interface PresenceOptions {
  intervalMs: number;
  graceMs: number;
  /** A link closed for silence was silent this long: its members' grace is what is left after it. */
  serverTimeoutMs: number;
  maxPresenceMembers: number;
  maxRemoteMembers: number;
  /** This server's alias (0 before it registered). */
  serverAlias: () => number;
  /** The authenticated server links that announced `presence`. */
  presenceLinks: () => Iterable<Peer>;
  /** Closes a peer for what it sent. */
  reject: (peer: Peer, reason: PeerCloseReason, detail: string) => void;
  /** Counts the frames presence sends (MEMBER_DELTA, MEMBERS, PRESENCE). */
  stats: CommServerStats;
}

/** Where a membership comes from: this server's clients, a link, or grace after a link closed. */
type Source = Peer | typeof LOCAL | typeof GRACED;
const LOCAL = Symbol('local');
const GRACED = Symbol('graced');

interface Graced {
  source: typeof LOCAL | typeof GRACED;
  topic: string;
  key: string;
  /** The closed client whose membership this is (LOCAL only): another peer may have taken the key over since. */
  peer: Peer | undefined;
  until: number;
}

export class Presence {
  readonly #options: PresenceOptions;
  readonly #table: MemberTable<Source>;
  /** Changes for watching clients, and changes of our own members for the links. */
  readonly #events = new PendingChanges('events');
  readonly #delta = new PendingChanges('state');
  /** topic -> clients that asked for its member changes, and the reverse. */
  readonly #watchers = new Map<string, Set<Peer>>();
  readonly #watched = new Map<Peer, Set<string>>();
  /** topic -> key -> the client holding that local membership. */
  readonly #owners = new Map<string, Map<string, Peer>>();
  #graced: Graced[] = [];
  /** A link's full state while its parts arrive: topic -> key -> member. */
  readonly #incomingFull = new Map<Peer, Map<string, Map<string, MemberInfo>>>();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: PresenceOptions) {
    this.#options = options;
    this.#table = new MemberTable<Source>({
      onChange: (topic, key, member, reason) => {
        if (!this.#watchers.has(topic)) return;
        if (reason === undefined) this.#events.joined(topic, key, member);
        else this.#events.left(topic, key, member, reason);
      },
    });
  }

  start(): void {
    this.#timer = setInterval(() => this.#tick(), this.#options.intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /**
   * A client's subscription changed: `topics` is its whole set now, of which
   * it wants member changes of `eventTopics` (those it is subscribed to).
   */
  subscriptionChanged(client: Peer, added: readonly string[], removed: readonly string[], topics: ReadonlySet<string>, eventTopics: readonly string[]): void {
    const member = this.#memberOf(client);
    const key = memberKey(member);
    for (const topic of removed) this.#removeLocal(client, topic, key, LeaveReason.UNSUBSCRIBED);
    for (const topic of added) {
      let owners = this.#owners.get(topic);
      if (owners === undefined) this.#owners.set(topic, (owners = new Map()));
      owners.set(key, client);
      this.#table.set(LOCAL, topic, key, member);
      this.#delta.joined(topic, key, member);
    }
    this.#watch(client, new Set(eventTopics.filter((topic) => topics.has(topic))));
  }

  /**
   * A peer left: a client's memberships are graced (a kicked client's leave
   * at once, as kicked), a link's members leave (after what is left of their
   * grace).
   */
  forget(peer: Peer, topics: readonly string[], reason: PeerCloseReason): void {
    this.#incomingFull.delete(peer);
    if (peer.isServer) {
      this.#dropLink(peer, reason === 'link-timeout' ? this.#options.graceMs - this.#options.serverTimeoutMs : this.#options.graceMs);
      return;
    }
    this.#watch(peer, new Set());
    if (!peer.authenticated) return;
    const key = memberKey(this.#memberOf(peer));
    const until = Date.now() + this.#options.graceMs;
    for (const topic of topics) {
      if (this.#owners.get(topic)?.get(key) !== peer) continue;
      if (reason === 'kicked') this.#removeLocal(peer, topic, key, LeaveReason.KICKED);
      else if (this.#options.graceMs > 0) this.#graced.push({ source: LOCAL, topic, key, peer, until });
      else this.#removeLocal(peer, topic, key, LeaveReason.DISCONNECTED);
    }
  }

  /** A linked server understands `presence` (its AUTH, or its announcement on a link we opened): it gets all our members. */
  linkReady(server: Peer): void {
    const byTopic = new Map<string, MemberInfo[]>();
    for (const { topic, member } of this.#table.entriesOf(LOCAL)) {
      let members = byTopic.get(topic);
      if (members === undefined) byTopic.set(topic, (members = []));
      members.push(this.#stamped(member));
    }
    const changes = [...byTopic].map(([topic, joined]) => ({ topic, joined, left: [] }));
    this.#sendAll([server], MessageType.MEMBER_DELTA, deltaFrames(changes, true));
  }

  /** A client's PRESENCE request; `subscribed`: whether it is subscribed to the topic. */
  request(client: Peer, { requestId, topic }: PresenceMessage, subscribed: boolean): void {
    if (!subscribed) {
      this.#sendAll([client], MessageType.PRESENCE, [presenceErrorFrame(requestId, topic, 'NOT_SUBSCRIBED')]);
      return;
    }
    const { members, truncated } = this.#table.members(topic, this.#options.maxPresenceMembers);
    this.#sendAll([client], MessageType.PRESENCE, presenceReplyFrames(requestId, topic, members.map((member) => this.#stamped(member)), truncated));
  }

  /** A linked server's MEMBER_DELTA: its members that joined and left, or (full) all of them. */
  delta(link: Peer, { full, topics, more }: MemberDeltaMessage): void {
    if (full) {
      let staged = this.#incomingFull.get(link);
      if (staged === undefined) this.#incomingFull.set(link, (staged = new Map()));
      let count = [...staged.values()].reduce((sum, keys) => sum + keys.size, 0);
      for (const { topic, joined } of topics) {
        let keys = staged.get(topic);
        if (keys === undefined) staged.set(topic, (keys = new Map()));
        for (const wire of joined) {
          const member = this.#remoteMember(link, wire);
          if (!keys.has(memberKey(member))) count++;
          keys.set(memberKey(member), member);
        }
      }
      if (count > this.#options.maxRemoteMembers) {
        this.#options.reject(link, 'protocol-error', `more than ${this.#options.maxRemoteMembers} members from one server`);
        return;
      }
      if (more) return;
      this.#incomingFull.delete(link);
      for (const { topic, key } of this.#table.entriesOf(link)) {
        if (!staged.get(topic)?.has(key)) this.#table.delete(link, topic, key, LeaveReason.DISCONNECTED);
      }
      for (const [topic, keys] of staged) for (const [key, member] of keys) this.#table.set(link, topic, key, member);
      return;
    }
    for (const { topic, joined, left } of topics) {
      for (const wire of left) {
        const member = this.#remoteMember(link, wire);
        this.#table.delete(link, topic, memberKey(member), wire.reason || LeaveReason.DISCONNECTED);
      }
      for (const wire of joined) {
        const member = this.#remoteMember(link, wire);
        const key = memberKey(member);
        if (!this.#table.has(link, topic, key) && this.#table.count(link) >= this.#options.maxRemoteMembers) {
          this.#options.reject(link, 'protocol-error', `more than ${this.#options.maxRemoteMembers} members from one server`);
          return;
        }
        this.#table.set(link, topic, key, member);
      }
    }
  }

  #removeLocal(client: Peer, topic: string, key: string, reason: LeaveReason): void {
    const owners = this.#owners.get(topic);
    if (owners?.get(key) !== client) return;
    owners.delete(key);
    if (owners.size === 0) this.#owners.delete(topic);
    const member = this.#memberOf(client);
    this.#table.delete(LOCAL, topic, key, reason);
    this.#delta.left(topic, key, member, reason);
  }

  #dropLink(link: Peer, graceMs: number): void {
    const until = Date.now() + graceMs;
    for (const { topic, key, member } of this.#table.entriesOf(link)) {
      if (graceMs > 0) {
        this.#table.set(GRACED, topic, key, member);
        this.#graced.push({ source: GRACED, topic, key, peer: undefined, until });
      }
      this.#table.delete(link, topic, key, LeaveReason.DISCONNECTED);
    }
  }

  #watch(client: Peer, topics: Set<string>): void {
    const before = this.#watched.get(client);
    for (const topic of before ?? []) {
      if (topics.has(topic)) continue;
      const watchers = this.#watchers.get(topic)!;
      watchers.delete(client);
      if (watchers.size === 0) this.#watchers.delete(topic);
    }
    for (const topic of topics) {
      if (before?.has(topic)) continue;
      let watchers = this.#watchers.get(topic);
      if (watchers === undefined) this.#watchers.set(topic, (watchers = new Set()));
      watchers.add(client);
    }
    if (topics.size === 0) this.#watched.delete(client);
    else this.#watched.set(client, topics);
  }

  #tick(): void {
    if (this.#graced.length > 0) this.#expireGrace(Date.now());
    if (!this.#delta.empty) {
      const frames = deltaFrames(this.#delta.take().map((change) => ({
        topic: change.topic,
        joined: change.joined.map((member) => this.#stamped(member)),
        left: change.left.map(({ member, reason }) => ({ member: this.#stamped(member), reason })),
      })), false);
      this.#sendAll(this.#options.presenceLinks(), MessageType.MEMBER_DELTA, frames);
    }
    if (!this.#events.empty) {
      for (const change of this.#events.take()) {
        const watchers = this.#watchers.get(change.topic);
        if (watchers === undefined) continue;
        const frames = membersFrames([{
          topic: change.topic,
          joined: change.joined.map((member) => this.#stamped(member)),
          left: change.left.map(({ member, reason }) => ({ member: this.#stamped(member), reason })),
        }]);
        this.#sendAll(watchers, MessageType.MEMBERS, frames);
      }
    }
  }

  #sendAll(peers: Iterable<Peer>, type: MessageType, frames: readonly Uint8Array[]): void {
    for (const peer of peers) {
      for (const frame of frames) peer.send('reliable', frame);
      this.#options.stats.sent('reliable', type, frames.length);
    }
  }

  #expireGrace(now: number): void {
    const kept: Graced[] = [];
    for (const graced of this.#graced) {
      if (graced.until > now) kept.push(graced);
      else if (graced.source === GRACED) this.#table.delete(GRACED, graced.topic, graced.key, LeaveReason.DISCONNECTED);
      else this.#removeLocal(graced.peer!, graced.topic, graced.key, LeaveReason.DISCONNECTED);
    }
    this.#graced = kept;
  }

  /** A local client as a member; its server alias is filled in when sent (this server may not be registered yet). */
  #memberOf(client: Peer): MemberInfo {
    return { alias: client.alias, identity: client.identity, serverAlias: LOCAL_SERVER, clientId: client.clientId };
  }

  #stamped(member: MemberInfo): MemberInfo {
    return member.serverAlias === LOCAL_SERVER ? { ...member, serverAlias: this.#options.serverAlias() } : member;
  }

  /** A member as a link told it: of that server, whatever alias it claims. */
  #remoteMember(link: Peer, wire: { alias: number; identity: Uint8Array; clientId: Uint8Array }): MemberInfo {
    return { alias: wire.alias, identity: wire.identity, serverAlias: link.alias, clientId: wire.clientId };
  }
}

/** Stands for this server's alias in local members (aliases start at 1). */
const LOCAL_SERVER = 0;
