/**
 * Follows the change feed in Neo4j for `Subscription.changed`: polls for
 * changes after the last one seen, at CHANGES_POLL_INTERVAL_MS, and hands
 * each to the subscribers whose filter it passes. Polling the store (not an
 * in-process event) is what lets a subscriber hear about changes written by
 * another process, such as `npm run ingest`. It reads nothing while nobody
 * listens: no subscription and no sink (the webhook sender is one, so a
 * configured webhook keeps it following from the server's start).
 */
import { EventEmitter } from 'node:events';
import type { ChangeRow } from '../graph/changes.ts';
import { lastChangeQuery } from '../graph/changes.ts';
import type { Logger } from '../log.ts';
import { readChanges } from './changes.ts';
import type { RowReader } from './network.ts';

const PAGE = 100;

/** What a subscriber wants: some kinds, changes of one organisation (null: any). */
export interface ChangeFilter {
  kinds: readonly string[] | null;
  organizationId: string | null;
}

export function matchesFilter(change: ChangeRow, filter: ChangeFilter, organizationIds: readonly string[]): boolean {
  if (filter.kinds !== null && !filter.kinds.includes(change.kind)) return false;
  return filter.organizationId === null || organizationIds.includes(filter.organizationId);
}

function organizationIdsOf(change: ChangeRow): string[] {
  return [change.subject, change.object, ...change.parties].filter((e) => e !== null && e.label === 'Organization').map((e) => e!.id);
}

export class ChangeFollower {
  private readonly events = new EventEmitter();
  private readonly finishers = new Set<() => void>();
  /** Listeners that are not subscriptions (webhooks): they keep the follower reading but are not counted as subscribers. */
  private sinks = 0;
  private cursor: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Set while polls fail, so that an outage is logged once, not at every poll. */
  private failing = false;

  constructor(
    private readonly reader: RowReader,
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {
    this.events.setMaxListeners(0);
  }

  /** Number of open subscriptions. */
  get subscribers(): number {
    return this.events.listenerCount('change') - this.sinks;
  }

  /** Anyone listening: subscriptions and sinks. */
  private get listening(): number {
    return this.events.listenerCount('change');
  }

  /**
   * Hands every change, from the next poll on, to `listener` until the
   * returned function is called. Unlike a subscription it is not counted in
   * `subscribers`; while it is attached the follower polls even with no
   * subscriber. The listener must not throw or block.
   */
  listen(listener: (change: ChangeRow) => void): () => void {
    this.events.on('change', listener);
    this.sinks += 1;
    if (this.cursor === null) this.pollSoon();
    let attached = true;
    return () => {
      if (!attached) return;
      attached = false;
      this.sinks -= 1;
      this.events.off('change', listener);
    };
  }

  /** Starts polling from the last change recorded now (a listener attached before may have started it already: one timer either way). */
  start(): void {
    this.pollSoon();
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.poll().finally(() => {
        this.running = null;
        this.schedule(this.intervalMs);
      });
    }, delay);
    this.timer.unref();
  }

  /** Polls now unless a poll is under way (a first subscriber needs the cursor set from now). */
  private pollSoon(): void {
    if (this.running !== null || this.stopped) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.schedule(0);
  }

  private async poll(): Promise<void> {
    // Nobody listens: no reads; the next subscriber follows from the moment it subscribes.
    if (this.listening === 0) {
      this.cursor = null;
      return;
    }
    try {
      const [row] = await this.reader.rows<{ last: number }>(lastChangeQuery(), 'changes-last');
      const last = row?.last ?? 0;
      // First poll, or the store was emptied (its numbering starts again): follow from now.
      if (this.cursor === null || last < this.cursor) this.cursor = last;
      while (this.cursor < last && !this.stopped) {
        const page = await readChanges(this.reader, { after: this.cursor, since: null, kinds: null, organizationId: null, limit: PAGE });
        if (page.length === 0) break;
        for (const change of page) this.events.emit('change', change);
        this.cursor = page[page.length - 1]!.seq;
      }
      if (this.failing) this.log.info('change feed polls again', { event: 'changes-poll-recovered' });
      this.failing = false;
    } catch (error) {
      // The database may be away for a while; the next poll tries again from the same cursor.
      if (this.failing) return;
      this.failing = true;
      this.log.warn(`change feed poll failed: ${error instanceof Error ? error.message : String(error)}`, { event: 'changes-poll-failed' });
    }
  }

  /**
   * The changes that pass `filter`, from now on, until the iterator is
   * returned (the subscription ends) or the follower stops. A queue, not an
   * async generator: a generator waiting for its next change could not be
   * returned until one came.
   */
  follow(filter: ChangeFilter): AsyncIterableIterator<ChangeRow> {
    const queue: ChangeRow[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const listener = (change: ChangeRow) => {
      if (!matchesFilter(change, filter, organizationIdsOf(change))) return;
      queue.push(change);
      wake?.();
    };
    const finish = () => {
      done = true;
      this.events.off('change', listener);
      this.finishers.delete(finish);
      wake?.();
    };
    this.events.on('change', listener);
    this.finishers.add(finish);
    if (this.cursor === null) this.pollSoon();
    const iterator: AsyncIterableIterator<ChangeRow> = {
      [Symbol.asyncIterator]: () => iterator,
      next: async () => {
        while (queue.length === 0 && !done) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        const change = queue.shift();
        return change === undefined ? { value: undefined, done: true } : { value: change, done: false };
      },
      return: async () => {
        finish();
        queue.length = 0;
        return { value: undefined, done: true };
      },
    };
    return iterator;
  }

  /** Stops polling (waits for a poll under way) and ends every subscription. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.running;
    for (const finish of [...this.finishers]) finish();
  }
}
