import { mapColumns } from './appeal-columns';
import { readAppealTable } from './read-appeal-table';
import { csvCell, csvDocument, harmlessFileName, looksLikeFormula } from './spreadsheet-cells';
import { importedAppealId, parseChinaTime } from './validate-appeal-rows';

describe('appeal import helpers', () => {
  it('reads China times as written in hotline exports and refuses impossible dates', () => {
    expect(parseChinaTime('2025-03-01 09:30')?.toISOString()).toBe('2025-03-01T01:30:00.000Z');
    expect(parseChinaTime('2025/3/1')?.toISOString()).toBe('2025-02-28T16:00:00.000Z');
    expect(parseChinaTime('2025年3月1日 9时5分')?.toISOString()).toBe('2025-03-01T01:05:00.000Z');
    expect(parseChinaTime('2025-02-30')).toBeUndefined();
    expect(parseChinaTime('去年春天')).toBeUndefined();
    expect(parseChinaTime({ date: new Date('2025-03-01T09:30:00Z') })?.toISOString()).toBe('2025-03-01T01:30:00.000Z');
  });

  it('neutralises cells that a spreadsheet would run, and only those', () => {
    for (const formula of ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(looksLikeFormula(formula)).toBe(true);
    expect(looksLikeFormula('小区电梯坏了')).toBe(false);
    expect(csvCell("=cmd|' /C calc'!A0")).toBe(`"'=cmd|' /C calc'!A0"`);
    expect(csvCell('他说"你好"')).toBe('"他说""你好"""');
    expect(csvDocument([['a'], ['=1']])).toBe('\uFEFF"a"\r\n"\'=1"\r\n');
  });

  it('keeps only a harmless label of a file name', () => {
    expect(harmlessFileName('../../etc/passwd')).toBe('passwd');
    expect(harmlessFileName('C:\\Windows\\system32\\诉求.csv')).toBe('诉求.csv');
    expect(harmlessFileName('..')).toBe('未命名文件');
    expect(harmlessFileName('a\u202Eb.csv')).toBe('ab.csv');
  });

  it('maps headers people write, once each', () => {
    expect(mapColumns(['标题', '内容', '受理时间', '单位', '备注', '内容']).map((column) => column.field)).toEqual([
      'title',
      'content',
      'receivedAt',
      'unit',
      null,
      null,
    ]);
  });

  it('reads a GBK CSV and keeps formula text as text', async () => {
    const gbk = Buffer.from([0xc4, 0xda, 0xc8, 0xdd, 0x0a, 0x3d, 0x31, 0x2b, 0x31, 0x0a]); // 内容\n=1+1\n
    const table = await readAppealTable(gbk);
    expect(table).toMatchObject({ format: 'csv', headers: ['内容'], rows: [{ rowNumber: 2, cells: ['=1+1'] }] });
  });

  it('gives the same appeal the same id, whatever the file', () => {
    const appeal = { receivedAt: new Date('2025-03-01T01:30:00Z'), unitId: 'zjj', title: '电梯', content: '电梯坏了' };
    expect(importedAppealId(appeal)).toBe(importedAppealId({ ...appeal }));
    expect(importedAppealId(appeal)).not.toBe(importedAppealId({ ...appeal, content: '电梯坏了。' }));
  });
});
