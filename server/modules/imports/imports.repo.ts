import { sql } from 'drizzle-orm';
import type { ImportField, ImportProblem } from '../../../contracts/imports';
import type { DbOrTx } from '../../db/client';
import { one, pgArray, rows } from '../../db/query';
import type { RowData } from './row';

export interface JobRow {
  id: number;
  unitId: number;
  createdBy: string;
  createdByName: string | null;
  fileName: string;
  fileSize: number;
  sheetName: string | null;
  headerRow: number | null;
  /** column index → field */
  mapping: Record<string, ImportField | null> | null;
  status: string;
  mode: string | null;
  progressDone: number;
  progressTotal: number;
  totalRows: number;
  validRows: number;
  errorRows: number;
  duplicateRows: number;
  result: JobResult | null;
  error: string | null;
  createdAt: string | Date;
}

/** What import_jobs.result holds: the reading notes and columns after upload/check, the counts after commit. */
export interface JobResult {
  notes?: string[];
  columns?: Array<{ index: number; header: string; samples: string[] }>;
  dataRow?: number;
  persons?: number;
  memberships?: number;
  linked?: number;
  skipped?: number;
  linkDuplicates?: boolean;
}

const JOB_COLUMNS = sql`j.id, j.unit_id as "unitId", j.created_by as "createdBy", au.name as "createdByName",
  j.file_name as "fileName", j.file_size as "fileSize", j.sheet_name as "sheetName", j.header_row as "headerRow",
  j.mapping, j.status, j.mode, j.progress_done as "progressDone", j.progress_total as "progressTotal",
  j.total_rows as "totalRows", j.valid_rows as "validRows", j.error_rows as "errorRows",
  j.duplicate_rows as "duplicateRows", j.result, j.error, j.created_at as "createdAt"`;

export async function insertJob(
  db: DbOrTx,
  j: {
    unitId: number;
    createdBy: string;
    fileName: string;
    data: Buffer;
    sheetName: string;
    headerRow: number;
    mapping: Record<string, ImportField | null>;
    progressTotal: number;
    result: JobResult;
  },
): Promise<number> {
  const r = await one<{ id: number }>(
    db,
    sql`insert into import_jobs (unit_id, created_by, file_name, file_size, file_data, sheet_name, header_row, mapping, progress_total, result)
      values (${j.unitId}, ${j.createdBy}, ${j.fileName}, ${j.data.length}, decode(${j.data.toString('base64')}, 'base64'),
        ${j.sheetName}, ${j.headerRow},
        ${JSON.stringify(j.mapping)}::jsonb, ${j.progressTotal}, ${JSON.stringify(j.result)}::jsonb)
      returning id`,
  );
  return r?.id as number;
}

export async function findJob(db: DbOrTx, id: number): Promise<JobRow | undefined> {
  return one<JobRow>(
    db,
    sql`select ${JOB_COLUMNS} from import_jobs j left join "user" au on au.id = j.created_by where j.id = ${id}`,
  );
}

export async function jobsOfUnit(db: DbOrTx, unitId: number, limit: number): Promise<JobRow[]> {
  return rows<JobRow>(
    db,
    sql`select ${JOB_COLUMNS} from import_jobs j left join "user" au on au.id = j.created_by
      where j.unit_id = ${unitId} order by j.created_at desc, j.id desc limit ${limit}`,
  );
}

/** The kept file. Sent and read as base64 text: PGlite's bytea parameters are (de)serialised byte by byte. */
export async function jobFile(db: DbOrTx, id: number): Promise<Buffer> {
  const r = await one<{ data: string }>(
    db,
    sql`select encode(file_data, 'base64') as data from import_jobs where id = ${id}`,
  );
  return Buffer.from(r?.data ?? '', 'base64');
}

/** Jobs a stopped server left half-way. */
export async function unfinishedJobs(db: DbOrTx): Promise<Array<{ id: number; status: string }>> {
  return rows(
    db,
    sql`select id, status from import_jobs where status in ('checking', 'committing') order by id`,
  );
}

export interface JobPatch {
  status?: string;
  mode?: string | null;
  mapping?: Record<string, ImportField | null>;
  progressDone?: number;
  progressTotal?: number;
  counts?: { total: number; valid: number; invalid: number; duplicate: number };
  result?: JobResult;
  error?: string | null;
  finished?: boolean;
}

export async function updateJob(
  db: DbOrTx,
  id: number,
  p: JobPatch,
  onlyIfStatus?: string[],
): Promise<boolean> {
  const sets = [sql`updated_at = now()`];
  if (p.status !== undefined) sets.push(sql`status = ${p.status}`);
  if (p.mode !== undefined) sets.push(sql`mode = ${p.mode}`);
  if (p.mapping !== undefined) sets.push(sql`mapping = ${JSON.stringify(p.mapping)}::jsonb`);
  if (p.progressDone !== undefined) sets.push(sql`progress_done = ${p.progressDone}`);
  if (p.progressTotal !== undefined) sets.push(sql`progress_total = ${p.progressTotal}`);
  if (p.counts) {
    sets.push(sql`total_rows = ${p.counts.total}, valid_rows = ${p.counts.valid}, error_rows = ${p.counts.invalid},
      duplicate_rows = ${p.counts.duplicate}`);
  }
  if (p.result !== undefined) sets.push(sql`result = ${JSON.stringify(p.result)}::jsonb`);
  if (p.error !== undefined) sets.push(sql`error = ${p.error}`);
  if (p.finished) sets.push(sql`finished_at = now()`);
  const guard = onlyIfStatus?.length
    ? sql` and status in (${sql.join(
        onlyIfStatus.map((s) => sql`${s}`),
        sql`, `,
      )})`
    : sql``;
  const r = await rows<{ id: number }>(
    db,
    sql`update import_jobs set ${sql.join(sets, sql`, `)} where id = ${id}${guard} returning id`,
  );
  return r.length > 0;
}

export async function deleteRows(db: DbOrTx, jobId: number): Promise<void> {
  await db.execute(sql`delete from import_rows where job_id = ${jobId}`);
}

export interface NewImportRow {
  rowNumber: number;
  raw: Record<string, string>;
  data: (RowData & { duplicateKey?: string }) | null;
  problems: ImportProblem[];
  status: 'valid' | 'invalid' | 'duplicate';
  duplicateOfRow: number | null;
  duplicateOfPersonId: number | null;
}

/** Drops empty values (null, false, "") so each stored row stays small; readers treat a missing key as empty. */
function compact(data: object | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (data) for (const [k, v] of Object.entries(data)) if (v !== null && v !== false && v !== '') out[k] = v;
  return out;
}

/** Stores checked rows: one JSON document per batch, expanded in SQL (much cheaper than per-column arrays). */
export async function insertRows(db: DbOrTx, jobId: number, batch: NewImportRow[]): Promise<void> {
  if (batch.length === 0) return;
  const doc = `[${batch
    .map((r) =>
      JSON.stringify([
        r.rowNumber,
        // The typed cells are kept only for rows that may be handed back (valid rows are shown from `data`).
        r.status === 'valid' ? {} : r.raw,
        compact(r.data),
        r.problems,
        r.status,
        r.duplicateOfRow,
        r.duplicateOfPersonId,
      ]),
    )
    .join(',')}]`;
  await db.execute(sql`insert into import_rows (job_id, row_number, raw, data, problems, status, duplicate_of_row,
      duplicate_of_person_id)
    select ${jobId}, (e->>0)::int, e->1, e->2, e->3, e->>4, (e->>5)::int, (e->>6)::int
    from jsonb_array_elements(${doc}::jsonb) e`);
}

export interface DuplicateKeys {
  rowNumber: number;
  nationalId: string | null;
  sortKey: string;
  birthDate: string | null;
  phone: string | null;
}
export interface KnownPerson {
  rowNumber: number;
  personId: number;
  /** 1 same CCCD, 2 same name and birth date, 3 same name and phone */
  why: 1 | 2 | 3;
  /** the unit where the person is already a live member of this organization, if any */
  memberOf: string | null;
}

/**
 * People already in the database matching rows — same CCCD, same name and birth date, or same name and phone —
 * in one query for a whole batch (names compared by their sort key, so case, Unicode form and tone-mark
 * placement do not matter; every probe uses a btree index).
 */
export async function findKnownPersons(
  db: DbOrTx,
  keys: DuplicateKeys[],
  organizationCode: string,
): Promise<KnownPerson[]> {
  if (keys.length === 0) return [];
  const col = <K extends keyof DuplicateKeys>(k: K) => pgArray(keys.map((x) => x[k]));
  return rows<KnownPerson>(
    db,
    sql`
    with g as (
      select * from unnest(${col('rowNumber')}::int[], ${col('nationalId')}::text[], ${col('sortKey')}::text[],
        ${col('birthDate')}::date[], ${col('phone')}::text[]) as g(rn, nid, sk, bd, ph)
    ),
    cand as (
      select g.rn, p.id as person_id, 1 as why from g join persons p on p.national_id = g.nid where g.nid is not null
      union all
      select g.rn, p.id, 2 from g join persons p on p.sort_key = g.sk collate "C" and p.birth_date = g.bd where g.bd is not null
      union all
      select g.rn, p.id, 3 from g join persons p on p.phone = g.ph and p.sort_key = g.sk collate "C" where g.ph is not null
    ),
    best as (select distinct on (rn) rn, person_id, why from cand order by rn, why, person_id)
    select b.rn as "rowNumber", b.person_id as "personId", b.why,
      (select u.name from memberships m join units u on u.id = m.unit_id
        where m.person_id = b.person_id and m.organization_code = ${organizationCode}
          and m.status in ('active', 'transferring') order by m.id limit 1) as "memberOf"
    from best b`,
  );
}

export async function countByStatus(db: DbOrTx, jobId: number) {
  const list = await rows<{ status: string; n: number }>(
    db,
    sql`select status, count(*)::int as n from import_rows where job_id = ${jobId} group by status`,
  );
  const get = (s: string) => list.find((x) => x.status === s)?.n ?? 0;
  const valid = get('valid');
  const invalid = get('invalid');
  const duplicate = get('duplicate');
  return { total: valid + invalid + duplicate, valid, invalid, duplicate };
}

export interface StoredRow {
  rowNumber: number;
  status: 'valid' | 'invalid' | 'duplicate';
  raw: Record<string, string>;
  data: Partial<RowData>;
  problems: ImportProblem[];
  duplicateOfRow: number | null;
  duplicateOfPersonId: number | null;
}

const STORED = sql`row_number as "rowNumber", status, raw, data, problems, duplicate_of_row as "duplicateOfRow",
  duplicate_of_person_id as "duplicateOfPersonId"`;

const filterSql = (status: string) =>
  status === 'all'
    ? sql`true`
    : status === 'problems'
      ? sql`(status <> 'valid' or jsonb_array_length(problems) > 0)`
      : sql`status = ${status}`;

export async function pageRows(db: DbOrTx, jobId: number, status: string, limit: number, offset: number) {
  const where = sql`job_id = ${jobId} and ${filterSql(status)}`;
  const total = await one<{ n: number }>(db, sql`select count(*)::int as n from import_rows where ${where}`);
  const items = await rows<StoredRow>(
    db,
    sql`select ${STORED} from import_rows where ${where} order by row_number limit ${limit} offset ${offset}`,
  );
  return { items, total: total?.n ?? 0 };
}

/** Rows a commit does not write: invalid ones, repeats within the file, people already members here, and
 * (unless accepted) people already in the database. */
export const notWrittenSql = (linkDuplicates: boolean) =>
  sql`(status = 'invalid' or (status = 'duplicate' and (duplicate_of_row is not null
    or coalesce((data->>'alreadyMember')::boolean, false) or duplicate_of_person_id is null or ${!linkDuplicates})))`;

/** Rows the commit did not (or would not) write, in sheet order. */
export async function rejectedRows(db: DbOrTx, jobId: number, linkDuplicates: boolean): Promise<StoredRow[]> {
  return rows<StoredRow>(
    db,
    sql`select ${STORED} from import_rows where job_id = ${jobId} and ${notWrittenSql(linkDuplicates)} order by row_number`,
  );
}

export async function rememberedMapping(
  db: DbOrTx,
  unitId: number,
): Promise<Record<string, ImportField | null>> {
  const r = await one<{ mapping: Record<string, ImportField | null> }>(
    db,
    sql`select mapping from import_mappings where unit_id = ${unitId}`,
  );
  return r?.mapping ?? {};
}

export async function rememberMapping(
  db: DbOrTx,
  unitId: number,
  mapping: Record<string, ImportField | null>,
) {
  await db.execute(sql`insert into import_mappings (unit_id, mapping) values (${unitId}, ${JSON.stringify(mapping)}::jsonb)
    on conflict (unit_id) do update set mapping = import_mappings.mapping || excluded.mapping, updated_at = now()`);
}
