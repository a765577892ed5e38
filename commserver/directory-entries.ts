// The state behind the directory (docs/PROTOCOL.md, "Direct messages"):
// which linked server holds which alias and identity, as each says of its
// own clients. An alias two servers claim (the coordinator hands aliases out
// anew after it restarts; a server may still be in the middle of telling
// that its client left) belongs to the one that spoke of it last.

/** An identity as a map key. */
export function identityKey(identity: Uint8Array): string {
  return Buffer.from(identity).toString('hex');
}

export class DirectoryTable<S> {
  /** alias -> source -> identity; the source that spoke of the alias last is last. */
  readonly #aliases = new Map<number, Map<S, Uint8Array>>();
  /** identity key -> source -> how many of that source's aliases carry it. */
  readonly #identities = new Map<string, Map<S, number>>();
  /** source -> alias -> identity: what a source holds, to count, replace and drop it. */
  readonly #bySource = new Map<S, Map<number, Uint8Array>>();

  /** Aliases `source` holds. */
  count(source: S): number {
    return this.#bySource.get(source)?.size ?? 0;
  }

  /** Aliases held, over all sources. */
  get size(): number {
    let size = 0;
    for (const aliases of this.#bySource.values()) size += aliases.size;
    return size;
  }

  has(source: S, alias: number): boolean {
    return this.#bySource.get(source)?.has(alias) ?? false;
  }

  /** Adds or replaces what `source` says of `alias`. */
  set(source: S, alias: number, identity: Uint8Array): void {
    this.delete(source, alias);
    let own = this.#bySource.get(source);
    if (own === undefined) this.#bySource.set(source, (own = new Map()));
    own.set(alias, identity);
    let holders = this.#aliases.get(alias);
    if (holders === undefined) this.#aliases.set(alias, (holders = new Map()));
    holders.set(source, identity);
    if (identity.length === 0) return;
    const key = identityKey(identity);
    let counts = this.#identities.get(key);
    if (counts === undefined) this.#identities.set(key, (counts = new Map()));
    counts.set(source, (counts.get(source) ?? 0) + 1);
  }

  /** `source` no longer holds `alias`. */
  delete(source: S, alias: number): void {
    const own = this.#bySource.get(source);
    const identity = own?.get(alias);
    if (own === undefined || identity === undefined) return;
    own.delete(alias);
    if (own.size === 0) this.#bySource.delete(source);
    const holders = this.#aliases.get(alias)!;
    holders.delete(source);
    if (holders.size === 0) this.#aliases.delete(alias);
    if (identity.length === 0) return;
    const key = identityKey(identity);
    const counts = this.#identities.get(key)!;
    const left = counts.get(source)! - 1;
    if (left > 0) counts.set(source, left);
    else counts.delete(source);
    if (counts.size === 0) this.#identities.delete(key);
  }

  /** What `source` holds becomes `entries`, nothing more. */
  replace(source: S, entries: ReadonlyMap<number, Uint8Array>): void {
    for (const alias of [...this.#bySource.get(source)?.keys() ?? []]) {
      if (!entries.has(alias)) this.delete(source, alias);
    }
    for (const [alias, identity] of entries) this.set(source, alias, identity);
  }

  /** `source` holds nothing any more. */
  drop(source: S): void {
    this.replace(source, new Map());
  }

  /** The source holding `alias`: the last one to speak of it. */
  holder(alias: number): S | undefined {
    let last: S | undefined;
    for (const source of this.#aliases.get(alias)?.keys() ?? []) last = source;
    return last;
  }

  /** The sources holding an alias of `identity`. */
  holdersOf(identity: Uint8Array): S[] {
    return [...this.#identities.get(identityKey(identity))?.keys() ?? []];
  }
}
