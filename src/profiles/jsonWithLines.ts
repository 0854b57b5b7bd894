// A small JSON parser that knows lines. JSON.parse gives no line, gives no position at all for some errors, and
// quotes the file's text in its message (a config file holds secrets), so it cannot explain a broken config.
// This one reports line, column and a plain reason, and remembers where each object starts so a problem with
// one profile can point at it. Strings are decoded by JSON.parse on the already validated token.
import { lineAt } from './sourceFile';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type JsonParse =
  | { ok: true; value: JsonValue; lineOf(node: object): number | undefined }
  | { ok: false; line: number; column: number; reason: string };

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    reason: string,
  ) {
    super(reason);
  }
}

const LITERALS: ReadonlyArray<[string, JsonValue]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

export function parseJsonWithLines(text: string): JsonParse {
  const starts = new WeakMap<object, number>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // editors on Windows may add a byte-order mark

  const fail = (reason: string, at = i): never => {
    throw new JsonSyntaxError(at, reason);
  };
  const skipWs = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const atEnd = (what: string): string => (i >= text.length ? `the file ends where ${what} was expected (is a closing bracket or quote missing?)` : `expected ${what}`);

  const value = (): JsonValue => {
    skipWs();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const [word, v] of LITERALS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    if (c === "'") return fail('strings must use double quotes, not single quotes');
    return fail(atEnd('a value (a "string", a number, true, false, null, { or [)'));
  };

  const object = (): JsonValue => {
    const obj: { [key: string]: JsonValue } = {};
    starts.set(obj, i++);
    skipWs();
    if (text[i] === '}') {
      i++;
      return obj;
    }
    for (;;) {
      skipWs();
      if (text[i] !== '"') fail(text[i] === '}' ? 'a comma before } is not allowed in JSON: remove it' : atEnd('a property name in double quotes'));
      const key = string();
      skipWs();
      if (text[i] !== ':') fail(atEnd('":" after the property name'));
      i++;
      // defineProperty, as JSON.parse does, so a "__proto__" key stays a plain property
      Object.defineProperty(obj, key, { value: value(), enumerable: true, writable: true, configurable: true });
      skipWs();
      if (text[i] === ',') i++;
      else if (text[i] === '}') {
        i++;
        return obj;
      } else fail(atEnd('"," or "}" after the property value (is a comma missing?)'));
    }
  };

  const array = (): JsonValue => {
    const arr: JsonValue[] = [];
    starts.set(arr, i++);
    skipWs();
    if (text[i] === ']') {
      i++;
      return arr;
    }
    for (;;) {
      skipWs();
      if (text[i] === ']') fail('a comma before ] is not allowed in JSON: remove it');
      arr.push(value());
      skipWs();
      if (text[i] === ',') i++;
      else if (text[i] === ']') {
        i++;
        return arr;
      } else fail(atEnd('"," or "]" after the list item (is a comma missing?)'));
    }
  };

  const string = (): string => {
    const start = i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return JSON.parse(text.slice(start, ++i)) as string;
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) fail('invalid escape in a string: write a backslash as \\\\');
        i = ESCAPE.lastIndex;
      } else if (c === 0x0a) fail('a string is not closed before the end of its line', start);
      else if (c < 0x20) fail('a control character (such as a tab) inside a string must be escaped');
      else i++;
    }
    return fail('a string is never closed (a " is missing)', start);
  };

  const number = (): number => {
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) fail('invalid number');
    const n = Number(text.slice(i, NUMBER.lastIndex));
    i = NUMBER.lastIndex;
    return n;
  };

  try {
    const root = value();
    skipWs();
    if (i < text.length) fail('unexpected text after the end of the JSON document');
    return { ok: true, value: root, lineOf: (node) => (starts.has(node) ? lineAt(text, starts.get(node) as number) : undefined) };
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, line: 1, column: 1, reason: 'the document is nested too deeply to read' };
    if (!(e instanceof JsonSyntaxError)) throw e;
    const line = lineAt(text, e.offset);
    const column = e.offset - (text.lastIndexOf('\n', e.offset - 1) + 1) + 1;
    return { ok: false, line, column, reason: e.message };
  }
}

/** A JSON object (not an array or a primitive), for narrowing parsed values. */
export function isJsonObject(v: JsonValue | undefined): v is { [key: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
