/**
 * PGlite is one PostgreSQL session. pglite-socket lets several connections share it by running their protocol
 * messages one at a time, but only keeps a connection's turn while an explicit transaction is open: between the
 * Parse and the Sync of one extended-protocol exchange another connection's messages can slip in and replace
 * the unnamed statement or portal ("portal does not exist", or another query's rows). The server keeps one
 * connection; a CLI command beside it adds a second. This queue gives a connection the session from its first
 * message until the database answers ReadyForQuery with status idle ('I'): a whole exchange, or a whole
 * transaction ('T', or 'E' after an error, lasts until COMMIT or ROLLBACK), before anyone else's turn.
 */

/** What the queue needs of PGlite. */
export interface ProtocolDb {
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolRawStream(message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }): Promise<void>;
  exec(sql: string): Promise<unknown>;
  isInTransaction(): boolean;
}

/**
 * Follows the backend's message stream (type byte, then an int32 length that counts itself) across chunks and
 * remembers the status of the last ReadyForQuery ('Z') message, and whether it was the last message so far.
 */
export class BackendStream {
  private header: number[] = [];
  private remaining = 0;
  private type = 0;
  /** The status byte of the last ReadyForQuery: 'I' idle, 'T' in a transaction, 'E' in a failed one. */
  status: 'I' | 'T' | 'E' | null = null;
  /** The last complete message was a ReadyForQuery: the exchange is over, the session waits for the client. */
  ready = false;

  push(chunk: Uint8Array) {
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining > 0) {
        if (this.type === 0x5a && this.remaining === 1) {
          const s = String.fromCharCode(chunk[i]!);
          this.status = s === 'I' || s === 'T' || s === 'E' ? s : null;
        }
        const n = Math.min(this.remaining, chunk.length - i);
        this.remaining -= n;
        i += n;
        if (this.remaining === 0) this.complete();
        continue;
      }
      this.header.push(chunk[i]!);
      i++;
      if (this.header.length === 5) {
        const [t, a, b, c, d] = this.header as [number, number, number, number, number];
        this.header = [];
        this.type = t;
        this.remaining = ((a << 24) | (b << 16) | (c << 8) | d) - 4;
        if (this.remaining <= 0) {
          this.remaining = 0;
          this.complete();
        }
      }
    }
  }

  private complete() {
    // Notices, notifications and parameter changes may come unasked, after a ReadyForQuery: they end nothing.
    if (ASYNC.has(this.type)) return;
    this.ready = this.type === 0x5a;
  }

  /** The session may pass to another connection: idle, between exchanges. */
  get idle() {
    return this.ready && this.status === 'I';
  }
}

const ASYNC = new Set([0x4e, 0x41, 0x53]); // N NoticeResponse, A NotificationResponse, S ParameterStatus

interface Item {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (err: unknown) => void;
}

/** Drop-in for pglite-socket's QueryQueueManager (enqueue, getQueueLength, clearQueueForHandler, clearTransactionIfNeeded). */
export class SessionQueue {
  private queue: Item[] = [];
  private streams = new Map<number, BackendStream>();
  /** The connection whose exchange or transaction is under way; null while the session is idle. */
  private owner: number | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly db: ProtocolDb) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      this.pump();
    });
  }

  getQueueLength() {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number) {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error('Handler disconnected'));
      return false;
    });
  }

  /** A connection went away: its open transaction is rolled back and the session passes on. */
  async clearTransactionIfNeeded(handlerId: number) {
    await this.running;
    this.streams.delete(handlerId);
    if (this.owner !== handlerId) return;
    try {
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    } finally {
      this.owner = null;
      this.pump();
    }
  }

  private pump() {
    if (this.running) return;
    const index = this.owner === null ? 0 : this.queue.findIndex((q) => q.handlerId === this.owner);
    if (index < 0 || index >= this.queue.length) return; // idle, or the owner's next message is not here yet
    const [item] = this.queue.splice(index, 1) as [Item];
    this.running = this.run(item).finally(() => {
      this.running = null;
      this.pump();
    });
  }

  private async run(item: Item) {
    let stream = this.streams.get(item.handlerId);
    if (!stream) {
      stream = new BackendStream();
      this.streams.set(item.handlerId, stream);
    }
    this.owner = item.handlerId;
    // Only a ReadyForQuery in the answer to this very message ends the turn (Parse, Bind, Execute… answer none).
    stream.ready = false;
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(item.message, {
          onRawData: (data) => {
            bytes += data.length;
            stream.push(data);
            item.onData(data);
          },
        }),
      );
    } catch (err) {
      item.reject(err);
      return;
    } finally {
      if (stream.idle && !this.db.isInTransaction()) this.owner = null;
    }
    item.resolve(bytes);
  }
}
