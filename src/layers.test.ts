import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

/**
 * The import direction (domain ← db ← shared ← commands/queries ← http/cli/jobs) is enforced by Biome's
 * noRestrictedImports rules in biome.json. Each case writes a probe file into a layer, lints it alone, and
 * expects the rule to fail it (or to pass it, for an allowed import).
 */
const cases: { file: string; source: string; allowed: boolean }[] = [
  { file: 'src/queries/layer-probe.ts', source: "import { x } from '../commands/context.ts';", allowed: false },
  { file: 'src/commands/layer-probe.ts', source: "import { x } from '../queries/agencies.ts';", allowed: false },
  { file: 'src/domain/case/layer-probe.ts', source: "import { x } from '../../render/pdf.ts';", allowed: false },
  { file: 'src/domain/layer-probe.ts', source: "import { x } from 'node:crypto';", allowed: false },
  { file: 'src/domain/layer-probe.ts', source: "import { x } from 'kysely';", allowed: false },
  { file: 'src/shared/layer-probe.ts', source: "import { x } from '../commands/context.ts';", allowed: false },
  { file: 'src/db/layer-probe.ts', source: "import { x } from '../shared/context.ts';", allowed: false },
  { file: 'src/render/layer-probe.ts', source: "import { x } from '../db/schema.ts';", allowed: false },
  { file: 'src/http/contract/layer-probe.ts', source: "import { x } from '../auth.ts';", allowed: false },
  { file: 'src/http/contract/layer-probe.ts', source: "import { x } from 'fastify';", allowed: false },
  { file: 'src/http/contract/layer-probe.ts', source: "import { x } from '../../shared/context.ts';", allowed: false },
  {
    file: 'src/http/contract/layer-probe.ts',
    source: "import { x } from '../../domain/case/index.ts';",
    allowed: true,
  },
  { file: 'src/http/contract/layer-probe.ts', source: "import { x } from './common.ts';", allowed: true },
  { file: 'src/queries/layer-probe.ts', source: "import { x } from '../shared/context.ts';", allowed: true },
  { file: 'src/domain/case/layer-probe.ts', source: "import { x } from '../calendar/index.ts';", allowed: true },
];

for (const c of cases) {
  test(`layers: ${c.source.match(/'(.*)'/)![1]} in ${c.file} is ${c.allowed ? 'allowed' : 'refused'}`, () => {
    writeFileSync(c.file, `${c.source}\n\nexport const probe = [x];\n`);
    try {
      const r = spawnSync(join('node_modules', '.bin', 'biome'), ['lint', '--max-diagnostics=5', c.file], {
        encoding: 'utf8',
      });
      const refused = /noRestrictedImports/.test(r.stdout + r.stderr);
      assert.equal(refused, !c.allowed, r.stdout + r.stderr);
    } finally {
      rmSync(c.file, { force: true });
    }
  });
}
