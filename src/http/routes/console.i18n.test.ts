import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EN } from '../../../console/src/locale-en.ts';

const CONSOLE_SRC = join(import.meta.dirname, '../../../console/src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) && !p.endsWith('locale-en.ts') ? [p] : [];
  });

test('every text the staff console passes to t() has its English', () => {
  const used = new Set<string>();
  for (const f of files(CONSOLE_SRC))
    for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g))
      used.add(m[1]!.replace(/\\'/g, "'"));
  assert.ok(used.size > 200, `found ${used.size} texts`);
  assert.deepEqual(
    [...used].filter((k) => !(k in EN)),
    [],
  );
});

test('no Chinese text in the console bypasses t() (comments aside)', () => {
  const stray: string[] = [];
  for (const f of files(CONSOLE_SRC)) {
    readFileSync(f, 'utf8')
      // t('…') calls, also when the formatter broke them over lines (their line breaks kept for the numbering).
      .replace(/\bt\(\s*'(?:[^'\\]|\\.)*'/g, (m) => m.replace(/[^\n]/g, ''))
      .split('\n')
      .forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
        // The language switch names each language in itself.
        const rest = line.replace(/\/\/.*$/, '').replace(/^\s*中文\s*$/, '');
        if (/[\u4e00-\u9fff]/.test(rest)) stray.push(`${f.slice(CONSOLE_SRC.length)}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(stray, []);
});
