/**
 * Spreadsheet cells are data, never instructions. A cell that a spreadsheet program would run as a formula
 * (it starts with = + - @, or a tab or carriage return that hides one) is kept as the text it is when read,
 * and written out with a leading apostrophe, so an export opened in Excel or WPS shows it instead of running it
 * (OWASP "CSV injection").
 */
const formulaStart = /^[=+\-@\t\r]/u;

export const looksLikeFormula = (text: string) => formulaStart.test(text);

/** A cell for a CSV export: neutralised when it could run, then quoted (quotes doubled). */
export function csvCell(value: string | null | undefined): string {
  const text = value ?? '';
  const safe = looksLikeFormula(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A whole CSV document for Excel: UTF-8 with a byte-order mark, CRLF line ends, every cell neutralised. */
export const csvDocument = (rows: readonly (readonly (string | null | undefined)[])[]) =>
  `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

/**
 * A file name as it may be shown and logged: the last path segment only (no ../ or C:\), no control or
 * formatting characters, at most 120 characters. The name is never used to write anything.
 */
export function harmlessFileName(name: string): string {
  const base = name.split(/[\\/]/u).pop() ?? '';
  const cleaned = base
    .replace(/[\p{C}]/gu, '')
    .trim()
    .slice(-120);
  return cleaned === '' || /^\.+$/u.test(cleaned) ? '未命名文件' : cleaned;
}
