import type { FastifyRequest } from 'fastify';
import { MAX_FILE_BYTES } from '../../../contracts/files';
import { invalid } from '../../lib/errors';

export interface Upload {
  fileName: string;
  data: Buffer;
}

const TOO_LARGE = `Tệp lớn hơn ${MAX_FILE_BYTES / 1024 / 1024} MB. Hãy chụp ảnh với độ phân giải thấp hơn hoặc nén tệp rồi tải lên lại.`;

/** Reads the one file of a multipart request, refusing files over the size limit with a clear message. */
export async function readUpload(req: FastifyRequest): Promise<Upload | null> {
  try {
    const part = await req.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
    if (!part) return null;
    const data = await part.toBuffer();
    return { fileName: part.filename, data };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw invalid(TOO_LARGE);
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw invalid('Hãy gửi tệp dưới dạng multipart/form-data (trường "file").');
    throw err;
  }
}
