// The architecture's one hard rule: src/core is pure. It takes a Document and returns data, so
// it runs the same in the content script, the CLI, the tests and the benchmark. It must never
// reach browser extension APIs or import code from outside src/core.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..', '..');
const core = join(root, 'src', 'core');

const FORBIDDEN_PACKAGES = ['webextension-polyfill'];
const EXTENSION_GLOBALS = new Set(['browser', 'chrome']);
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self']);
const NODE_BUILTIN = /^node:|^(fs|path|os|child_process|http|https|url|zlib|crypto|worker_threads)(\/|$)/;

/**
 * Problems in one core source file. `file` is the absolute path (used to resolve relative
 * imports); test files may use Node and test helpers but never the extension APIs.
 */
function checkCoreFile(file: string, source: string, coreDir = core): string[] {
  const problems: string[] = [];
  const isTest = /\.test\.ts$/.test(file);
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

  for (const { fileName: spec } of ts.preProcessFile(source, true, true).importedFiles) {
    if (FORBIDDEN_PACKAGES.some((p) => spec === p || spec.startsWith(p + '/'))) {
      problems.push(`imports ${spec}`);
    } else if (spec.startsWith('.') || spec.startsWith('/')) {
      const target = resolve(dirname(file), spec);
      if (!isTest && target !== coreDir && !target.startsWith(coreDir + sep)) problems.push(`imports ${spec} (outside src/core)`);
    } else if (!isTest && NODE_BUILTIN.test(spec)) {
      problems.push(`imports Node built-in ${spec}`);
    }
  }

  const visit = (node: ts.Node): void => {
    // browser.x / chrome.x
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && EXTENSION_GLOBALS.has(node.expression.text)) {
      problems.push(`uses ${node.expression.text}.${node.name.text}`);
    }
    // globalThis.chrome / window.browser / globalThis['chrome']
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && GLOBAL_OBJECTS.has(node.expression.text) && EXTENSION_GLOBALS.has(node.name.text)) {
      problems.push(`uses ${node.expression.text}.${node.name.text}`);
    }
    if (
      ts.isElementAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      GLOBAL_OBJECTS.has(node.expression.text) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      EXTENSION_GLOBALS.has(node.argumentExpression.text)
    ) {
      problems.push(`uses ${node.expression.text}['${node.argumentExpression.text}']`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (/\.(ts|tsx|mts)$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('the core boundary checker', () => {
  const f = join(core, 'spam', 'example.ts');
  it('accepts pure core code', () => {
    const ok = `import { x } from '../page/context';\nimport type { Analysis } from '../types';\nimport * as OpenCC from 'opencc-js/cn2t';\nconst browserName = 'x'; const o = { browser: 1 }; o.browser;\n// browser.tabs in a comment\nconst s = "chrome.runtime";`;
    expect(checkCoreFile(f, ok)).toEqual([]);
  });
  it('rejects the polyfill, extension globals and imports from outside core', () => {
    const bad = [
      `import browser from 'webextension-polyfill';`,
      `import { t } from '../../platform/browser';`,
      `export { a } from '../../content/index';`,
      `const m = import('../../reader/index');`,
      `import { readFileSync } from 'node:fs';`,
      `chrome.runtime.sendMessage({});`,
      `browser.storage.local.get();`,
      `const c = globalThis.chrome;`,
      `const b = window['browser'];`,
    ];
    for (const src of bad) expect(checkCoreFile(f, src), src).toHaveLength(1);
  });
  it('lets core tests use Node and helpers, but not extension APIs', () => {
    const t = join(core, 'spam', 'example.test.ts');
    expect(checkCoreFile(t, `import { parse } from '../../../test/helpers/corpus';\nimport { readFileSync } from 'node:fs';`)).toEqual([]);
    expect(checkCoreFile(t, `import browser from 'webextension-polyfill';`)).toHaveLength(1);
  });
});

describe('src/core is pure', () => {
  const files = tsFiles(core);
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  it('no file under src/core imports browser APIs or code outside src/core', () => {
    const problems = files.flatMap((file) => checkCoreFile(file, readFileSync(file, 'utf8')).map((p) => `${relative(root, file)}: ${p}`));
    expect(problems).toEqual([]);
  });
});
