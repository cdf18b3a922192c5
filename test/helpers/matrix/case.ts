/** What the authorization matrix needs to know of a route; one file per area adds its routes. */
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../../contracts/roles';

export interface Case<F> {
  /** who may call it at all: roles, or public / any signed-in user */
  allowed: Role[] | 'public' | 'signed-in';
  inside: string;
  /** a persona whose role is allowed but whose scope does not contain the subject */
  outside?: string;
  url: (f: F) => string;
  body?: (f: F) => unknown;
  status?: number;
  /** for lists: what the outside persona must not see (instead of a 404) */
  outsideSees?: (res: LightMyRequestResponse, f: F) => boolean;
}

export const PERSONAS: Record<string, Role> = {
  admin: 'admin',
  tinhdoan: 'province_officer',
  'phunu.tinh': 'province_officer',
  'doan.thachkhe': 'grassroots_officer',
  'doan.camxuyen': 'grassroots_officer',
  'phunu.thachkhe': 'grassroots_officer',
  'bithu.thachkhe': 'branch_head',
  'chihoi.thachkhe': 'branch_head',
  'giamsat.tinh': 'supervisor',
  'dangu.thachkhe': 'supervisor',
  'ubnd.thachkhe': 'respondent',
  'doanvien.thachkhe': 'member',
};
export const READERS: Role[] = [
  'admin',
  'province_officer',
  'grassroots_officer',
  'branch_head',
  'supervisor',
];
export const WRITERS: Role[] = ['admin', 'province_officer', 'grassroots_officer'];
export const ADMIN: Role[] = ['admin'];
export const MEETING_WRITERS: Role[] = ['admin', 'province_officer', 'grassroots_officer', 'branch_head'];
export const IMPORTERS: Role[] = MEETING_WRITERS;
export const ALL: Role[] = [
  'admin',
  'province_officer',
  'grassroots_officer',
  'branch_head',
  'supervisor',
  'respondent',
  'member',
];
/** A multipart body with one PNG, as a browser uploads it (light-my-request streams FormData). */
export const pngForm = (png: Buffer) => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'anh.png');
  return form;
};
export const hasId = (res: LightMyRequestResponse, id: number) =>
  JSON.stringify(res.json()).includes(`"id":${id},`);
