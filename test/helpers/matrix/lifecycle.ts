/** The authorization matrix's cases for the lifecycle routes, and the fixtures they need. */
import type { TestApp } from '../app';
import type { BaseFx } from './base';
import type { Case } from './case';

export async function lifecycleFixtures(_app: TestApp, _base: BaseFx) {
  return {};
}
type Fx = BaseFx & Awaited<ReturnType<typeof lifecycleFixtures>>;

export const lifecycleCases: Record<string, Case<Fx>> = {};
