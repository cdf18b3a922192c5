/**
 * Bad input never yields a 500: every write route, and every route with parameters, gets random JSON bodies,
 * odd ids and odd query strings as an administrator; each answer is a 4xx (or success) in the error envelope.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const oddId = fc.oneof(
  fc.constantFrom('0', '-1', 'abc', '1.5', '99999999999999999999', '%27%20or%201%3D1', '1e3', 'null'),
  fc.integer({ min: 1, max: 100000 }).map(String),
);
const oddQuery = fc.dictionary(
  fc.constantFrom(
    'q',
    'unitId',
    'page',
    'pageSize',
    'organization',
    'from',
    'to',
    'limit',
    'parentId',
    'reveal',
    'includeFormer',
  ),
  fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('-5', '0', '1e9', 'true', '2026-13-45', "'; drop table units; --"),
  ),
);

describe('bad input', () => {
  it('is refused with a 4xx envelope on every route, never a 500', async () => {
    const routes = t.app.routeCatalog.filter((r) => r.url !== '/api/auth/*');
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        oddId,
        oddQuery,
        fc.jsonValue({ maxDepth: 3 }),
        async (route, id, query, body) => {
          const url = route.url.replace(/:[a-z]+/gi, id);
          const qs = new URLSearchParams(query as Record<string, string>).toString();
          const withBody = route.method !== 'GET' && route.method !== 'DELETE';
          const res = await t.as(
            'admin',
            route.method,
            qs ? `${url}?${qs}` : url,
            withBody ? body : undefined,
          );
          requests++;
          expect(
            res.statusCode,
            `${route.method} ${url}?${qs} ${JSON.stringify(body)} → ${res.body}`,
          ).toBeLessThan(500);
          if (res.statusCode >= 400) {
            const err = res.json().error;
            expect(typeof err.code).toBe('string');
            expect(err.message.length).toBeGreaterThan(0);
            expect(typeof err.requestId).toBe('string');
          }
        },
      ),
      { numRuns: 300, seed: 20261127 },
    );
    expect(requests).toBe(300);
  });
});
