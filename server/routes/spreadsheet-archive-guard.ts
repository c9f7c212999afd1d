import { AppError } from '../../common';
import { checkZipArchive, defaultIngestLimits, type IngestLimits } from '../../knowledge';

const megabyte = 1024 * 1024;

/**
 * An Excel file is a ZIP archive, and exceljs (jszip) inflates its parts whole before it looks at them: a few
 * KB that lie about their sizes could take the process's memory. The knowledge base's archive check inflates
 * every entry as a stream, counting, and stops at the limit; here with room for a 5,000-row sheet's markup.
 */
const spreadsheetLimits: IngestLimits = {
  ...defaultIngestLimits,
  maxInflatedBytes: 40 * megabyte,
  maxMarkupBytes: 40 * megabyte,
  maxMarkupTags: 2_000_000,
  maxMarkupAttributes: 3_000_000,
};

const isZipArchive = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;

/** Resolves when the file is not an archive or is safe to unpack; 413 over the limits, 422 when damaged (in Excel's words). */
export async function checkSpreadsheetArchive(bytes: Buffer): Promise<void> {
  if (!isZipArchive(bytes)) return;
  try {
    await checkZipArchive(bytes, spreadsheetLimits);
  } catch (error) {
    if (error instanceof AppError && error.code === 'UNPROCESSABLE')
      throw new AppError('UNPROCESSABLE', 'Excel 文件已损坏或不是 .xlsx 格式，请用 Excel 或 WPS 重新保存后再导入。', { cause: error });
    throw error;
  }
}
