import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Db } from '../../db/client';
import { one, rows } from '../../db/query';
import type { RequestContext } from '../../lib/audit';
import { meetingFor } from '../files/owners';
import { vietnamDay } from '../organizations/rules';
import { meetingTheme } from '../themes/themes.repo';
import { findUnit } from '../units/units.repo';
import { renderAttendanceSheet, type SheetData } from './attendance-sheet';
import { summaryOf } from './meetings.presenter';

const KIND_LABELS = { regular: 'định kỳ', thematic: 'chuyên đề', extraordinary: 'bất thường' } as const;
const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const ddmmyyyy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The printable attendance sheet of a meeting, with the check-in QR code when check-in is set up. */
export function makeSheetService({ db, publicUrl }: { db: Db; publicUrl: string }) {
  return {
    async sheet(ctx: RequestContext, id: number): Promise<{ fileName: string; data: Buffer }> {
      const { m, unit } = await meetingFor(db, ctx, id, 'meeting.read');
      const parent = unit.parentId === null ? undefined : await findUnit(db, unit.parentId);
      const org = await one<{ memberTerm: string }>(
        db,
        sql`select member_term as "memberTerm" from organizations where code = ${unit.organizationCode}`,
      );
      const people = await rows<SheetData['people'][number]>(
        db,
        sql`select trim(p.family_name || ' ' || p.given_name) as "fullName",
          coalesce(p.birth_year, extract(year from p.birth_date)::int) as "birthYear",
          a.away_from_home as "awayFromHome", p.away_place as "awayPlace"
        from meeting_attendance a join persons p on p.id = a.person_id
        where a.meeting_id = ${id}
        order by p.sort_key collate "C", p.id`,
      );
      const checkin = await one<{ code: string }>(
        db,
        sql`select code from meeting_checkins where meeting_id = ${id}`,
      );
      const url = checkin && `${publicUrl.replace(/\/+$/, '')}/diem-danh?ma=${checkin.code}`;
      const scheduled = new Date(m.scheduledAt);
      const periodLabel = summaryOf(m).periodLabel;
      const term = org?.memberTerm ?? 'hội viên';
      const data = await renderAttendanceSheet({
        organizationCode: unit.organizationCode,
        memberTerm: term.charAt(0).toUpperCase() + term.slice(1),
        parentName: parent?.name ?? null,
        unitName: unit.name,
        periodLabel,
        kindLabel: KIND_LABELS[m.kind],
        date: ddmmyyyy(vietnamDay(scheduled)),
        time: TIME.format(scheduled),
        place: m.place,
        themeTitle: (await meetingTheme(db, id))?.title ?? null,
        people,
        checkin:
          checkin && url
            ? {
                code: checkin.code,
                url,
                qrPng: await QRCode.toBuffer(url, {
                  type: 'png',
                  errorCorrectionLevel: 'M',
                  margin: 1,
                  width: 300,
                }),
              }
            : null,
      });
      const fileName = `Danh sách điểm danh - ${unit.name} - ${periodLabel.replace(/\//g, '-')}.docx`;
      return { fileName, data };
    },
  };
}
export type SheetService = ReturnType<typeof makeSheetService>;
