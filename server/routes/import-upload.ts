import multer from 'multer';
import type { RequestHandler } from 'express';
import { AppError } from '../../common';

/** The largest appeals file an administrator may import: thousands of rows fit in far less. */
export const importLimitBytes = 5 * 1024 * 1024;

/**
 * One file in the form field `file`, kept in memory (the limit bounds it: nothing is written to disk, so a file
 * name such as ../../etc/passwd names nothing); multer's errors become the shared error shape.
 */
export function importUpload(limitBytes = importLimitBytes): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: limitBytes, files: 1, fields: 5, fieldSize: 1024 },
    defParamCharset: 'utf8',
  }).single('file');
  return (request, response, next) => {
    upload(request, response, (error: unknown) => {
      if (!error) return next();
      if (error instanceof multer.MulterError) {
        if (error.code === 'LIMIT_FILE_SIZE') {
          return next(
            new AppError('PAYLOAD_TOO_LARGE', `文件太大了：导入文件不能超过 ${Math.round(limitBytes / 1024 / 1024)} MB，请拆分后再导入。`),
          );
        }
        return next(new AppError('BAD_REQUEST', '上传格式不正确：请用表单字段 file 上传一个文件。', { cause: error }));
      }
      next(new AppError('BAD_REQUEST', '上传内容无法读取，请重新上传。', { cause: error }));
    });
  };
}
