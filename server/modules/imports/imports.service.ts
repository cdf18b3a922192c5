import type { FastifyBaseLogger } from 'fastify';
import {
  type CommitImportBody,
  IMPORT_FIELD_LABELS,
  type ImportDetail,
  type ImportField,
  type ImportRowsQuery,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
} from '../../../contracts/imports';
import type { Db } from '../../db/client';
import { type RequestContext, writeAudit } from '../../lib/audit';
import type { Clock } from '../../lib/clock';
import { AppError, conflict, defined, invalid, notFound } from '../../lib/errors';
import { assertCan } from '../../policy/policy';
import { vietnamDay } from '../organizations/rules';
import { findUnit, type UnitRow } from '../units/units.repo';
import { isSuperseded, runCheck } from './check';
import { writeRows } from './commit';
import { detectUpload } from './detect';
import { headerKey } from './headers';
import { detailOf, rowItemOf, summaryOf } from './imports.presenter';
import {
  countByStatus,
  deleteRows,
  findJob,
  insertJob,
  type JobRow,
  jobsOfUnit,
  pageRows,
  rejectedRows,
  rememberedMapping,
  rememberMapping,
  unfinishedJobs,
  updateJob,
} from './imports.repo';
import { columnLetter } from './sheet';
import { makeTasks } from './tasks';
import { rejectedWorkbook, templateWorkbook } from './workbooks';

const UNIT = 'Đơn vị';
const JOB = 'Lượt nhập';
const subject = (u: UnitRow) => ({
  path: u.path,
  organizationCode: u.organizationCode,
  areaPath: u.areaPath,
});

export interface ImportsDeps {
  db: Db;
  clock: Clock;
  log?: Pick<FastifyBaseLogger, 'error' | 'warn'>;
  /** limits; DOANHOI_IMPORT_MAX_ROWS overrides the row limit (e.g. a small one to try the refusal) */
  maxBytes?: number;
  maxRows?: number;
}

export function makeImportsService(deps: ImportsDeps) {
  const { db, clock } = deps;
  const maxBytes = deps.maxBytes ?? MAX_IMPORT_BYTES;
  const maxRows = deps.maxRows ?? Number(process.env.DOANHOI_IMPORT_MAX_ROWS || MAX_IMPORT_ROWS);
  const tasks = makeTasks((jobId, err) => void failJob(jobId, err));

  async function failJob(jobId: number, err: unknown) {
    if (isSuperseded(err)) return;
    if (!(err instanceof AppError)) deps.log?.error({ err, jobId }, 'import job failed');
    const message =
      err instanceof AppError
        ? err.message
        : 'Có lỗi khi xử lý tệp; chưa có gì được ghi. Hãy thử lại, nếu vẫn lỗi hãy báo quản trị viên.';
    await deleteRows(db, jobId);
    await updateJob(db, jobId, { status: 'failed', error: message, finished: true }, ['checking']);
  }

  async function unitFor(ctx: RequestContext, unitId: number, what = UNIT): Promise<UnitRow> {
    const u = await findUnit(db, unitId);
    if (!u) throw notFound(what);
    assertCan(ctx.actor, 'member.import', subject(u), what);
    return u;
  }

  async function jobFor(ctx: RequestContext, jobId: number): Promise<{ job: JobRow; unit: UnitRow }> {
    const job = await findJob(db, jobId);
    if (!job) throw notFound(JOB);
    const unit = await unitFor(ctx, job.unitId, JOB);
    return { job, unit };
  }

  const detail = async (jobId: number, unit: UnitRow): Promise<ImportDetail> =>
    detailOf(defined(await findJob(db, jobId), 'import job'), unit.name);

  function startCheck(jobId: number, organizationCode: string) {
    tasks.start(jobId, () =>
      runCheck(jobId, { db, today: vietnamDay(clock.now()), maxRows, organizationCode }),
    );
  }

  function startCommit(ctx: RequestContext, job: JobRow, unit: UnitRow, body: CommitImportBody) {
    tasks.start(job.id, async () => {
      try {
        await db.transaction(async (tx) => {
          const r = await writeRows(
            tx,
            { id: job.id, unitId: unit.id, organizationCode: unit.organizationCode },
            body.linkDuplicates,
          );
          const byHeader: Record<string, ImportField | null> = {};
          for (const c of job.result?.columns ?? [])
            byHeader[headerKey(c.header)] = job.mapping?.[String(c.index)] ?? null;
          await rememberMapping(tx, unit.id, byHeader);
          const skipped = job.totalRows - r.persons - r.linked;
          const result = { ...job.result, ...r, skipped, linkDuplicates: body.linkDuplicates };
          await writeAudit(tx, ctx, {
            action: 'import.commit',
            entityType: 'import_job',
            entityId: job.id,
            after: { unitId: unit.id, fileName: job.fileName, mode: body.mode, ...r, skipped },
          });
          const ok = await updateJob(
            tx,
            job.id,
            {
              status: 'committed',
              result,
              progressDone: r.persons + r.linked,
              progressTotal: r.persons + r.linked,
              finished: true,
            },
            ['committing'],
          );
          if (!ok) throw conflict('Lượt nhập đã đổi trạng thái trong lúc ghi.');
        });
      } catch (err) {
        deps.log?.error({ err, jobId: job.id }, 'import commit failed');
        await updateJob(
          db,
          job.id,
          {
            status: 'checked',
            error:
              'Ghi vào cơ sở dữ liệu không thành công nên chưa có gì được ghi. Hãy bấm Nhập lần nữa; nếu vẫn lỗi hãy báo quản trị viên.',
          },
          ['committing'],
        );
      }
    });
  }

  return {
    async list(ctx: RequestContext, unitId: number) {
      await unitFor(ctx, unitId);
      return { items: (await jobsOfUnit(db, unitId, 20)).map(summaryOf) };
    },

    /** Keeps the file, finds its header and proposes a mapping (the unit's remembered one first). */
    async upload(
      ctx: RequestContext,
      unitId: number,
      read: () => Promise<{ fileName: string; data: Buffer } | null>,
    ) {
      const unit = await unitFor(ctx, unitId);
      if (unit.level === 'province') {
        throw invalid(
          'Chỉ nhập danh sách vào một chi đoàn/chi hội hoặc một cơ sở cấp xã; hãy mở đơn vị đó rồi nhập.',
        );
      }
      const file = await read();
      if (!file) throw invalid('Chưa chọn tệp. Chọn tệp danh sách .xlsx hoặc .csv rồi tải lên.');
      const found = await detectUpload(file.data, file.fileName, { maxBytes, maxRows });
      const remembered = await rememberedMapping(db, unit.id);
      const mapping: Record<string, ImportField | null> = {};
      const used = new Set<ImportField>();
      for (const c of found.layout.columns) {
        const key = headerKey(c.header);
        let field = key in remembered ? (remembered[key] ?? null) : c.field;
        if (field && used.has(field)) field = null;
        if (field) used.add(field);
        mapping[String(c.index)] = field;
      }
      const notes = [
        `Đọc trang "${found.sheetName}": tiêu đề ở dòng ${found.layout.headerRow}, dữ liệu từ dòng ${found.layout.dataRow}.`,
        ...(found.skippedSheets.length
          ? [`Bỏ qua trang không có tiêu đề danh sách: ${found.skippedSheets.join(', ')}.`]
          : []),
      ];
      const columns = found.layout.columns.map((c) => ({
        index: c.index,
        header: c.header,
        samples: found.samples.get(c.index) ?? [],
      }));
      const name = (file.fileName.split(/[\\/]/).pop() ?? 'danh-sach').slice(0, 150);
      const id = await db.transaction(async (tx) => {
        const jobId = await insertJob(tx, {
          unitId: unit.id,
          createdBy: ctx.actor.userId,
          fileName: name,
          data: file.data,
          sheetName: found.sheetName,
          headerRow: found.layout.headerRow,
          mapping,
          progressTotal: found.estimatedRows,
          result: { notes, columns, dataRow: found.layout.dataRow },
        });
        await writeAudit(tx, ctx, {
          action: 'import.upload',
          entityType: 'import_job',
          entityId: jobId,
          after: { unitId: unit.id, fileName: name, size: file.data.length, sheet: found.sheetName },
        });
        return jobId;
      });
      return detail(id, unit);
    },

    async get(ctx: RequestContext, jobId: number) {
      const { job, unit } = await jobFor(ctx, jobId);
      return detailOf(job, unit.name);
    },

    /** Saves the mapping and starts checking every row in the background. */
    async check(ctx: RequestContext, jobId: number, mapping: Record<string, ImportField | null>) {
      const { job, unit } = await jobFor(ctx, jobId);
      if (!['uploaded', 'checked', 'failed'].includes(job.status)) {
        throw conflict('Lượt nhập này đang được kiểm tra/ghi hoặc đã xong; không kiểm tra lại được.');
      }
      const columns = job.result?.columns ?? [];
      const known = new Set(columns.map((c) => String(c.index)));
      const clean: Record<string, ImportField | null> = {};
      const where = new Map<ImportField, string[]>();
      for (const c of columns) clean[String(c.index)] = null;
      for (const [k, f] of Object.entries(mapping)) {
        if (!known.has(k)) throw invalid(`Cột số ${Number(k) + 1} không có trong tệp.`);
        clean[k] = f;
        if (f) where.set(f, [...(where.get(f) ?? []), columnLetter(Number(k))]);
      }
      const twice = [...where].filter(([, cols]) => cols.length > 1);
      if (twice.length) {
        throw invalid(
          `Mỗi trường chỉ chọn cho một cột: ${twice.map(([f, cols]) => `"${IMPORT_FIELD_LABELS[f]}" đang chọn cho các cột ${cols.join(', ')}`).join('; ')}.`,
        );
      }
      if (!where.has('fullName') && !where.has('givenName')) {
        throw invalid(
          'Chưa chọn cột "Họ và tên" (hoặc hai cột "Họ đệm" và "Tên"). Chọn cột chứa họ tên rồi kiểm tra.',
        );
      }
      const ok = await updateJob(
        db,
        job.id,
        {
          status: 'checking',
          mapping: clean,
          progressDone: 0,
          error: null,
          counts: { total: 0, valid: 0, invalid: 0, duplicate: 0 },
        },
        ['uploaded', 'checked', 'failed'],
      );
      if (!ok) throw conflict('Lượt nhập vừa đổi trạng thái; tải lại trang.');
      startCheck(job.id, unit.organizationCode);
      return detail(job.id, unit);
    },

    async rows(ctx: RequestContext, jobId: number, q: ImportRowsQuery) {
      const { job } = await jobFor(ctx, jobId);
      const nameColumns = Object.entries(job.mapping ?? {})
        .filter(([, f]) => f === 'fullName' || f === 'familyName' || f === 'givenName')
        .map(([k]) => Number(k));
      const page = await pageRows(db, job.id, q.status, q.pageSize, (q.page - 1) * q.pageSize);
      return { items: page.items.map((r) => rowItemOf(r, nameColumns)), total: page.total };
    },

    /** Starts writing: all rows (refused while any row is invalid) or only the valid ones. */
    async commit(ctx: RequestContext, jobId: number, body: CommitImportBody) {
      const { job, unit } = await jobFor(ctx, jobId);
      if (job.status !== 'checked') throw conflict('Chỉ ghi được lượt nhập đã kiểm tra xong và chưa ghi.');
      if (!unit.active)
        throw invalid('Đơn vị đã ngừng hoạt động hoặc đã hợp nhất: không nhập danh sách vào đây được.');
      const counts = await countByStatus(db, job.id);
      if (body.mode === 'all_or_nothing' && counts.invalid > 0) {
        throw conflict(
          `Còn ${counts.invalid.toLocaleString('vi-VN')} dòng lỗi nên không nhập "tất cả" được; chưa có gì được ghi. ` +
            'Sửa các dòng lỗi trong tệp rồi tải lên lại, hoặc chọn "Chỉ nhập các dòng hợp lệ".',
        );
      }
      if (counts.valid === 0 && (!body.linkDuplicates || counts.duplicate === 0)) {
        throw invalid('Không có dòng hợp lệ nào để nhập. Sửa các dòng lỗi rồi tải lên lại.');
      }
      const ok = await updateJob(db, job.id, { status: 'committing', mode: body.mode, error: null }, [
        'checked',
      ]);
      if (!ok) throw conflict('Lượt nhập vừa đổi trạng thái; tải lại trang.');
      startCommit(ctx, job, unit, body);
      return detail(job.id, unit);
    },

    async cancel(ctx: RequestContext, jobId: number) {
      const { job, unit } = await jobFor(ctx, jobId);
      const ok = await db.transaction(async (tx) => {
        const changed = await updateJob(tx, job.id, { status: 'cancelled', finished: true }, [
          'uploaded',
          'checked',
          'failed',
          'checking',
        ]);
        if (!changed) return false;
        await deleteRows(tx, job.id);
        await writeAudit(tx, ctx, {
          action: 'import.cancel',
          entityType: 'import_job',
          entityId: job.id,
          after: { unitId: unit.id },
        });
        return true;
      });
      if (!ok) throw conflict('Lượt nhập đang ghi hoặc đã ghi xong; không huỷ được.');
      return detail(job.id, unit);
    },

    /** The rows not written (or that would not be), as .xlsx with a "Lý do" column. */
    async rejected(ctx: RequestContext, jobId: number) {
      const { job } = await jobFor(ctx, jobId);
      if (!['checked', 'committing', 'committed'].includes(job.status)) {
        throw conflict('Chỉ tải được các dòng chưa nhập sau khi đã kiểm tra xong.');
      }
      const list = await rejectedRows(db, job.id, job.result?.linkDuplicates ?? true);
      const data = await rejectedWorkbook(job.result?.columns ?? [], list);
      const stem = job.fileName.replace(/\.[^.]*$/, '');
      return { fileName: `${stem} - dong chua nhap.xlsx`, data };
    },

    async template(ctx: RequestContext) {
      assertCan(ctx.actor, 'member.import');
      return { fileName: 'Mau danh sach doan vien hoi vien.xlsx', data: await templateWorkbook() };
    },

    /**
     * After a restart: a check that was running is started again from the kept file (it is idempotent);
     * a commit that was running had its transaction rolled back, so the job goes back to 'checked'.
     */
    async recover() {
      for (const j of await unfinishedJobs(db)) {
        if (j.status === 'committing') {
          await updateJob(
            db,
            j.id,
            {
              status: 'checked',
              error: 'Máy chủ khởi động lại trong lúc ghi nên chưa có gì được ghi. Hãy bấm Nhập lần nữa.',
            },
            ['committing'],
          );
        } else {
          const job = await findJob(db, j.id);
          const unit = job && (await findUnit(db, job.unitId));
          if (unit) startCheck(j.id, unit.organizationCode);
        }
      }
    },

    drain: () => tasks.drain(),
  };
}
export type ImportsService = ReturnType<typeof makeImportsService>;
