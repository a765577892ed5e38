// Per-topic permissions of a client (docs/CONFIGURATION.md, "Security"):
// the topics it may publish to and subscribe to, carried as claims by its
// client token or JWT. A pattern is a topic name, or a prefix followed by
// `*` that matches every topic starting with it (`rooms.*`, `*` for all); a
// `*` anywhere else is part of the name. Without a claim, that direction is
// unrestricted; an empty list allows nothing.

/** The claim listing the topic patterns a client may publish to. */
export const PUBLISH_TOPICS_CLAIM = 'publish_topics';
/** The claim listing the topic patterns a client may subscribe to. */
export const SUBSCRIBE_TOPICS_CLAIM = 'subscribe_topics';

/** Patterns in one claim at most, and the longest pattern: bounds on what a token makes a server hold. */
export const MAX_TOPIC_PATTERNS = 256;
export const MAX_TOPIC_PATTERN_LENGTH = 256;

export interface TopicPermissions {
  /** Patterns of the topics the client may publish to; undefined: any. */
  publish?: readonly string[];
  /** Patterns of the topics the client may subscribe to; undefined: any. */
  subscribe?: readonly string[];
}

/** A list of patterns, compiled for matching. */
export class TopicPatterns {
  readonly #exact: ReadonlySet<string>;
  readonly #prefixes: readonly string[];

  constructor(patterns: readonly string[]) {
    this.#exact = new Set(patterns.filter((pattern) => !pattern.endsWith('*')));
    this.#prefixes = patterns.filter((pattern) => pattern.endsWith('*')).map((pattern) => pattern.slice(0, -1));
  }

  allows(topic: string): boolean {
    if (this.#exact.has(topic)) return true;
    for (const prefix of this.#prefixes) if (topic.startsWith(prefix)) return true;
    return false;
  }
}

/** What a client may do, as a comm server checks it; `undefined` patterns allow everything. */
export class TopicRules {
  readonly publish: TopicPatterns | undefined;
  readonly subscribe: TopicPatterns | undefined;

  constructor(permissions: TopicPermissions) {
    this.publish = permissions.publish && new TopicPatterns(permissions.publish);
    this.subscribe = permissions.subscribe && new TopicPatterns(permissions.subscribe);
  }

  mayPublish(topic: string): boolean {
    return this.publish?.allows(topic) ?? true;
  }

  maySubscribe(topic: string): boolean {
    return this.subscribe?.allows(topic) ?? true;
  }
}

/**
 * The permissions in a token's claims, or why the claims are not valid (a
 * claim that is there but malformed refuses the token: ignoring it would
 * allow everything).
 */
export function permissionsFromClaims(claims: Record<string, unknown>): { ok: true; permissions: TopicPermissions | undefined } | { ok: false; reason: string } {
  const permissions: { publish?: readonly string[]; subscribe?: readonly string[] } = {};
  for (const [claim, key] of [[PUBLISH_TOPICS_CLAIM, 'publish'], [SUBSCRIBE_TOPICS_CLAIM, 'subscribe']] as const) {
    const value = claims[claim];
    if (value === undefined) continue;
    const problem = patternListProblem(value);
    if (problem) return { ok: false, reason: `${claim} claim ${problem}` };
    permissions[key] = value as string[];
  }
  return { ok: true, permissions: permissions.publish || permissions.subscribe ? permissions : undefined };
}

/** The claims that carry `permissions`, for a token's payload. */
export function permissionClaims(permissions: TopicPermissions | undefined): Record<string, readonly string[]> {
  const claims: Record<string, readonly string[]> = {};
  if (permissions?.publish) claims[PUBLISH_TOPICS_CLAIM] = permissions.publish;
  if (permissions?.subscribe) claims[SUBSCRIBE_TOPICS_CLAIM] = permissions.subscribe;
  return claims;
}

/** Why `value` is not a list of topic patterns, or undefined when it is one. */
export function patternListProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'is not a list';
  if (value.length > MAX_TOPIC_PATTERNS) return `lists more than ${MAX_TOPIC_PATTERNS} patterns`;
  for (const pattern of value) {
    if (typeof pattern !== 'string' || pattern.length === 0 || /\s/.test(pattern)) return 'holds a pattern that is not a topic name';
    if (pattern.length > MAX_TOPIC_PATTERN_LENGTH) return `holds a pattern longer than ${MAX_TOPIC_PATTERN_LENGTH}`;
  }
  return undefined;
}
