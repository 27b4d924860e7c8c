/**
 * The public page cache's memory: entries in least-recently-used order, bounded in bytes (the oldest unused
 * pages go first, never the whole cache at once), each filed under the cache tags of what it shows so that a
 * change drops exactly the pages showing it. Tags: `item:<id>` (one item's page), `agency:<id>`, `lists`
 * (every page listing items); a change to `item:<id>` also drops the lists (they may show it), `*` drops all.
 */
export interface StoredPage {
  at: number;
  body: Buffer;
  headers: Record<string, string | number | string[]>;
  etag: string | undefined;
  tags: readonly string[];
}

export class PageStore {
  #entries = new Map<string, StoredPage>();
  #byTag = new Map<string, Set<string>>();
  #bytes = 0;
  constructor(readonly maxBytes: number) {}

  get bytes() {
    return this.#bytes;
  }
  get size() {
    return this.#entries.size;
  }

  /** The page under `key`, now the most recently used. */
  get(key: string): StoredPage | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, e);
    return e;
  }

  set(key: string, page: StoredPage) {
    this.delete(key);
    if (page.body.length > this.maxBytes) return;
    for (const [oldest] of this.#entries) {
      if (this.#bytes + page.body.length <= this.maxBytes) break;
      this.delete(oldest);
    }
    this.#entries.set(key, page);
    this.#bytes += page.body.length;
    for (const t of page.tags) {
      const keys = this.#byTag.get(t) ?? new Set<string>();
      this.#byTag.set(t, keys);
      keys.add(key);
    }
  }

  delete(key: string) {
    const e = this.#entries.get(key);
    if (!e) return;
    this.#entries.delete(key);
    this.#bytes -= e.body.length;
    for (const t of e.tags) {
      const keys = this.#byTag.get(t);
      keys?.delete(key);
      if (keys?.size === 0) this.#byTag.delete(t);
    }
  }

  /** Drops the pages showing what `tags` name; returns how many. */
  invalidate(tags: readonly string[]): number {
    if (tags.includes('*')) {
      const n = this.#entries.size;
      this.clear();
      return n;
    }
    const drop = new Set<string>();
    for (const t of tags) {
      for (const k of this.#byTag.get(t) ?? []) drop.add(k);
      if (t.startsWith('item:')) for (const k of this.#byTag.get('lists') ?? []) drop.add(k);
    }
    for (const k of drop) this.delete(k);
    return drop.size;
  }

  clear() {
    this.#entries.clear();
    this.#byTag.clear();
    this.#bytes = 0;
  }
}
