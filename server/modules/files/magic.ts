/** File types we accept, recognised by their first bytes (never by the name or the type the client sent). */
export type Kind = 'jpeg' | 'png' | 'pdf' | 'docx';

export const CONTENT_TYPES: Record<Kind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
export const EXTENSIONS: Record<Kind, string> = { jpeg: '.jpg', png: '.png', pdf: '.pdf', docx: '.docx' };
export const LABELS: Record<Kind, string> = { jpeg: 'JPEG', png: 'PNG', pdf: 'PDF', docx: 'Word (.docx)' };

const startsWith = (data: Uint8Array, sig: readonly number[]) =>
  data.length >= sig.length && sig.every((b, i) => data[i] === b);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4

/** The kind of a file from its content, or null when it is none of the accepted kinds. */
export function detectKind(data: Uint8Array): Kind | null {
  if (startsWith(data, PNG)) return 'png';
  if (startsWith(data, JPEG)) return 'jpeg';
  if (startsWith(data, PDF)) return 'pdf';
  // A .docx is a zip whose entries include the Word main part; any other zip is refused.
  if (startsWith(data, ZIP)) {
    const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (buf.includes('[Content_Types].xml') && buf.includes('word/document.xml')) return 'docx';
  }
  return null;
}

/** A safe display name: no folders, no control characters, at most 150 characters, the right extension. */
export function cleanFileName(name: string | undefined, kind: Kind): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  let clean = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
  const ext = EXTENSIONS[kind];
  const stem = clean.replace(/\.[^.]*$/, '');
  const hasExt = clean.toLowerCase().endsWith(ext) || (kind === 'jpeg' && /\.jpe?g$/i.test(clean));
  clean = hasExt ? clean : `${stem || 'tep'}${ext}`;
  return clean.length > 150 ? `${clean.slice(0, 150 - ext.length)}${ext}` : clean;
}
