import { sql } from 'drizzle-orm';
import type { VoiceFile } from '../../../contracts/voice';
import { VOICE_MAX_FILES } from '../../../contracts/voice';
import type { Db, DbOrTx } from '../../db/client';
import { one, rows } from '../../db/query';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors';
import { can } from '../../policy/policy';
import { fileData } from '../files/files.repo';
import { CONTENT_TYPES, cleanFileName, detectKind, type Kind, LABELS } from '../files/magic';
import { subjectOf } from '../files/owners';
import type { Upload } from '../files/upload';
import { findUnit } from '../units/units.repo';
import { visibleItem } from './access';
import { isAuthor } from './privacy';
import { addEvent } from './voice.repo';

/** Files of an item live in the shared files table under this owner type, served by the voice routes. */
export const VOICE_OWNER = 'voice_item';
/** Images and PDF, checked by their first bytes; the size limit is the files module's. */
const ACCEPTED: Kind[] = ['jpeg', 'png', 'pdf'];

const COLUMNS = sql`id, file_name as "fileName", content_type as "contentType", size_bytes as "sizeBytes",
  created_at as "createdAt"`;

type Row = Omit<VoiceFile, 'createdAt' | 'url'> & { createdAt: Date | string };
const present = (f: Row): VoiceFile => ({
  ...f,
  createdAt: new Date(f.createdAt).toISOString(),
  url: `/api/voice/files/${f.id}`,
});

export async function listVoiceFiles(db: DbOrTx, itemId: number): Promise<VoiceFile[]> {
  const res = await rows<Row>(
    db,
    sql`select ${COLUMNS} from files where owner_type = ${VOICE_OWNER} and owner_id = ${itemId} order by id`,
  );
  return res.map(present);
}

export function makeVoiceFiles({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** The author or the branch adds an image or PDF to an item that is still being dealt with. */
    async upload(
      ctx: RequestContext,
      itemId: number,
      read: () => Promise<Upload | null>,
    ): Promise<VoiceFile> {
      const item = await visibleItem(db, ctx, itemId);
      const origin = await findUnit(db, item.unitId);
      if (!isAuthor(ctx.actor, item) && !(origin && can(ctx.actor, 'voice.handle', subjectOf(origin)))) {
        throw forbidden('Chỉ người gửi hoặc chi đoàn, chi hội ghi nhận ý kiến mới thêm được tệp đính kèm.');
      }
      if (item.status !== 'open' && item.status !== 'answered') {
        throw conflict('Ý kiến đã kết thúc hoặc đã được gộp: không thêm tệp được nữa.');
      }
      const up = await read();
      if (!up || up.data.length === 0) {
        throw invalid('Chưa có tệp nào được gửi lên (hoặc tệp rỗng). Hãy chọn ảnh hoặc tệp PDF rồi thử lại.');
      }
      const kind = detectKind(up.data);
      if (!kind || !ACCEPTED.includes(kind)) {
        throw invalid(
          `Tệp "${up.fileName}" không phải ${ACCEPTED.map((k) => LABELS[k]).join(', ')} (kiểm tra theo nội dung tệp, không theo tên).`,
          [{ field: 'file' }],
        );
      }
      return db.transaction(async (tx) => {
        const count = await one<{ n: number }>(
          tx,
          sql`select count(*)::int as n from files where owner_type = ${VOICE_OWNER} and owner_id = ${itemId}`,
        );
        if ((count?.n ?? 0) >= VOICE_MAX_FILES) {
          throw conflict(`Mỗi ý kiến kèm tối đa ${VOICE_MAX_FILES} tệp.`);
        }
        const f = await one<Row>(
          tx,
          sql`insert into files (owner_type, owner_id, purpose, file_name, content_type, size_bytes, data, created_by)
          values (${VOICE_OWNER}, ${itemId}, 'attachment', ${cleanFileName(up.fileName, kind)}, ${CONTENT_TYPES[kind]},
            ${up.data.length}, decode(${up.data.toString('base64')}, 'base64'), ${ctx.actor.userId})
          returning ${COLUMNS}`,
        );
        const file = f as Row;
        await addEvent(tx, {
          itemId,
          kind: 'file_added',
          actorUserId: ctx.actor.userId,
          actorLabel: isAuthor(ctx.actor, item) ? 'Người gửi' : item.unitName,
          note: file.fileName,
          at: clock.now(),
        });
        await writeAudit(tx, ctx, {
          action: 'file.upload',
          entityType: VOICE_OWNER,
          entityId: itemId,
          after: {
            fileId: file.id,
            fileName: file.fileName,
            contentType: file.contentType,
            sizeBytes: file.sizeBytes,
          },
        });
        return present(file);
      });
    },

    /** A file of an item the actor may see; 404 otherwise. */
    async download(ctx: RequestContext, fileId: number) {
      const meta = await one<Row & { ownerId: number }>(
        db,
        sql`select ${COLUMNS}, owner_id as "ownerId" from files where id = ${fileId} and owner_type = ${VOICE_OWNER}`,
      );
      if (!meta) throw notFound('Tệp');
      try {
        await visibleItem(db, ctx, meta.ownerId);
      } catch {
        throw notFound('Tệp');
      }
      return { fileName: meta.fileName, contentType: meta.contentType, data: await fileData(db, fileId) };
    },
  };
}
export type VoiceFiles = ReturnType<typeof makeVoiceFiles>;
