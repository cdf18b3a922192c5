import type { FastifyRequest } from 'fastify';
import { MAX_IMPORT_BYTES } from '../../../contracts/imports';
import { invalid } from '../../lib/errors';

const mb = MAX_IMPORT_BYTES / 1024 / 1024;

/** Reads the member-list file of a multipart request (field "file"), up to the import size limit. */
export async function readImportFile(
  req: FastifyRequest,
): Promise<{ fileName: string; data: Buffer } | null> {
  try {
    const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
    if (!part) return null;
    return { fileName: part.filename || 'danh-sach', data: await part.toBuffer() };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw invalid(
        `Tệp vượt giới hạn ${mb} MB. Xoá các trang tính và hình ảnh không cần, hoặc chia danh sách thành nhiều tệp.`,
      );
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw invalid('Hãy gửi tệp dưới dạng multipart/form-data (trường "file").');
    throw err;
  }
}
