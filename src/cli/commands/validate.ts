// `ga-ipv6 validate [FILE] [--format json]`: checks a ga.yaml offline with the editor's engine (src/gaYaml) and
// prints each problem as `FILE:LINE:COLUMN SEVERITY CODE MESSAGE`, or as the contract's JSON array. Exit 0 when
// nothing is an error (warnings allowed), 1 when something is (or the file cannot be read).
import { Option, type Command } from 'commander';
import { validateGaYaml, type GaYamlDiagnostic, type GaYamlFacts } from '../../gaYaml';
import type { CliCommand } from '../command';
import { colours, type CliIo } from '../io';
import { readGaYaml } from '../readFile';

export interface ValidateOptions {
  format: 'text' | 'json';
  sandbox?: boolean;
}

/** The contract's JSON shape of one diagnostic (1-based lines and columns of the offending node). */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

export function toJson(file: string, d: GaYamlDiagnostic): JsonDiagnostic {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
}

export async function runValidate(io: CliIo, fileArg: string | undefined, options: ValidateOptions): Promise<number> {
  const read = await readGaYaml(io, fileArg);
  if (!read.ok) {
    io.err(`ga-ipv6 validate: ${read.message}\n`);
    return 1;
  }
  const facts: GaYamlFacts = options.sandbox ? { sandbox: true } : {};
  const { diagnostics } = validateGaYaml(read.text, facts);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (options.format === 'json') {
    io.out(`${JSON.stringify(diagnostics.map((d) => toJson(read.display, d)), null, 2)}\n`);
  } else {
    const c = colours(io);
    const paint = { error: c.red, warning: c.yellow, info: c.cyan };
    for (const d of diagnostics) {
      io.out(`${read.display}:${d.range.start.line + 1}:${d.range.start.character + 1} ${paint[d.severity](d.severity)} ${c.dim(d.code)} ${d.message}\n`);
    }
    const warnings = diagnostics.length - errors;
    io.err(diagnostics.length === 0 ? `${read.display}: no problems\n` : `${read.display}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
  }
  return errors > 0 ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const validateCommand: CliCommand = {
  register(program: Command, run, io) {
    program
      .command('validate')
      .description('Check a ga.yaml offline: syntax, keys, types and every rule of the format (docs/ga-yaml.md). Exit 0 when there are no errors (warnings allowed), 1 when there are.')
      .argument('[FILE]', 'the ga.yaml to check; - reads standard input', 'ga.yaml')
      .addOption(new Option('--format <format>', 'text: FILE:LINE:COLUMN SEVERITY CODE MESSAGE per problem; json: one JSON array').choices(['text', 'json']).default('text'))
      .option('--sandbox', 'check as for the local sandbox: loopback and private endpoint addresses are allowed')
      .action((file: string, options: ValidateOptions) => run(() => runValidate(io, file, options)));
  },
};
