/**
 * Webhooks: every change the change follower reads (the API's own mutations
 * and any other process, such as `npm run ingest`) is POSTed as JSON to
 * WEBHOOK_URL, one request per change, in the order of the feed.
 *
 * - `X-Signature-256: sha256=<hex>` is the HMAC-SHA256 of the raw body with
 *   WEBHOOK_SECRET; `X-Delivery-Id` names the change's delivery and stays the
 *   same across retries (and across servers delivering the same feed), so a
 *   receiver can drop repeats.
 * - Network errors, timeouts, 5xx and 429 are retried with exponential
 *   backoff and jitter, up to WEBHOOK_MAX_ATTEMPTS attempts; then the change
 *   is logged and dropped. Other 4xx (and 3xx) are not retried: logged and
 *   dropped at once.
 * - One change at a time: a later change waits until the earlier one is
 *   delivered or dropped. The queue is in memory and bounded
 *   (WEBHOOK_MAX_QUEUE); nothing here ever waits for a receiver on the path
 *   of a request or an ingestion.
 */
import { createHash, createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { WebhookConfig } from '../config.ts';
import type { ChangeRow } from '../graph/changes.ts';
import type { Logger } from '../log.ts';
import { changeCursor, changeFields } from './changes.ts';

/** Longest wait between two attempts. */
const MAX_BACKOFF_MS = 60_000;

export const SIGNATURE_HEADER = 'x-signature-256';
export const DELIVERY_HEADER = 'x-delivery-id';

/** The JSON body of a delivery: the change as GraphQL's `Change` shows it, plus its sequence number. */
export interface WebhookPayload {
  deliveryId: string;
  change: Record<string, unknown>;
}

/** `sha256=<hex>`: the HMAC-SHA256 of the raw body with the secret. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * A change's delivery id: derived from its sequence number and recording
 * time, so every attempt (and every server following the same feed) sends the
 * same one, while a store emptied and numbered again gives new ones.
 */
export function deliveryIdOf(change: Pick<ChangeRow, 'seq' | 'at'>): string {
  return createHash('sha256').update(`${change.seq}|${change.at}`).digest('hex').slice(0, 32);
}

/** The change as the API's `Change` type shows it (enum values upper-case, entity `type`), with `seq`. */
export function changePayload(change: ChangeRow): WebhookPayload {
  return {
    deliveryId: deliveryIdOf(change),
    change: {
      seq: change.seq,
      cursor: changeCursor(change.seq),
      kind: change.kind,
      at: change.at,
      subject: changeFields.subject(change),
      object: changeFields.object(change),
      parties: changeFields.parties(change),
      kinds: changeFields.kinds(change),
      from: changeFields.from(change),
      to: changeFields.to(change),
      title: change.title,
      document: change.document,
      evidence: change.evidence,
    },
  };
}

/** Wait before attempt `attempt + 1` (attempt counts from 1): base * 2^(attempt-1), ±20 % jitter, at most 60 s. */
export function backoffMs(retryBaseMs: number, attempt: number, random: () => number = Math.random): number {
  const plain = Math.min(MAX_BACKOFF_MS, retryBaseMs * 2 ** (attempt - 1));
  return Math.round(plain * (0.8 + 0.4 * random()));
}

/** What to do after one attempt: done, try again, or give up. */
export type AttemptOutcome = 'delivered' | 'retry' | 'rejected';

/** 2xx delivered; 5xx, 408 and 429 retried; any other status (3xx, 4xx) rejected. */
export function outcomeOf(status: number): AttemptOutcome {
  if (status >= 200 && status < 300) return 'delivered';
  if (status >= 500 || status === 408 || status === 429) return 'retry';
  return 'rejected';
}

interface Pending {
  change: ChangeRow;
  payload: WebhookPayload;
  body: string;
}

/** Counts since start, for logs and tests. */
export interface WebhookStats {
  delivered: number;
  dropped: number;
  attempts: number;
  queued: number;
}

export class WebhookSender {
  private readonly queue: Pending[] = [];
  private draining: Promise<void> | null = null;
  private readonly abort = new AbortController();
  private overflowed = 0;
  private readonly counts = { delivered: 0, dropped: 0, attempts: 0 };

  constructor(
    private readonly config: Readonly<WebhookConfig>,
    private readonly log: Logger,
  ) {}

  get stats(): WebhookStats {
    return { ...this.counts, queued: this.queue.length };
  }

  /** Queues a change for delivery and returns at once; never throws (a change that cannot be queued is logged and dropped). */
  enqueue(change: ChangeRow): void {
    if (this.abort.signal.aborted) return;
    try {
      if (this.queue.length >= this.config.maxQueue) {
        if (this.overflowed === 0) this.log.warn(`webhook queue full (${this.config.maxQueue} changes): dropping new changes until it drains`, { event: 'webhook-queue-full' });
        this.overflowed += 1;
        this.counts.dropped += 1;
        return;
      }
      if (this.overflowed > 0) {
        this.log.warn(`webhook queue drains again; ${this.overflowed} changes were dropped`, { event: 'webhook-queue-drained', dropped: this.overflowed });
        this.overflowed = 0;
      }
      const payload = changePayload(change);
      this.queue.push({ change, payload, body: JSON.stringify(payload) });
      this.draining ??= this.drain().finally(() => {
        this.draining = null;
      });
    } catch (error) {
      this.counts.dropped += 1;
      this.log.error(`webhook: could not queue change ${change.seq}: ${error instanceof Error ? error.message : String(error)}`, { event: 'webhook-dropped', seq: change.seq });
    }
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.abort.signal.aborted) {
      const next = this.queue[0]!;
      await this.deliver(next);
      // Stopped mid-delivery: it stays queued, and `stop` counts it as dropped.
      if (this.abort.signal.aborted) break;
      this.queue.shift();
    }
  }

  /** Sends one change until it is delivered, rejected or out of attempts. */
  private async deliver(pending: Pending): Promise<void> {
    const { change, payload, body } = pending;
    const fields = { seq: change.seq, kind: change.kind, deliveryId: payload.deliveryId };
    for (let attempt = 1; ; attempt++) {
      if (this.abort.signal.aborted) return;
      this.counts.attempts += 1;
      let problem: string;
      try {
        const response = await fetch(this.config.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'partnership-graph-webhooks',
            [SIGNATURE_HEADER]: signature(this.config.secret, body),
            [DELIVERY_HEADER]: payload.deliveryId,
            'x-delivery-attempt': String(attempt),
            'x-change-kind': change.kind,
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.config.timeoutMs)]),
        });
        // The body is not needed; reading it frees the connection.
        await response.arrayBuffer().catch(() => undefined);
        const outcome = outcomeOf(response.status);
        if (outcome === 'delivered') {
          this.counts.delivered += 1;
          this.log.debug('webhook delivered', { event: 'webhook-delivered', ...fields, attempt, status: response.status });
          return;
        }
        if (outcome === 'rejected') {
          this.counts.dropped += 1;
          this.log.warn(`webhook: the receiver refused change ${change.seq} with HTTP ${response.status}; not retried, dropped`, { event: 'webhook-rejected', ...fields, attempt, status: response.status });
          return;
        }
        problem = `HTTP ${response.status}`;
      } catch (error) {
        if (this.abort.signal.aborted) return;
        problem = error instanceof Error ? `${error.name}: ${(error.cause as Error | undefined)?.message ?? error.message}` : String(error);
      }
      if (attempt >= this.config.maxAttempts) {
        this.counts.dropped += 1;
        this.log.warn(`webhook: change ${change.seq} not delivered after ${attempt} attempts (last: ${problem}); dropped`, { event: 'webhook-dropped', ...fields, attempts: attempt, problem });
        return;
      }
      const wait = backoffMs(this.config.retryBaseMs, attempt);
      this.log.info(`webhook: attempt ${attempt} for change ${change.seq} failed (${problem}); retrying in ${wait} ms`, { event: 'webhook-retry', ...fields, attempt, problem, waitMs: wait });
      try {
        await sleep(wait, undefined, { signal: this.abort.signal });
      } catch {
        return;
      }
    }
  }

  /** Stops at once: cancels the attempt under way and any wait; what is still queued is logged and dropped. */
  async stop(): Promise<void> {
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    await this.draining;
    if (this.queue.length > 0) {
      this.counts.dropped += this.queue.length;
      this.log.warn(`webhook: ${this.queue.length} changes not delivered at stop; dropped`, { event: 'webhook-dropped-at-stop', count: this.queue.length, firstSeq: this.queue[0]!.change.seq });
      this.queue.length = 0;
    }
  }
}
