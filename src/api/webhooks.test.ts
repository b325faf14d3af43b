import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ChangeRow } from '../graph/changes.ts';
import { backoffMs, changePayload, deliveryIdOf, outcomeOf, signature } from './webhooks.ts';

const CHANGE: ChangeRow = {
  seq: 42,
  at: '2026-12-03T06:00:00.000Z',
  kind: 'NEW_PARTNERSHIP',
  subject: { id: 'org:a', name: 'A University', label: 'Organization' },
  object: { id: 'org:b', name: 'B Institute', label: 'Organization' },
  parties: [],
  kinds: ['mou'],
  from: null,
  to: null,
  title: null,
  document: { id: 'doc-1', title: 'A and B sign', url: null, publishedAt: '2024-01-02' },
  evidence: { text: 'A and B signed an MoU.', start: 0, end: 22, rules: ['sign'], date: '2024-01-02' },
};

describe('webhooks', () => {
  it('signs the raw body as sha256=<hex HMAC-SHA256 with the secret>', () => {
    const body = JSON.stringify(changePayload(CHANGE));
    expect(signature('s3cret-s3cret-s3cret', body)).toBe(`sha256=${createHmac('sha256', 's3cret-s3cret-s3cret').update(body).digest('hex')}`);
    expect(signature('s3cret-s3cret-s3cret', body)).not.toBe(signature('s3cret-s3cret-s3cret', `${body} `));
  });

  it('gives a change one delivery id, the same every time, different for another change', () => {
    expect(deliveryIdOf(CHANGE)).toMatch(/^[0-9a-f]{32}$/);
    expect(deliveryIdOf({ ...CHANGE })).toBe(deliveryIdOf(CHANGE));
    expect(deliveryIdOf({ ...CHANGE, seq: 43 })).not.toBe(deliveryIdOf(CHANGE));
    // A store emptied and numbered again: same number, another change.
    expect(deliveryIdOf({ ...CHANGE, at: '2026-12-04T00:00:00.000Z' })).not.toBe(deliveryIdOf(CHANGE));
  });

  it('sends the change as the API shows it: enum values, entity types, sequence number', () => {
    const { deliveryId, change } = changePayload(CHANGE);
    expect(deliveryId).toBe(deliveryIdOf(CHANGE));
    expect(change).toMatchObject({
      seq: 42,
      kind: 'NEW_PARTNERSHIP',
      subject: { id: 'org:a', name: 'A University', type: 'ORGANIZATION' },
      object: { id: 'org:b', type: 'ORGANIZATION' },
      kinds: ['MOU'],
      document: { id: 'doc-1' },
      evidence: { text: 'A and B signed an MoU.' },
    });
  });

  it.each([
    [200, 'delivered'],
    [204, 'delivered'],
    [301, 'rejected'],
    [400, 'rejected'],
    [401, 'rejected'],
    [404, 'rejected'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
  ])('treats HTTP %i as %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });

  it('backs off exponentially from the base, with ±20 % jitter, at most 60 s', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(1000, n, () => 0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(1000, 1, () => 0)).toBe(800);
    expect(backoffMs(1000, 1, () => 1)).toBe(1200);
    expect(backoffMs(1000, 30, () => 0.5)).toBe(60_000);
  });
});
