import { AppError } from './errors';

/**
 * C0 control characters other than tab, line feed and carriage return. No person types them; PostgreSQL
 * refuses NUL in text (a 500 that logged the failed query's parameters), and the others only garble logs
 * and pages. They are refused where text enters: HTTP query, path and body, socket.io, WeChat, the agent.
 */
export function containsControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

/** Where inside a parsed value (query, params, JSON body) a string or key holds a control character, e.g. `body.message`. */
export function findControlCharacter(value: unknown, where: string, depth = 0): string | undefined {
  if (typeof value === 'string') return containsControlCharacter(value) ? where : undefined;
  // JSON bodies are bounded by BODY_LIMIT_KB; the depth bound only keeps a pathological one off the stack.
  if (typeof value !== 'object' || value === null || depth > 32) return undefined;
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    const path = `${where}.${key}`;
    if (containsControlCharacter(key)) return where;
    const found = findControlCharacter(item, path, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The 400 for such text; it names the field, never the value (which may be a citizen's message). */
export function controlCharacterError(where: string): AppError {
  return new AppError('VALIDATION_FAILED', '您提交的内容中含有无法识别的特殊字符，请删除后重新输入。', { details: { where } });
}
