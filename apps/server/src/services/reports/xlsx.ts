// XLSX through exceljs's streaming writer (rows are written and released as they go, so a month
// of ticket detail does not hold the whole workbook in memory): one worksheet per sheet, bold
// bilingual headers, frozen header row, number formats by column, preamble and footer lines.
import { PassThrough } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import { headerOf, type Cell, type Report } from './report-model';

const FORMATS = { int: '0', decimal: '0.0', text: '@' } as const;
/** Excel holds 1,048,576 rows a sheet; longer tables continue on further sheets. */
export const MAX_ROWS_PER_SHEET = 1_000_000;

function split(sheets: Report['sheets'], max: number): Report['sheets'] {
  return sheets.flatMap((sheet) => {
    if (sheet.rows.length <= max) return [sheet];
    const parts: Report['sheets'] = [];
    for (let i = 0; i < sheet.rows.length; i += max) {
      parts.push({ ...sheet, name: i === 0 ? sheet.name : `${sheet.name.slice(0, 24)} (${i / max + 1})`, rows: sheet.rows.slice(i, i + max) });
    }
    return parts;
  });
}

/**
 * Characters XML 1.0 cannot hold: controls other than tab and line breaks, U+FFFE, U+FFFF and
 * lone surrogates. Text typed by anyone (a visitor's rating reason) may carry them, and one of
 * them leaves the workbook damaged for Excel, so they are left out.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const values = (cells: readonly Cell[]): Array<string | number | undefined> =>
  cells.map((v) => (v === null ? undefined : typeof v === 'string' ? v.replace(NOT_XML, '') : v));

export async function toXlsx(report: Report, maxRows = MAX_ROWS_PER_SHEET): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  // Loaded on first use: the library is large and a hall server exports rarely.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof ExcelJSModule;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'HallQ';
  const names = new Set<string>();
  for (const sheet of split(report.sheets, maxRows)) {
    let name = sheet.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    for (let i = 2; names.has(name); i++) name = `${sheet.name.slice(0, 27)} (${i})`;
    names.add(name);
    const headerRow = sheet.preamble.length + (sheet.preamble.length > 0 ? 2 : 1);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow }] });
    ws.columns = sheet.columns.map((c) => ({
      key: c.key,
      width: c.width ?? Math.max(10, headerOf(c).length + 2),
      ...(c.format && c.format !== 'text' ? { style: { numFmt: FORMATS[c.format] } } : {}),
    }));
    for (const p of sheet.preamble) {
      const row = ws.addRow(values(p));
      row.font = { bold: true };
      row.commit();
    }
    if (sheet.preamble.length > 0) ws.addRow([]).commit();
    const header = ws.addRow(sheet.columns.map(headerOf));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    header.commit();
    for (const r of sheet.rows) ws.addRow(values(r)).commit();
    if (sheet.footer.length > 0) ws.addRow([]).commit();
    for (const f of sheet.footer) ws.addRow(values(f)).commit();
    ws.commit();
  }
  await wb.commit();
  return Buffer.concat(chunks);
}
