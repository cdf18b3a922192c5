import { sql } from 'drizzle-orm';
import type { VoiceCommitment, VoiceItemDetail } from '../../../contracts/voice';
import { VOICE_MAX_FILES } from '../../../contracts/voice';
import type { DbOrTx } from '../../db/client';
import { rows } from '../../db/query';
import type { RequestContext } from '../../lib/audit';
import { vietnamDay } from '../../lib/vn-time';
import { can, grantsFor } from '../../policy/policy';
import { subjectOf } from '../files/owners';
import { findUnit } from '../units/units.repo';
import { identityRoles, summaryOf } from './access';
import { listVoiceFiles } from './files';
import { authorVisible, isAuthor } from './privacy';
import { bodiesFor, bodiesOf, findItems, type ItemRow, visibleSql } from './voice.repo';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Trigram similarity from which an open item counts as a likely duplicate. */
export const DUPLICATE_THRESHOLD = 0.3;

/**
 * Likely duplicates of an item: open items (not merged) of the same category whose area is in the same
 * commune, ranked by trigram similarity of the unaccented text; only those the actor may see.
 */
export function likelyDuplicates(db: DbOrTx, ctx: RequestContext, item: ItemRow) {
  return rows<{ id: number; content: string; unitName: string; score: number; raisedAt: Date | string }>(
    db,
    sql`select i.id, i.content, u.name as "unitName", round(similarity(i.search_text, ${item.searchText})::numeric, 2)::float8 as score,
      i.raised_at as "raisedAt"
    from voice_items i join units u on u.id = i.unit_id join areas a on a.id = i.area_id
    where i.id <> ${item.id} and i.status = 'open' and i.merged_into_id is null
      and i.category_code = ${item.categoryCode}
      and subpath(a.path, 0, least(2, nlevel(a.path))) = subpath(${item.areaPath}::ltree, 0, least(2, nlevel(${item.areaPath}::ltree)))
      and similarity(i.search_text, ${item.searchText}) >= ${DUPLICATE_THRESHOLD}
      and ${visibleSql(ctx.actor)}
    order by score desc, i.id limit 5`,
  );
}

export function commitmentsOf(
  list: Array<Omit<VoiceCommitment, 'late' | 'doneAt'> & { doneAt: Date | string | null }>,
  today: string,
): VoiceCommitment[] {
  return list.map((c) => ({ ...c, doneAt: iso(c.doneAt), late: c.doneAt === null && c.dueOn < today }));
}

/** The full item as the actor may see it: its route, answers, commitments, sources, and what they may do. */
export async function itemDetail(
  db: DbOrTx,
  ctx: RequestContext,
  item: ItemRow,
  now: Date,
): Promise<VoiceItemDetail> {
  const actor = ctx.actor;
  const routed = item.mergedIntoId ?? item.id;
  const roles = await identityRoles(db);
  const [events, steps, answers, commitments, sources, files, myBodies] = await Promise.all([
    rows<{ id: number; kind: string; actorLabel: string; note: string | null; at: Date | string }>(
      db,
      sql`select id, kind, actor_label as "actorLabel", note, at from voice_events where item_id = ${item.id}
      order by at, id`,
    ),
    rows<{
      id: number;
      level: string;
      ownerLabel: string;
      openedAt: Date | string;
      dueAt: Date | string;
      closedAt: Date | string | null;
      outcome: string | null;
      overdue: boolean;
    }>(
      db,
      sql`select s.id, s.level, coalesce(u.name, b.name) as "ownerLabel", s.opened_at as "openedAt", s.due_at as "dueAt",
        s.closed_at as "closedAt", s.outcome, (s.overdue or (s.closed_at is null and s.due_at < ${now.toISOString()}::timestamptz)) as overdue
      from voice_steps s left join units u on u.id = s.owner_unit_id left join voice_bodies b on b.id = s.owner_body_id
      where s.item_id = ${routed} order by s.id`,
    ),
    rows<{
      id: number;
      body: string;
      byLabel: string;
      at: Date | string;
      byUnitId: number | null;
      byBodyId: number | null;
    }>(
      db,
      sql`select id, body, by_label as "byLabel", at, by_unit_id as "byUnitId", by_body_id as "byBodyId"
      from voice_answers where item_id = ${routed} order by id`,
    ),
    rows<{ id: number; text: string; dueOn: string; doneAt: Date | string | null; doneNote: string | null }>(
      db,
      sql`select id, text, due_on::text as "dueOn", done_at as "doneAt", done_note as "doneNote"
      from voice_commitments where item_id = ${routed} order by due_on, id`,
    ),
    item.mergedIntoId === null
      ? findItems(db, sql`i.merged_into_id = ${item.id}`, sql`order by i.raised_at, i.id`)
      : Promise.resolve([] as ItemRow[]),
    listVoiceFiles(db, item.id),
    grantsFor(actor, 'voice.answer').length > 0 ? bodiesOf(db, actor.userId) : Promise.resolve([]),
  ]);

  const ownerUnit = item.ownerUnitId !== null ? await findUnit(db, item.ownerUnitId) : undefined;
  const origin = await findUnit(db, item.unitId);
  const open = item.status === 'open';
  const handles = open && !!ownerUnit && can(actor, 'voice.handle', subjectOf(ownerUnit));
  const answersForBody = open && item.ownerBodyId !== null && myBodies.includes(item.ownerBodyId);
  const mayMerge = open && !!origin && can(actor, 'voice.handle', subjectOf(origin));
  const author = isAuthor(actor, item);
  const answeredBy = new Set(answers.map((a) => a.byBodyId).filter((x): x is number => x !== null));
  const answeredUnits = await Promise.all(
    [...new Set(answers.map((a) => a.byUnitId).filter((x): x is number => x !== null))].map((id) =>
      findUnit(db, id),
    ),
  );
  const completes =
    myBodies.some((b) => answeredBy.has(b)) ||
    answeredUnits.some((u) => !!u && can(actor, 'voice.handle', subjectOf(u)));

  const targets: VoiceItemDetail['targets'] = { units: [], bodies: [] };
  if (handles && ownerUnit) {
    targets.units = await rows<{ id: number; name: string; level: string }>(
      db,
      sql`select id, name, level from units where path @> ${ownerUnit.path}::ltree and id <> ${ownerUnit.id} and active
      order by nlevel(path) desc`,
    );
  }
  if (handles || answersForBody) {
    targets.bodies = (await bodiesFor(db, item.areaPath))
      .filter((b) => b.id !== item.ownerBodyId)
      .map((b) => ({ id: b.id, name: b.name, kind: b.kind }));
  }
  const summary = summaryOf(item, actor, roles, now);
  return {
    item: {
      ...summary,
      hideName: item.hideName,
      source: item.source,
      meetingId: item.meetingId,
      feedbackReason: item.feedbackReason,
    },
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind as VoiceItemDetail['timeline'][number]['kind'],
      actorLabel: e.actorLabel,
      note: e.note,
      at: iso(e.at) as string,
    })),
    steps: steps.map((s) => ({
      id: s.id,
      level: s.level as VoiceItemDetail['steps'][number]['level'],
      ownerLabel: s.ownerLabel,
      openedAt: iso(s.openedAt) as string,
      dueAt: iso(s.dueAt) as string,
      closedAt: iso(s.closedAt),
      outcome: s.outcome,
      overdue: s.overdue,
    })),
    answers: answers.map((a) => ({ id: a.id, body: a.body, byLabel: a.byLabel, at: iso(a.at) as string })),
    commitments: commitmentsOf(commitments, vietnamDay(now)),
    sources: sources.map((s) => ({
      id: s.id,
      unitName: s.unitName,
      authorName: authorVisible(actor, s, roles) ? s.authorName : null,
      content: s.content,
      raisedAt: iso(s.raisedAt) as string,
    })),
    duplicates: mayMerge
      ? (await likelyDuplicates(db, ctx, item)).map((d) => ({ ...d, raisedAt: iso(d.raisedAt) as string }))
      : [],
    files,
    targets,
    abilities: {
      forward: handles,
      resolve: handles,
      answer: answersForBody,
      decline: answersForBody,
      merge: mayMerge,
      feedback: author && item.effectiveStatus === 'answered' && item.feedback === null,
      attach:
        (author || (!!origin && can(actor, 'voice.handle', subjectOf(origin)))) &&
        (item.status === 'open' || item.status === 'answered') &&
        files.length < VOICE_MAX_FILES,
      completeCommitments: completes && commitments.some((c) => c.doneAt === null),
    },
  };
}
