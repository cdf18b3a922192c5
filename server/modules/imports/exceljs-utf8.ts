/**
 * exceljs 4.4's streaming reader decodes each 16 KB chunk of XML on its own, so a Vietnamese letter whose UTF-8
 * bytes straddle two chunks becomes "��" (exceljs issues #2084, #2063, #2316; fixes proposed, none released).
 * In a 100,000-row list that is a few names in every file. This decodes the XML with a streaming UTF-8 decoder
 * before exceljs sees it: shared strings (most text) and worksheets (inline strings, formula results).
 */
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

type Reader = {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  __utf8Fixed?: boolean;
};

/** Installs the fix once (it is harmless for other users of the reader). */
export function fixExceljsUtf8(): void {
  const proto = (ExcelJS.stream.xlsx.WorkbookReader as unknown as { prototype: Reader }).prototype;
  if (proto.__utf8Fixed) return;
  const sharedStrings = proto._parseSharedStrings;
  const worksheet = proto._parseWorksheet;
  proto._parseSharedStrings = function (this: Reader, entry) {
    // A readable with an encoding emits strings decoded across chunk boundaries.
    entry.setEncoding('utf8');
    return sharedStrings.call(this, entry);
  };
  proto._parseWorksheet = function (this: Reader, iterator, sheetNo) {
    return worksheet.call(this, utf8(iterator), sheetNo);
  };
  proto.__utf8Fixed = true;
}
