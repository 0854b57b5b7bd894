// Writes schemas/ga-yaml.schema.json from src/gaYaml/shape.ts (through src/gaYaml/jsonSchema.ts). A unit test
// (test/unit/gaYaml/jsonSchema.test.ts) fails when the committed file differs from what this writes.
// Usage: npm run gen:schema
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot } from './lib/project.mjs';

const bundle = await esbuild.build({
  entryPoints: [join(projectRoot, 'src', 'gaYaml', 'jsonSchema.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const out = join(projectRoot, 'schemas', 'ga-yaml.schema.json');
writeFileSync(out, module.exports.gaYamlJsonSchemaText());
console.log(`wrote ${out}`);
