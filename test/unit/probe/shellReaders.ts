// How PowerShell and cmd read a command line back into a program's arguments, for the quoting tests on a machine
// that has neither. Each reader follows the shell's documented rules for the forms a command line can take and
// refuses anything the shell would treat as code (an operator, a variable, a subexpression): a quoting bug then
// shows up as a refused line or as arguments that differ from the argv.
//   PowerShell: about_Quoting_Rules, about_Parsing (argument mode).
//   cmd: the interactive prompt's phases (percent expansion, then carets and quotes outside/inside "…"), and the
//   program's CommandLineToArgvW split (backslashes before a quote).

const PS_QUOTES = "'\u2018\u2019\u201A\u201B";
/** Characters that make PowerShell parse a bare argument as something other than literal text. */
const PS_SPECIAL = /[$`"'\u2018\u2019\u201A\u201B;&|(){}@,<>#\s]/;

/** The arguments PowerShell passes to a native command for `line` (program name first). */
export function readPowerShell(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ') {
      i++;
      continue;
    }
    if (PS_QUOTES.includes(line[i])) {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`unterminated single-quoted string in: ${line}`);
        if (PS_QUOTES.includes(line[i])) {
          if (i + 1 < line.length && PS_QUOTES.includes(line[i + 1])) {
            value += line[i];
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += line[i++];
      }
      if (i < line.length && line[i] !== ' ') throw new Error(`text right after a quoted string (PowerShell would join or reinterpret it): ${line}`);
      args.push(value);
      continue;
    }
    const end = line.indexOf(' ', i) === -1 ? line.length : line.indexOf(' ', i);
    const word = line.slice(i, end);
    if (PS_SPECIAL.test(word)) throw new Error(`bare word "${word}" holds a character PowerShell interprets`);
    if (word === '--%' || word.startsWith('@')) throw new Error(`bare word "${word}" changes how PowerShell parses the rest`);
    args.push(word);
    i = end;
  }
  return args;
}

/**
 * The arguments a program gets when `line` is typed at cmd's prompt, with `env` as its variables (names are
 * case-insensitive). Refuses an unquoted operator.
 */
export function readCmd(line: string, env: Record<string, string>): string[] {
  const vars = new Map(Object.entries(env).map(([k, v]) => [k.toLowerCase(), v]));
  // Phase 1: %name% of a defined variable is replaced (the prompt leaves undefined ones as they are).
  let expanded = '';
  for (let i = 0; i < line.length; ) {
    const close = line[i] === '%' ? line.indexOf('%', i + 1) : -1;
    const name = close > i ? line.slice(i + 1, close) : undefined;
    if (name !== undefined && vars.has(name.toLowerCase())) {
      expanded += vars.get(name.toLowerCase());
      i = close + 1;
    } else {
      expanded += line[i++];
    }
  }
  // Phase 2: outside quotes a caret escapes the next character and operators end the command.
  let passed = '';
  let quoted = false;
  for (let i = 0; i < expanded.length; i++) {
    const c = expanded[i];
    if (c === '"') quoted = !quoted;
    if (!quoted && c === '^') {
      passed += expanded[++i] ?? '';
      continue;
    }
    if (!quoted && '&|<>()'.includes(c)) throw new Error(`unquoted "${c}" is a cmd operator in: ${line}`);
    passed += c;
  }
  return commandLineToArgv(passed);
}

/** Windows' CommandLineToArgvW (the C runtime's rules, as modern MSVC applies them). */
export function commandLineToArgv(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    let arg = '';
    let quoted = false;
    while (i < line.length && (quoted || (line[i] !== ' ' && line[i] !== '\t'))) {
      if (line[i] === '\\') {
        let n = 0;
        while (line[i] === '\\') {
          n++;
          i++;
        }
        if (line[i] === '"') {
          arg += '\\'.repeat(Math.floor(n / 2));
          if (n % 2 === 1) {
            arg += '"';
            i++;
          }
        } else arg += '\\'.repeat(n);
        continue;
      }
      if (line[i] === '"') {
        if (quoted && line[i + 1] === '"') {
          arg += '"';
          i += 2;
          continue;
        }
        quoted = !quoted;
        i++;
        continue;
      }
      arg += line[i++];
    }
    args.push(arg);
  }
  return args;
}
