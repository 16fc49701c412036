import { join } from 'node:path';
import { importCycles, importGraph } from './import-graph';

describe('import graph', () => {
  it('no source files import each other in a circle', () => {
    expect(importCycles(importGraph(join(__dirname, '..', '..', '..')))).toEqual([]);
  });

  it('finds a circle through several files, and none in a tree', () => {
    const circle = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]);
    expect(importCycles(circle)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    const tree = new Map([['a.ts', ['b.ts', 'c.ts']], ['b.ts', ['c.ts']], ['c.ts', []]]);
    expect(importCycles(tree)).toEqual([]);
  });
});
