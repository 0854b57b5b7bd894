// Reads ~/.alibabacloud/credentials the way @alicloud/credentials does (it uses the `ini` package, 1.x), but
// keeps line numbers so problems can point at them, and reports the lines that package would silently skip or
// misread. Mirrored from ini@1.3.8 decode(): a section header is a whole line "[name]" (no spaces around it);
// "key = value" has key and value trimmed; quoted values are unquoted; an unquoted value ends at an unescaped
// ; or #; a key without "=" is true; the words true/false/null become those values; later keys win; repeated
// sections merge.

export type IniValue = string | boolean | null;

export interface IniSection {
  name: string;
  /** Line of the first header for this section. */
  line: number;
  values: Map<string, IniValue>;
}

export interface IniIssue {
  line: number;
  message: string;
}

export interface IniParse {
  sections: Map<string, IniSection>;
  issues: IniIssue[];
}

const SECTION = /^\[([^\]]*)\]$/;
const KEY_VALUE = /^([^=]+)(=(.*))?$/;

export function parseIniWithLines(text: string): IniParse {
  const sections = new Map<string, IniSection>();
  const issues: IniIssue[] = [];
  let current: IniSection | undefined;
  let inSkippedSection = false; // its keys are dropped quietly: the header was reported already
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || /^\s*[;#]/.test(raw)) return;
    const header = SECTION.exec(raw);
    if (header) {
      const name = unquote(header[1]);
      if (name === '__proto__' || name.includes('.')) {
        if (name !== '__proto__') {
          issues.push({ line, message: `section [${name}] is skipped: the Alibaba Cloud SDKs read a dot in a section name as nesting, not as a profile; rename it without dots` });
        }
        current = undefined;
        inSkippedSection = true;
        return;
      }
      current = sections.get(name);
      if (!current) sections.set(name, (current = { name, line, values: new Map() }));
      inSkippedSection = false;
      return;
    }
    if (raw.trim().startsWith('[')) {
      issues.push({ line, message: 'this line starts with "[" but is not read as a section header: write [name] alone on the line, with nothing before or after it' });
      return;
    }
    const kv = KEY_VALUE.exec(raw);
    if (!kv) {
      issues.push({ line, message: 'this line has no key before "=": write it as key = value' });
      return;
    }
    if (!current) {
      // before any header: ini puts these at the top level, where no profile is read from
      if (!inSkippedSection) issues.push({ line, message: 'this setting is outside any [profile] section and is ignored: move it under a header such as [default]' });
      return;
    }
    const key = unquote(kv[1]);
    if (key === '__proto__') return;
    const value: IniValue = kv[2] ? unquote(kv[3]) : true;
    current.values.set(key, value === 'true' ? true : value === 'false' ? false : value === 'null' ? null : value);
  });
  return { sections, issues };
}

/** ini@1.3.8 unsafe(): trim, unquote, or cut an inline comment at an unescaped ; or # and unescape \; \#. */
function unquote(raw: string | undefined): string {
  const val = (raw ?? '').trim();
  const quoted = val.length > 1 && ((val[0] === '"' && val.endsWith('"')) || (val[0] === "'" && val.endsWith("'")));
  if (quoted) {
    const inner = val[0] === "'" ? val.slice(1, -1) : val;
    try {
      const parsed: unknown = JSON.parse(inner);
      return typeof parsed === 'string' ? parsed : inner;
    } catch {
      return inner;
    }
  }
  let out = '';
  let escaped = false;
  for (const c of val) {
    if (escaped) {
      out += '\\;#'.includes(c) ? c : `\\${c}`;
      escaped = false;
    } else if (c === ';' || c === '#') break;
    else if (c === '\\') escaped = true;
    else out += c;
  }
  if (escaped) out += '\\';
  return out.trim();
}
