import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { AppError, isAppError, messageForPerson, somethingWentWrong } from '../common';
import { isDatabaseUnavailable } from '../storage';

/** body-parser and express raise plain errors with these fields; they become our own error type here. */
function fromFrameworkError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (type === 'entity.parse.failed') return new AppError('INVALID_JSON', '请求内容不是有效的 JSON 格式。', { cause: error });
  if (type === 'entity.too.large' || status === 413)
    return new AppError('PAYLOAD_TOO_LARGE', '提交的内容太大了，请精简后再试。', { cause: error });
  if (type === 'charset.unsupported' || type === 'encoding.unsupported' || status === 415) {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持这种内容格式。', { cause: error });
  }
  if (typeof status === 'number' && status >= 400 && status < 500) return new AppError('BAD_REQUEST', '请求格式不正确。', { cause: error });
  return undefined;
}

export function validationError(error: z.ZodError, where: string): AppError {
  const fields = [...new Set(error.issues.map((issue) => issue.path.join('.') || where))];
  return new AppError('VALIDATION_FAILED', `提交的信息不完整或格式不对，请检查：${fields.join('、')}。`, {
    details: { where, issues: error.issues.map(({ path, code, message }) => ({ path, code, message })) },
  });
}

/** Sent while PostgreSQL is down or restarting: a clear, temporary refusal rather than "something went wrong". */
export const databaseUnavailableMessage = '数据库暂时无法访问，请稍后再试。';

export function toAppError(error: unknown): AppError {
  // Also when code below wrapped the driver's error in a generic INTERNAL error.
  if ((!isAppError(error) || error.code === 'INTERNAL') && isDatabaseUnavailable(error)) {
    return new AppError('SERVICE_UNAVAILABLE', databaseUnavailableMessage, { cause: error, retryAfterSeconds: 5 });
  }
  if (isAppError(error)) return error;
  if (error instanceof z.ZodError) return validationError(error, 'body');
  return fromFrameworkError(error) ?? new AppError('INTERNAL', somethingWentWrong, { cause: error });
}

export const notFoundHandler: RequestHandler = (_request, _response, next) => {
  next(new AppError('NOT_FOUND', '没有找到您要访问的页面或接口。'));
};

/**
 * The one error handler: known errors keep their status and Chinese message; anything else is a logged 500.
 * The text sent is the one every channel shows for the same error (common/person-message.ts).
 */
export const errorHandler: ErrorRequestHandler = (error, request, response, _next) => {
  const appError = toAppError(error);
  const log = request.log;
  if (appError.status >= 500) {
    log?.error({ err: error, code: appError.code }, 'request failed');
  } else {
    log?.warn({ code: appError.code, details: appError.details }, appError.message);
  }
  if (response.headersSent) {
    response.end();
    return;
  }
  if (appError.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(appError.retryAfterSeconds));
  response.status(appError.status).json({ error: messageForPerson(appError) });
};
