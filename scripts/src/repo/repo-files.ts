// Finds what the repository's Markdown documents point at: relative links and file paths
// written in the text. Used by the docs test so a document never names a file that is gone.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git', '.turbo', 'coverage', 'data', 'test-artifacts', 'bench-results']);

/** Every file of the repository below `root`, as paths relative to it with `/` separators. */
export function listRepoFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name));
      } else {
        out.push(relative(root, join(dir, entry.name)).split('\\').join('/'));
      }
    }
  };
  walk(root);
  return out;
}

export interface DocReference {
  doc: string;
  line: number;
  kind: 'link' | 'path';
  target: string;
}

const LINK = /\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
// A file path written in the text (`dir/name.ts`, `../name.ts`, `name.test.ts`) with an extension
// of the repository's own sources and documents; data files a user creates (`kiosk.json`) are not.
const PATH = /(?<![\w./@<>*:-])((?:\.\.?\/)*(?:[\w.-]+\/)*[\w-][\w.-]*\.(?:tsx?|md|css|html|sh))(?![\w/*-])/g;

/** Relative links and file paths mentioned in one Markdown document. */
export function referencesIn(doc: string, text: string): DocReference[] {
  const refs: DocReference[] = [];
  text.split('\n').forEach((lineText, index) => {
    const line = index + 1;
    for (const match of lineText.matchAll(LINK)) {
      const target = match[1] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('/')) continue;
      refs.push({ doc, line, kind: 'link', target: target.split('#')[0] ?? '' });
    }
    const withoutLinks = lineText.replace(LINK, ' ').replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ');
    for (const match of withoutLinks.matchAll(PATH)) {
      const target = match[1] ?? '';
      if (/(^|\/)dist\//.test(target)) continue; // build output, not in the repository
      refs.push({ doc, line, kind: 'path', target });
    }
  });
  return refs;
}

/**
 * Whether a reference names something that exists. A link resolves against its document's
 * folder; a path written in the text may be written from the document's folder, the repository
 * root, or any folder (`storage/command-queue.ts` in the server's docs), so it must end a real
 * file path.
 */
export function resolves(ref: DocReference, files: readonly string[]): boolean {
  const docDir = ref.doc.includes('/') ? ref.doc.slice(0, ref.doc.lastIndexOf('/')) : '';
  if (ref.kind === 'link') {
    const target = normalise(docDir ? `${docDir}/${ref.target}` : ref.target);
    if (target === null) return false;
    if (target === '') return true;
    return files.some((f) => f === target || f.startsWith(`${target.replace(/\/$/, '')}/`));
  }
  if (ref.target.startsWith('./') || ref.target.startsWith('../')) {
    const target = normalise(docDir ? `${docDir}/${ref.target}` : ref.target);
    return target !== null && files.includes(target);
  }
  const target = ref.target;
  return files.some((f) => f === target || f.endsWith(`/${target}`));
}

function normalise(path: string): string | null {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null; // points outside the repository
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** Every reference of every Markdown document under `root` that does not resolve. */
export function brokenReferences(root: string): DocReference[] {
  const files = listRepoFiles(root);
  const docs = files.filter((f) => f.endsWith('.md'));
  return docs.flatMap((doc) =>
    referencesIn(doc, readFileSync(join(root, doc), 'utf8')).filter((ref) => !resolves(ref, files)),
  );
}
