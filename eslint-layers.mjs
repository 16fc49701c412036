// The repository's layers as a lint rule: apps -> packages, never back, never sideways.
//   - packages import only packages (never an app);
//   - an app (and scripts) imports only packages, never another app;
//   - e2e imports packages and the entry points an app declares in its package.json `exports`;
//   - no one imports another workspace's files by a relative path or by `@hallq/<name>/src/...`.
// Relative imports are resolved against the importing file, so `../../../display/src/x` from the
// console is caught as well as `@hallq/display`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));

/** `apps/console`, `packages/shared`, `scripts`, `e2e`, or null outside every workspace. */
function workspaceOf(absolutePath) {
  const parts = relative(ROOT, absolutePath).split(sep);
  if (parts[0] === 'apps' || parts[0] === 'packages') return parts.length > 1 ? `${parts[0]}/${parts[1]}` : null;
  if (parts[0] === 'scripts' || parts[0] === 'e2e') return parts[0];
  return null;
}

const kindOf = (workspace) => (workspace?.startsWith('apps/') ? 'app' : workspace?.startsWith('packages/') ? 'package' : workspace);

/** The workspace folder of a `@hallq/<name>` package, read from the workspaces' package.json. */
const byPackageName = new Map();
for (const group of ['apps', 'packages']) {
  const dir = join(ROOT, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const manifest = join(dir, name, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    byPackageName.set(pkg.name, { workspace: `${group}/${name}`, exports: pkg.exports ?? null });
  }
}

function problemWith(fromWorkspace, source, filename) {
  if (source.startsWith('.')) {
    const target = workspaceOf(resolve(dirname(filename), source));
    if (target === fromWorkspace) return null;
    return `reaches into ${target ?? 'a folder outside the workspaces'} by a relative path; import a package by its name`;
  }
  const match = /^(@hallq\/[^/]+)(?:\/(.*))?$/.exec(source);
  if (!match) return null;
  const [, name, subpath] = match;
  const target = byPackageName.get(name);
  if (!target) return null;
  if (subpath && /^(src|dist)(\/|$)/.test(subpath)) return `imports the inside of ${name}; use its entry point`;
  if (target.workspace === fromWorkspace) return null;
  const from = kindOf(fromWorkspace);
  const to = kindOf(target.workspace);
  if (to === 'package') return null;
  // The target is an app.
  if (from === 'package') return `a package may not import an app (${name})`;
  if (from === 'app' || from === 'scripts') return `an app may not import another app (${name})`;
  if (from === 'e2e') {
    const declared = target.exports && Object.prototype.hasOwnProperty.call(target.exports, subpath ? `./${subpath}` : '.');
    return declared ? null : `${source} is not an entry point ${name} declares in its package.json "exports"`;
  }
  return null;
}

const layers = {
  meta: { type: 'problem', docs: { description: 'keep the layers: apps -> packages, e2e through public entry points' }, schema: [] },
  create(context) {
    const filename = context.filename;
    const fromWorkspace = workspaceOf(filename);
    if (!fromWorkspace) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const problem = problemWith(fromWorkspace, source, filename);
      if (problem) context.report({ node, message: `Layers: ${problem}.` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0].value);
      },
    };
  },
};

export default { rules: { layers } };
