/** The authorization matrix's cases for the voice routes, and the fixtures they need. */
import type { TestApp } from '../app';
import type { BaseFx } from './base';
import type { Case } from './case';

export async function voiceFixtures(_app: TestApp, _base: BaseFx) {
  return {};
}
type Fx = BaseFx & Awaited<ReturnType<typeof voiceFixtures>>;

export const voiceCases: Record<string, Case<Fx>> = {};
