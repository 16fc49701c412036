import { join } from 'node:path';
import { brokenReferences, referencesIn, resolves } from './repo-files';

const root = join(__dirname, '..', '..', '..');

describe('repository documents', () => {
  it('every relative link and every file path named in a Markdown document exists in the repository', () => {
    const broken = brokenReferences(root).map((r) => `${r.doc}:${r.line} ${r.kind} ${r.target}`);
    expect(broken).toEqual([]);
  });
});

describe('reference finder', () => {
  const files = ['README.md', 'docs/api.md', 'apps/server/src/storage/command-queue.ts', 'apps/server/README.md'];

  it('finds links and paths, and skips web addresses, anchors, globs and placeholders', () => {
    const text = [
      'See [the API](docs/api.md#auth) and [site](https://example.org/a.md), [top](#top).',
      'The write path is `storage/command-queue.ts`; tests are `*.test.ts`; pages at `apps/<app>/dist`.',
      'Built file `dist/main.js` and http://127.0.0.1:3000/api/v1/openapi.json.',
    ].join('\n');
    expect(referencesIn('README.md', text).map((r) => `${r.kind}:${r.target}`)).toEqual([
      'link:docs/api.md',
      'path:storage/command-queue.ts',
    ]);
  });

  it('a link resolves against its document folder and may not leave the repository', () => {
    expect(resolves({ doc: 'apps/server/README.md', line: 1, kind: 'link', target: '../../docs/api.md' }, files)).toBe(true);
    expect(resolves({ doc: 'README.md', line: 1, kind: 'link', target: '../shared/API.md' }, files)).toBe(false);
    expect(resolves({ doc: 'README.md', line: 1, kind: 'link', target: 'docs/missing.md' }, files)).toBe(false);
  });

  it('a path in the text must end a real file path', () => {
    expect(resolves({ doc: 'docs/api.md', line: 1, kind: 'path', target: 'storage/command-queue.ts' }, files)).toBe(true);
    expect(resolves({ doc: 'docs/api.md', line: 1, kind: 'path', target: 'security.integration.test.ts' }, files)).toBe(false);
  });
});
