import { isAppError, type ErrorCode } from './errors';

/**
 * The one apology for failures a person can do nothing about. Web chat, WeChat, the widget and the HTTP
 * API all say it in these words, so a citizen who meets it twice recognises it.
 */
export const somethingWentWrong = '抱歉，系统暂时出了点问题，请稍后再试，或直接拨打12345热线。';

/**
 * Codes whose message describes our own fault or a service behind us. Their text is written for the log
 * (a config file, WeChat's refusal) and could name internals, so a person gets the apology instead.
 */
const codesNotForPeople: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['INTERNAL', 'CONFIG_INVALID', 'UPSTREAM_ERROR']);

export interface PersonMessage {
  code: ErrorCode;
  /** Plain Chinese, no internals. */
  message: string;
}

/**
 * What a citizen reads for an error, on every channel and in every API answer: an AppError's own message
 * where it was written for people (too many messages, poll closed, service unreachable), the apology for
 * everything else. Details and causes stay in the log.
 */
export function messageForPerson(error: unknown): PersonMessage {
  if (!isAppError(error)) return { code: 'INTERNAL', message: somethingWentWrong };
  if (codesNotForPeople.has(error.code) || error.message.trim() === '') return { code: error.code, message: somethingWentWrong };
  return { code: error.code, message: error.message };
}
