/**
 * Two cheap operations on the zip container of an .xlsx, without parsing the XML: counting the rows of a
 * worksheet (to refuse oversized lists at upload and size the progress bar), and moving the shared strings and
 * styles ahead of the worksheets, so exceljs's streaming reader can read a sheet as it inflates instead of
 * first copying it to a temporary file (Excel writes the sheets first).
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

interface Entry {
  name: string;
  method: number;
  /** compressed size */
  size: number;
  /** offset of the local header */
  local: number;
  /** offset of the data */
  start: number;
  /** the central directory record */
  central: Buffer;
}

/** The entries of a zip, from its central directory; null when it cannot be read (or is zip64). */
function entries(data: Buffer): { list: Entry[]; eocd: number } | null {
  const from = Math.max(0, data.length - 65_557);
  let eocd = -1;
  for (let i = data.length - 22; i >= from; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = data.readUInt16LE(eocd + 10);
  const list: Entry[] = [];
  let p = data.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) return null;
    const size = data.readUInt32LE(p + 20);
    const nameLen = data.readUInt16LE(p + 28);
    const recordLen = 46 + nameLen + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
    const local = data.readUInt32LE(p + 42);
    if (size === 0xffffffff || local === 0xffffffff) return null;
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    if (start + size > data.length) return null;
    list.push({
      name: data.toString('utf8', p + 46, p + 46 + nameLen),
      method: data.readUInt16LE(p + 10),
      size,
      local,
      start,
      central: data.subarray(p, p + recordLen),
    });
    p += recordLen;
  }
  return { list, eocd };
}

function entry(data: Buffer, name: string): Entry | null {
  return entries(data)?.list.find((e) => e.name === name) ?? null;
}

const FIRST = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * The same .xlsx with the workbook, shared strings and styles entries moved first (compressed data copied as
 * is). Returns the input unchanged when they already come first or the zip is not one we can rewrite.
 */
export function sharedStringsFirst(data: Buffer): Buffer {
  const z = entries(data);
  if (!z) return data;
  const rank = (e: Entry) => {
    const i = FIRST.indexOf(e.name);
    return i < 0 ? FIRST.length : i;
  };
  const ordered = [...z.list].sort((a, b) => rank(a) - rank(b) || a.local - b.local);
  if (ordered.every((e, i) => e === [...z.list].sort((a, b) => a.local - b.local)[i])) return data;
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of ordered) {
    let end = e.start + e.size;
    // A data descriptor may follow the data (general purpose flag bit 3), with or without its signature.
    if (data.readUInt16LE(e.local + 6) & 0x08)
      end += end + 4 <= data.length && data.readUInt32LE(end) === 0x08074b50 ? 16 : 12;
    parts.push(data.subarray(e.local, end));
    const central = Buffer.from(e.central);
    central.writeUInt32LE(offset, 42);
    centrals.push(central);
    offset += end - e.local;
  }
  const directory = Buffer.concat(centrals);
  const tail = Buffer.from(data.subarray(z.eocd));
  tail.writeUInt32LE(directory.length, 12);
  tail.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, tail]);
}

/** The number of <row> elements in xl/worksheets/sheet{n}.xml, or null when it cannot be found or read. */
export async function countSheetRows(data: Buffer, sheetNo: number): Promise<number | null> {
  const e = entry(data, `xl/worksheets/sheet${sheetNo}.xml`);
  if (!e || e.start + e.size > data.length || (e.method !== 0 && e.method !== 8)) return null;
  const body = data.subarray(e.start, e.start + e.size);
  const source = Readable.from([body]);
  const stream = e.method === 8 ? source.pipe(createInflateRaw()) : source;
  const tag = /<(?:\w+:)?row[\s>]/g;
  let rows = 0;
  let tail = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = tail + chunk.toString('latin1');
      rows += text.match(tag)?.length ?? 0;
      // Keep the end of the chunk that could hold the start of a tag cut in two (never a whole tag).
      const cut = text.lastIndexOf('<');
      tail = cut >= 0 && text.length - cut < 8 ? text.slice(cut) : '';
      if (tail) rows -= tail.match(tag)?.length ?? 0;
    }
  } catch {
    return null;
  }
  return rows;
}
