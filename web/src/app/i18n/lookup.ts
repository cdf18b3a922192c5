import type { TFunction } from 'i18next';

/**
 * Translates a key built at run time (e.g. `units.kinds.${kind}`), falling back to `fallback` when the
 * catalogue has no such key. The typed `t` would instantiate every key of the catalogue for a template
 * literal and hit TypeScript's depth limit (TS2589) as the catalogue grows.
 */
export function lookup(t: TFunction, key: string, fallback: string): string {
  return (t as unknown as (k: string, o: { defaultValue: string }) => string)(key, {
    defaultValue: fallback,
  });
}
