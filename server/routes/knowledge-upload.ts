import multer from 'multer';
import type { RequestHandler } from 'express';
import { AppError } from '../../common';

/**
 * A safe source name for an uploaded file: the last part of the name only (`../../etc/passwd` and
 * `..\..\x.md` lose their folders), no control characters, at most 120 characters, under `uploads/`.
 * The name is only ever a database value: nothing is written to the file system under it.
 */
export function uploadSource(originalName: string): string {
  const base = originalName.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{C}]/gu, '')
    .trim()
    .slice(-120);
  if (cleaned === '' || /^\.+$/.test(cleaned)) throw new AppError('BAD_REQUEST', '文件名无效，请改名后重新上传。');
  return `uploads/${cleaned}`;
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Room for the multipart boundaries, headers and the small form fields around the files. */
const multipartOverheadBytes = 64 * 1024;

/**
 * Reads up to `maxFiles` files of the form field `file` into memory while they stream in. A file is stopped
 * the moment it passes `limitBytes`: the 413 goes out at once with `Connection: close` and the rest of the
 * request is never read (multer's own limit would read a 1 GB body to its end before answering). A request
 * whose declared length is already over what the files could fill is refused before a byte of it is read.
 * multer's other errors become the shared error shape.
 */
export function uploadGuard(options: { limitBytes: number; maxFiles: number }): RequestHandler {
  const { limitBytes, maxFiles } = options;
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `文件太大了：每个文件不能超过 ${megabytes(limitBytes)} MB。`);
  return (request, response, next) => {
    let answered = false;
    const answer = (error?: unknown) => {
      if (answered) return;
      answered = true;
      if (error) response.setHeader('Connection', 'close');
      next(error);
    };
    const declared = Number(request.get('content-length') ?? 0);
    if (declared > maxFiles * limitBytes + multipartOverheadBytes) return answer(tooLarge());
    const storage: multer.StorageEngine = {
      _handleFile(_request, file, callback) {
        const parts: Buffer[] = [];
        let size = 0;
        const onData = (chunk: Buffer) => {
          size += chunk.length;
          if (size <= limitBytes) return void parts.push(chunk);
          // Stop reading here: nothing more of this request reaches memory or the parser.
          file.stream.off('data', onData);
          parts.length = 0;
          request.unpipe();
          request.pause();
          answer(tooLarge());
        };
        file.stream.on('data', onData);
        file.stream.once('end', () => {
          if (size <= limitBytes) callback(null, { buffer: Buffer.concat(parts), size });
        });
        file.stream.once('error', callback);
      },
      _removeFile(_request, _file, callback) {
        callback(null);
      },
    };
    const upload = multer({
      storage,
      limits: { files: maxFiles, fields: 5, fieldSize: 4096, parts: maxFiles + 5 },
      defParamCharset: 'utf8',
    }).array('file', maxFiles);
    upload(request, response, (error: unknown) => {
      if (!error) return answer();
      if (error instanceof multer.MulterError) {
        if (error.code === 'LIMIT_FILE_COUNT' || error.code === 'LIMIT_UNEXPECTED_FILE') {
          return answer(new AppError('BAD_REQUEST', `一次最多上传 ${maxFiles} 个文件，请用表单字段 file 上传。`, { cause: error }));
        }
        return answer(new AppError('BAD_REQUEST', '上传格式不正确：请用表单字段 file 上传文件。', { cause: error }));
      }
      answer(new AppError('BAD_REQUEST', '上传内容无法读取，请重新上传。', { cause: error }));
    });
  };
}
