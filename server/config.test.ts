import { describe, expect, it } from 'vitest';
import { loadConfig, trustProxyOf } from './config';
import { clockStartingAt } from './lib/clock';

describe('configuration', () => {
  it('takes defaults from an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DOANHOI_SEED).toBe('demo');
    expect(c.DOANHOI_NOW).toBeUndefined();
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DOANHOI_NOW: '30/11/2026' })).toThrow(/DOANHOI_NOW/);
  });

  it('refuses a shifted clock in production', () => {
    expect(loadConfig({ DOANHOI_NOW: '2026-12-01T00:20:00+07:00' }).DOANHOI_NOW).toBeDefined();
    expect(() => loadConfig({ DOANHOI_NOW: '2026-12-01T00:20:00+07:00', NODE_ENV: 'production' })).toThrow(
      /production/,
    );
  });

  it('refuses TRUST_PROXY=true and reads hop counts', () => {
    expect(() => trustProxyOf('true')).toThrow(/TRUST_PROXY/);
    const hops = trustProxyOf('1') as (a: string, hop: number) => boolean;
    expect(hops('10.0.0.1', 0)).toBe(true);
    expect(hops('10.0.0.1', 1)).toBe(false);
  });
});

describe('clockStartingAt', () => {
  it('starts at the given instant and runs forward with the real clock', () => {
    let real = Date.UTC(2030, 0, 1);
    const clock = clockStartingAt(new Date('2026-11-30T17:20:00Z'), { now: () => new Date(real) });
    expect(clock.now().toISOString()).toBe('2026-11-30T17:20:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-11-30T17:21:30.000Z');
  });
});
