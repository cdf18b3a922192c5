import type { FastifyReply } from 'fastify';

/** Latin letters without Vietnamese marks, for the ASCII fallback of a file name. */
function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 5987 / RFC 6266). */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${asciiName(name)}"; filename*=UTF-8''${encoded}`;
}

/** Sends stored bytes with their checked type; never sniffed, images inline, everything else downloaded. */
export function sendBytes(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; data: Uint8Array },
) {
  const inline = file.contentType.startsWith('image/');
  return reply
    .header('content-type', file.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-cache')
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.fileName))
    .send(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Sends a generated file as a download: never sniffed, never cached. */
export function sendDownload(reply: FastifyReply, type: string, name: string, data: Buffer) {
  return reply
    .header('content-type', type)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', contentDisposition('attachment', name))
    .send(data);
}
