// CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as mojibake), CRLF
// line ends, fields quoted when they hold a comma, quote or line break. Sheets follow each other,
// separated by an empty line. A field starting with = + - @ is prefixed with ' so a spreadsheet
// never runs it as a formula (CSV injection).
import { headerOf, type Cell, type Report } from './report-model';

const BOM = '\uFEFF';

export function csvField(value: Cell): string {
  if (value === null) return '';
  let s = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: readonly Cell[]): string => cells.map(csvField).join(',');

export function toCsv(report: Report): Buffer {
  const blocks = report.sheets.map((sheet) =>
    [...sheet.preamble.map(line), line(sheet.columns.map(headerOf)), ...sheet.rows.map(line), ...sheet.footer.map(line)].join('\r\n'),
  );
  return Buffer.from(BOM + blocks.join('\r\n\r\n') + '\r\n', 'utf8');
}
