import { parse, type Options } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../../common';

/** A table as read from a file: its header cells and its rows, each with its row number in the file. */
export interface AppealTable {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: { rowNumber: number; cells: CellValue[] }[];
}

/** Text, or a date when the spreadsheet stored one (XLSX date cells; its wall-clock time). */
export type CellValue = string | { date: Date };

export interface TableLimits {
  /** Data rows a file may hold. */
  maxRows: number;
  /** Columns a file may hold. */
  maxColumns: number;
  /** Bytes an XLSX archive may declare once unpacked (read from its central directory before unpacking). */
  maxInflatedBytes: number;
}

export const defaultTableLimits: TableLimits = { maxRows: 5_000, maxColumns: 40, maxInflatedBytes: 40 * 1024 * 1024 };

const unreadable = (detail: string) =>
  new AppError('UNPROCESSABLE', '文件无法读取：请上传 CSV（逗号分隔，UTF-8 或 GBK 编码）或 Excel（.xlsx）文件。', {
    details: { table: detail },
  });

const tooManyRows = (limit: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `文件行数太多：一次最多导入 ${limit.toLocaleString('en-US')} 行，请拆分后再导入。`);

const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (what Excel on a Chinese Windows saves as CSV). */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const parseCsv = (text: string, options: Options) =>
  new Promise<string[][]>((resolve, reject) => {
    parse(text, options, (error, records: string[][] | undefined) => (error ? reject(error) : resolve(records ?? [])));
  });

async function readCsv(bytes: Buffer, limits: TableLimits): Promise<AppealTable> {
  if (bytes.includes(0)) throw unreadable('binary bytes in a CSV');
  let records: string[][];
  try {
    records = await parseCsv(decodeText(bytes), {
      relax_column_count: true,
      skip_empty_lines: false,
      to_line: limits.maxRows + 2,
      max_record_size: 64 * 1024,
    });
  } catch (error) {
    throw new AppError('UNPROCESSABLE', 'CSV 文件格式有误（例如引号不成对），请用 Excel 或 WPS 另存为 CSV 后再导入。', { cause: error });
  }
  const [headers = [], ...rows] = records;
  if (rows.length > limits.maxRows) throw tooManyRows(limits.maxRows);
  if (headers.length > limits.maxColumns) throw unreadable('too many columns');
  return {
    format: 'csv',
    headers: headers.map((header) => header.trim()),
    rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells })).filter((row) => row.cells.some((cell) => cell.trim() !== '')),
  };
}

/** The sizes an archive declares in its central directory: a bomb that says what it is is refused unopened. */
function declaredInflatedBytes(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let offset = bytes.length - 22; offset >= earliest; offset -= 1) {
    if (bytes.readUInt32LE(offset) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw unreadable('no end of central directory');
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let entry = 0; entry < entries; entry += 1) {
    if (offset + 46 > end || bytes.readUInt32LE(offset) !== 0x02014b50) throw unreadable('bad central directory');
    const declared = bytes.readUInt32LE(offset + 24);
    // 0xFFFFFFFF: a ZIP64 size, far beyond any spreadsheet this import takes.
    total += declared === 0xffffffff ? Number.POSITIVE_INFINITY : declared;
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return total;
}

/** A cell's value as text; a formula is kept as its text (=…), never run and never replaced by its cached result. */
function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return { date: value };
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = 'formula' in value ? value.formula : (value as { sharedFormula: string }).sharedFormula;
      return `=${formula}`;
    }
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Buffer, limits: TableLimits): Promise<AppealTable> {
  if (declaredInflatedBytes(bytes) > limits.maxInflatedBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'Excel 文件解压后太大，无法导入，请拆分成几个较小的文件。');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('UNPROCESSABLE', 'Excel 文件已损坏或不是 .xlsx 格式，请用 Excel 或 WPS 重新保存后再导入。', { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('no worksheet');
  if (sheet.actualRowCount > limits.maxRows + 1) throw tooManyRows(limits.maxRows);
  if (sheet.columnCount > limits.maxColumns) throw unreadable('too many columns');
  const width = sheet.columnCount;
  const rowCells = (row: ExcelJS.Row) => Array.from({ length: width }, (_, index) => cellValue(row.getCell(index + 1).value));
  const headers = rowCells(sheet.getRow(1)).map((cell) => (typeof cell === 'string' ? cell.trim() : ''));
  const rows: AppealTable['rows'] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = rowCells(row);
    if (cells.some((cell) => typeof cell !== 'string' || cell.trim() !== '')) rows.push({ rowNumber, cells });
  });
  return { format: 'xlsx', headers, rows };
}

/** Reads a CSV or an XLSX file, told apart by its bytes (an XLSX is a ZIP archive), not by its name. */
export async function readAppealTable(bytes: Buffer, limits: TableLimits = defaultTableLimits): Promise<AppealTable> {
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', '文件是空的，请选择要导入的 CSV 或 Excel 文件。');
  return isZip(bytes) ? readXlsx(bytes, limits) : readCsv(bytes, limits);
}
