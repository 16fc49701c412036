import fc from 'fast-check';
import { parseCsv } from './csv-parse.test-util';
import { toCsv } from './csv';
import type { Cell } from './report-model';

const FORMULA = /^[=+\-@\t\r]/;

describe('CSV round trip (property)', () => {
  test('any table of text and numbers reads back cell for cell; formula-like text gains a leading quote', () => {
    const cell: fc.Arbitrary<Cell> = fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const columns = [{ key: 'a', zh: '甲', en: 'A' }, { key: 'b', zh: '乙', en: 'B' }];
        const text = toCsv({ fileName: 'x', sheets: [{ name: 's', preamble: [], columns, rows, footer: [] }] }).toString('utf8');
        const expected = rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : FORMULA.test(c) ? `'${c}` : c)));
        expect(parseCsv(text)).toEqual([['甲 A', '乙 B'], ...expected]);
      }),
      { numRuns: 300 },
    );
  });
});
