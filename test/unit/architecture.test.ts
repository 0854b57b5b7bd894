// docs/ARCHITECTURE.md kept true: the lint rules that enforce its table really fire, and no two modules of src/
// import each other (directly or round a longer cycle).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = resolve(__dirname, '..', '..', '..');

async function lint(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('architecture', () => {
  it('keeps vscode out of the pure cores', async () => {
    for (const folder of ['model', 'cloud', 'workflows', 'gaYaml', 'probe']) {
      const errors = await lint(`src/${folder}/example.ts`, "import * as vscode from 'vscode';\nexport const x = vscode;\n");
      assert.ok(errors.some((e) => e.startsWith('no-restricted-imports') && e.includes('pure core')), `${folder}: ${errors.join('; ')}`);
    }
    assert.deepEqual(await lint('src/explorer/example.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n"), []);
  });

  it('keeps the layers: workflows never import the UI, cloud imports only the model', async () => {
    assert.match((await lint('src/workflows/plan/example.ts', "import { ExplorerTree } from '../../explorer';\nexport const x = ExplorerTree;\n")).join(), /src\/workflows may import only src\/cloud and src\/model/);
    assert.match((await lint('src/cloud/example.ts', "import type { Profile } from '../profiles/types';\nexport type X = Profile;\n")).join(), /src\/cloud may import only src\/model/);
    assert.deepEqual(await lint('src/workflows/plan/example.ts', "import { isIpv6 } from '../../model';\nimport { isCloudError } from '../../cloud';\nimport { chain } from '../teardown';\nexport const x = [isIpv6, isCloudError, chain];\n"), []);
  });

  it('keeps the ga.yaml language, its editor and the command line in their lanes', async () => {
    assert.match((await lint('src/gaYaml/example.ts', "import { planConfig } from '../workflows';\nexport const x = planConfig;\n")).join(), /src\/gaYaml may import only src\/model/);
    assert.match((await lint('src/cli/commands/example.ts', "import { Session } from '../../ui/session';\nexport const x = Session;\n")).join(), /src\/cli may import only/);
    assert.match((await lint('src/cli/example.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n")).join(), /pure core/);
    assert.match((await lint('src/gaYamlUi/example.ts', "import { startEmulator } from '../emulator/server';\nexport const x = startEmulator;\n")).join(), /src\/gaYamlUi may import only/);
    assert.match((await lint('src/gaYamlUi/example.ts', "import { GaService } from '../cloud/gaService';\nexport const x = GaService;\n")).join(), /UI code reaches the cloud through src\/workflows/);
    assert.deepEqual(await lint('src/gaYamlUi/example.ts', "import * as vscode from 'vscode';\nimport { planConfig } from '../workflows';\nimport { validateGaYaml } from '../gaYaml';\nexport const x = [vscode, planConfig, validateGaYaml];\n"), []);
    assert.deepEqual(await lint('src/cli/commands/example.ts', "import { planConfig } from '../../workflows';\nimport { validateGaYaml } from '../../gaYaml';\nexport const x = [planConfig, validateGaYaml];\n"), []);
  });

  it('keeps guided creation in its lanes: the form halves pure (the webview bundles them), the panels\' host through workflows', async () => {
    assert.match((await lint('src/workflows/forms/example.ts', "import { planConfig } from '../apply/apply';\nexport const x = planConfig;\n")).join(), /bundled into the webview/);
    assert.match((await lint('src/workflows/forms/example.ts', "import { GaService } from '../../cloud';\nexport const x = GaService;\n")).join(), /bundled into the webview/);
    assert.match((await lint('src/workflows/forms/example.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n")).join(), /pure core/);
    assert.deepEqual(await lint('src/workflows/forms/example.ts', "import { nameProblems } from '../../model';\nimport { parseWholeNumber } from './fields';\nexport const x = [nameProblems, parseWholeNumber];\n"), []);
    assert.match((await lint('src/forms/example.ts', "import { validateGaYaml } from '../gaYaml';\nexport const x = validateGaYaml;\n")).join(), /src\/forms may import only/);
    assert.match((await lint('src/forms/example.ts', "import { GaService } from '../cloud/gaService';\nexport const x = GaService;\n")).join(), /UI code reaches the cloud through src\/workflows/);
    assert.deepEqual(await lint('src/forms/example.ts', "import * as vscode from 'vscode';\nimport { planConfig } from '../workflows';\nimport { validateGateway } from '../workflows/forms';\nimport type { ExplorerTree } from '../explorer';\nexport const x = [vscode, planConfig, validateGateway];\nexport type T = ExplorerTree;\n"), []);
  });

  it('lets no UI file call a cloud mutation itself', async () => {
    for (const folder of ['explorer', 'ui', 'probeUi', 'gaYamlUi', 'forms', 'cli']) {
      const errors = await lint(`src/${folder}/example.ts`, 'export async function f(s: { ga: { deleteListener(id: string): Promise<void> } }) {\n  await s.ga.deleteListener("lsr-1");\n}\n');
      assert.ok(errors.some((e) => e.startsWith('no-restricted-syntax')), `${folder}: ${errors.join('; ')}`);
    }
    assert.deepEqual(await lint('src/workflows/example.ts', 'export async function f(s: { ga: { deleteListener(id: string): Promise<void> } }) {\n  await s.ga.deleteListener("lsr-1");\n}\n'), []);
  });

  it('has no import cycles in src/', () => {
    const files = walk(join(ROOT, 'src')).filter((f) => f.endsWith('.ts'));
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'visiting');
      stack.push(f);
      for (const g of graph.get(f) ?? []) {
        if (state.get(g) === 'visiting') cycles.push([...stack.slice(stack.indexOf(g)), g].map((x) => relative(ROOT, x)).join(' → '));
        else if (!state.has(g)) visit(g);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    assert.deepEqual(cycles, []);
  });

  it('has no cycles between the folders of src/ either (data flows one way)', () => {
    const folderOf = (f: string) => relative(join(ROOT, 'src'), f).split(/[\\/]/)[0].replace(/\.ts$/, '');
    const edges = new Map<string, Set<string>>();
    for (const f of walk(join(ROOT, 'src')).filter((x) => x.endsWith('.ts'))) {
      for (const g of importsOf(f)) {
        const [a, b] = [folderOf(f), folderOf(g)];
        if (a !== b) edges.set(a, new Set([...(edges.get(a) ?? []), b]));
      }
    }
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      [...(edges.get(from) ?? [])].some((n) => n === to || (!seen.has(n) && (seen.add(n), reaches(n, to, seen))));
    const cyclic = [...edges].flatMap(([a, bs]) => [...bs].filter((b) => reaches(b, a)).map((b) => `${a} ↔ ${b}`));
    assert.deepEqual(cyclic, []);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Relative imports of a module (type-only ones included: they are dependencies of the design too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs = [...text.matchAll(/(?:from|import|require\()\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  return specs.flatMap((s) => {
    const base = resolve(dirname(file), s);
    const found = [`${base}.ts`, join(base, 'index.ts')].find((c) => existsSync(c));
    return found ? [found] : [];
  });
}
