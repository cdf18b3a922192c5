/** The authorization matrix's cases for the duplicates routes, and the fixtures they need. */
import type { TestApp } from '../app';
import type { BaseFx } from './base';
import type { Case } from './case';

export async function duplicatesFixtures(_app: TestApp, _base: BaseFx) {
  return {};
}
type Fx = BaseFx & Awaited<ReturnType<typeof duplicatesFixtures>>;

export const duplicatesCases: Record<string, Case<Fx>> = {};
