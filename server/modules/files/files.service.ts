import type { FileList, FilePurpose, FileSummary } from '../../../contracts/files';
import type { Db } from '../../db/client';
import { type RequestContext, writeAudit } from '../../lib/audit';
import { conflict, invalid, notFound } from '../../lib/errors';
import { can } from '../../policy/policy';
import {
  deleteFile,
  fileData,
  fileSummary,
  findFileMeta,
  insertFile,
  listFiles,
  type OwnerType,
} from './files.repo';
import { CONTENT_TYPES, cleanFileName, detectKind, type Kind, LABELS } from './magic';
import { meetingFor, subjectOf, themeFor } from './owners';
import type { Upload } from './upload';

/** What each owner accepts. */
const ACCEPTED: Record<OwnerType, Kind[]> = {
  meeting: ['jpeg', 'png', 'pdf'],
  theme: ['pdf', 'jpeg', 'png', 'docx'],
};

interface Owner {
  /** the actor may add files (and remove them unless locked) */
  write: boolean;
  /** the owner's files can no longer be removed (locked minutes) */
  locked: boolean;
}

export function makeFilesService({ db }: { db: Db }) {
  /** Resolves the owner for reading or writing; 404 when out of scope, 403 when read-only. */
  async function ownerFor(
    ctx: RequestContext,
    type: OwnerType,
    id: number,
    mode: 'read' | 'write',
  ): Promise<Owner> {
    if (type === 'meeting') {
      const { m, unit } = await meetingFor(db, ctx, id, mode === 'read' ? 'meeting.read' : 'meeting.write');
      const write = can(ctx.actor, 'meeting.write', subjectOf(unit));
      return { write, locked: m.status === 'locked' };
    }
    const { unit } = await themeFor(db, ctx, id, mode);
    return { write: can(ctx.actor, 'theme.write', subjectOf(unit)), locked: false };
  }

  /** A stored file's row when the actor may read (or write) its owner; 404 otherwise. */
  async function fileFor(ctx: RequestContext, fileId: number, mode: 'read' | 'write') {
    const meta = await findFileMeta(db, fileId);
    if (!meta) throw notFound('Tệp');
    try {
      return { meta, owner: await ownerFor(ctx, meta.ownerType, meta.ownerId, mode) };
    } catch (err) {
      // The file's existence is hidden like its owner's.
      if ((err as { code?: string }).code === 'NOT_FOUND') throw notFound('Tệp');
      throw err;
    }
  }

  return {
    async list(ctx: RequestContext, type: OwnerType, id: number): Promise<FileList> {
      const owner = await ownerFor(ctx, type, id, 'read');
      return {
        items: await listFiles(db, type, id),
        abilities: { upload: owner.write, delete: owner.write && !owner.locked },
      };
    },

    /** Checks the actor first, then reads the upload, checks its content and stores it with an audit row. */
    async upload(
      ctx: RequestContext,
      type: OwnerType,
      id: number,
      purpose: FilePurpose,
      read: () => Promise<Upload | null>,
    ): Promise<FileSummary> {
      await ownerFor(ctx, type, id, 'write');
      const up = await read();
      if (!up || up.data.length === 0) {
        throw invalid('Chưa có tệp nào được gửi lên (hoặc tệp rỗng). Hãy chọn ảnh hoặc tệp rồi thử lại.');
      }
      const kind = detectKind(up.data);
      const accepted = ACCEPTED[type];
      if (!kind || !accepted.includes(kind)) {
        throw invalid(
          `Tệp "${up.fileName}" không phải ${accepted.map((k) => LABELS[k]).join(', ')} (kiểm tra theo nội dung tệp, không theo tên). Hãy lưu hoặc chụp lại đúng định dạng rồi tải lên.`,
          [{ field: 'file' }],
        );
      }
      const row = await db.transaction(async (tx) => {
        const f = await insertFile(tx, {
          ownerType: type,
          ownerId: id,
          purpose,
          fileName: cleanFileName(up.fileName, kind),
          contentType: CONTENT_TYPES[kind],
          sizeBytes: up.data.length,
          data: up.data,
          createdBy: ctx.actor.userId,
        });
        await writeAudit(tx, ctx, {
          action: 'file.upload',
          entityType: type,
          entityId: id,
          after: {
            fileId: f.id,
            purpose,
            fileName: f.fileName,
            contentType: f.contentType,
            sizeBytes: f.sizeBytes,
          },
        });
        return f;
      });
      return fileSummary(row);
    },

    async download(ctx: RequestContext, fileId: number) {
      const { meta } = await fileFor(ctx, fileId, 'read');
      return { ...meta, data: await fileData(db, fileId) };
    },

    async remove(ctx: RequestContext, fileId: number) {
      const { meta, owner } = await fileFor(ctx, fileId, 'write');
      if (owner.locked) throw conflict('Biên bản đã khoá: không xoá được tệp của cuộc họp này.');
      await db.transaction(async (tx) => {
        await deleteFile(tx, fileId);
        await writeAudit(tx, ctx, {
          action: 'file.delete',
          entityType: meta.ownerType,
          entityId: meta.ownerId,
          before: { fileId, purpose: meta.purpose, fileName: meta.fileName, sizeBytes: meta.sizeBytes },
        });
      });
      return { id: fileId };
    },
  };
}
export type FilesService = ReturnType<typeof makeFilesService>;
