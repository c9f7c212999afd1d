import ExcelJS from 'exceljs';

export const importHeaders = ['标题', '诉求内容', '受理时间', '承办单位', '诉求类型', '办理状态'];

const topics = [
  '小区电梯长期停运',
  '物业费上涨未公示',
  '楼道堆放杂物',
  '道路积水严重',
  '夜间施工噪音',
  '公交站台破损',
  '路灯不亮',
  '垃圾清运不及时',
];

/**
 * 50 appeal rows for the import tests: 47 good ones and 3 bad ones (rows 12, 25 and 40 of the file: an empty
 * content, an unreadable date and a unit that does not exist). `tag` makes the rows of one file differ from another's.
 */
export function appealRows(tag: string): string[][] {
  const rows: string[][] = [];
  for (let index = 0; index < 50; index += 1) {
    const day = String((index % 27) + 1).padStart(2, '0');
    const topic = topics[index % topics.length]!;
    rows.push([
      `${tag}${topic}（第${index + 1}件）`,
      `${tag}我们小区${topic}，已经反映多次，希望有关部门尽快处理。编号${index + 1}。`,
      `2025-03-${day} 09:${String(index % 60).padStart(2, '0')}`,
      index % 2 === 0 ? '宁德市住房和城乡建设局' : '住建局',
      '投诉',
      '办理中',
    ]);
  }
  // File row = index + 2 (the header is row 1).
  rows[10]![1] = '';
  rows[23]![2] = '去年春天';
  rows[38]![3] = '宁德市不存在局';
  return rows;
}

export const badRowNumbers = [12, 25, 40];

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const toCsv = (rows: string[][], headers = importHeaders) =>
  [headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';

export async function toXlsx(rows: string[][], headers = importHeaders): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('诉求');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV whose cells try to run as formulas in a spreadsheet program (CSV injection). */
export const formulaInjectionCsv = () =>
  toCsv([
    ["=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0 希望处理小区门口路灯不亮的问题", '2025-04-02 10:00', '住建局', '投诉', '办理中'],
    ['@SUM(1+1)', '+1+1 小区道路破损需要维修，请尽快处理', '2025-04-03 10:00', '住建局', '建议', '办理中'],
  ]);
