import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/audit';
import { forbidden, notFound } from '../../lib/errors';
import type { Action } from '../../policy/actions';
import { assertCan, can, type UnitSubject } from '../../policy/policy';
import { findMeeting, type MeetingRow } from '../meetings/meetings.repo';
import { findTheme, subtreeReadable, type ThemeRow } from '../themes/themes.repo';
import { findUnit, type UnitRow } from '../units/units.repo';

const MEETING = 'Cuộc họp';
const THEME = 'Chủ điểm sinh hoạt';

export const subjectOf = (u: UnitRow): UnitSubject => ({
  path: u.path,
  organizationCode: u.organizationCode,
  areaPath: u.areaPath,
});

/** A meeting and its unit when the actor may do `action` there; 404 when they cannot even read it. */
export async function meetingFor(
  db: Db,
  ctx: RequestContext,
  id: number,
  action: Action,
): Promise<{ m: MeetingRow; unit: UnitRow }> {
  const m = await findMeeting(db, id);
  const unit = m && (await findUnit(db, m.unitId));
  if (!m || !unit) throw notFound(MEETING);
  assertCan(ctx.actor, action, subjectOf(unit), MEETING);
  return { m, unit };
}

/**
 * A theme and its publisher. Reading: anyone who may read meetings of the publisher or of a unit below it
 * (the branches it was published to); writing: theme.write on the publisher. Out of scope → 404.
 */
export async function themeFor(
  db: Db,
  ctx: RequestContext,
  id: number,
  mode: 'read' | 'write',
): Promise<{ theme: ThemeRow; unit: UnitRow }> {
  const theme = await findTheme(db, id);
  const unit = theme && (await findUnit(db, theme.unitId));
  if (!theme || !unit) throw notFound(THEME);
  const readable =
    can(ctx.actor, 'meeting.read', subjectOf(unit)) || (await subtreeReadable(db, ctx.actor, unit.path));
  if (!readable) throw notFound(THEME);
  if (mode === 'write' && !can(ctx.actor, 'theme.write', subjectOf(unit))) {
    throw forbidden(`Chỉ ${unit.name} (đơn vị ban hành) mới sửa được chủ điểm này và tệp đính kèm của nó.`);
  }
  return { theme, unit };
}
