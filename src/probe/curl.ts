// The seed's own check, `curl -6 -g http://[address]`, built safely: every part is validated and the URL's
// length capped, the command is an argv array that the editor runs without any shell, and the command line
// shown to the person (to copy and run again) is quoted for the shell they use: POSIX shells, PowerShell or cmd.
import { isHostName } from '../model';
import { isValidPort } from './addresses';
import { defaultPort, ipv6AddressProblem } from './targets';

export interface CurlTarget {
  /** IPv6 address to connect to. With hostName too, curl is told to use it for that name (--resolve). */
  address?: string;
  hostName?: string;
  port?: number;
  scheme?: 'http' | 'https';
  /** Path and query, starting with `/`. */
  path?: string;
  connectTimeoutSeconds?: number;
  /** -k: accept any certificate. */
  insecure?: boolean;
}

export interface CurlCommand {
  argv: string[];
  /** For showing and copying into a POSIX shell (commandLine() quotes for the others). */
  display: string;
}

/** Shells the command line can be quoted for. */
export type ShellKind = 'posix' | 'powershell' | 'cmd';

/**
 * The longest URL accepted: far more than any accelerator URL needs, and well inside every shell's line limit
 * (cmd's is 8191 characters) and the terminal's width many times over.
 */
export const MAX_CURL_URL_LENGTH = 2048;

const PATH = /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*$/;

/** Throws an Error saying what to fix when a part is not acceptable. */
export function buildCurlCommand(t: CurlTarget): CurlCommand {
  const scheme = t.scheme ?? 'http';
  if (scheme !== 'http' && scheme !== 'https') throw new Error(`curl checks here use http or https, not "${String(scheme)}".`);
  if (t.address === undefined && t.hostName === undefined) throw new Error('Give the IPv6 address or the host name to check.');
  if (t.address !== undefined) {
    const problem = ipv6AddressProblem(t.address);
    if (problem) throw new Error(problem);
    if (t.address.includes('%')) throw new Error(`${t.address} has a zone index; use a global IPv6 address (GA's addresses are global).`);
  }
  if (t.hostName !== undefined && !isHostName(t.hostName)) throw new Error(`"${shorten(t.hostName)}" is not a valid host name.`);
  const port = t.port ?? defaultPort(scheme);
  if (!isValidPort(port)) throw new Error(`Port ${port} is out of range (1 to 65535).`);
  const path = t.path ?? '/';
  if (path.length > MAX_CURL_URL_LENGTH) throw new Error(`The path is ${path.length} characters long; curl checks here take URLs of at most ${MAX_CURL_URL_LENGTH}.`);
  if (!PATH.test(path)) throw new Error(`Path "${shorten(path)}" must start with / and contain only URL characters (percent-encode the rest).`);
  if (t.connectTimeoutSeconds !== undefined && !(t.connectTimeoutSeconds > 0 && t.connectTimeoutSeconds <= 600)) {
    throw new Error('The connect timeout must be more than 0 and at most 600 seconds.');
  }

  const host = t.hostName ?? `[${t.address}]`;
  const portPart = port === defaultPort(scheme) ? '' : `:${port}`;
  const url = `${scheme}://${host}${portPart}${path}`;
  if (url.length > MAX_CURL_URL_LENGTH) throw new Error(`The URL is ${url.length} characters long; curl checks here take URLs of at most ${MAX_CURL_URL_LENGTH}.`);
  const argv = [
    'curl',
    '-6',
    '-g',
    // The editor shows curl's output through a pipe, where curl would draw a progress meter: -s drops it, -S
    // keeps the error message.
    '-sS',
    ...(t.connectTimeoutSeconds !== undefined ? ['--connect-timeout', String(t.connectTimeoutSeconds)] : []),
    ...(t.insecure ? ['-k'] : []),
    ...(t.hostName !== undefined && t.address !== undefined ? ['--resolve', `${t.hostName}:${port}:[${t.address}]`] : []),
    url,
  ];
  return { argv, display: commandLine(argv, 'posix') };
}

/**
 * The shell a terminal runs, from its executable (vscode.env.shell): PowerShell (`pwsh`, `powershell`), cmd, or
 * a POSIX-style shell (bash, zsh, sh, dash, ksh, fish, Git Bash…). Unknown on Windows means PowerShell, VS
 * Code's default there.
 */
export function shellKind(shellPath: string | undefined, platform: NodeJS.Platform = process.platform): ShellKind {
  const name = (shellPath ?? '').split(/[\\/]/).pop()?.toLowerCase().replace(/\.exe$/, '') ?? '';
  if (name === 'pwsh' || name === 'powershell' || name === 'pwsh-preview') return 'powershell';
  if (name === 'cmd') return 'cmd';
  if (name === '') return platform === 'win32' ? 'powershell' : 'posix';
  return 'posix';
}

/**
 * The argv as one command line for `shell`, which that shell reads back into exactly these arguments: nothing in
 * an argument is expanded, substituted or taken as an operator. Throws for what a shell cannot carry safely.
 */
export function commandLine(argv: readonly string[], shell: ShellKind, platform: NodeJS.Platform = process.platform): string {
  const [program, ...args] = argv;
  // Windows PowerShell 5.1 has `curl` as an alias of Invoke-WebRequest: curl.exe is the real one there.
  const name = shell === 'powershell' && platform === 'win32' && program === 'curl' ? 'curl.exe' : program;
  const quote = shell === 'posix' ? shellQuote : shell === 'powershell' ? powershellQuote : cmdQuote;
  return [name, ...args.map(quote)].join(' ');
}

/** POSIX shells: plain words stay bare; anything else (brackets glob) goes in single quotes, `'` as `'\''`. */
export function shellQuote(arg: string): string {
  refuseLineBreaks(arg);
  return /^[A-Za-z0-9_\-.,:/@%+=]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * PowerShell: single-quoted strings are verbatim (no `$` or backtick expansion); a quote inside is doubled,
 * including the typographic ones PowerShell also takes as single quotes. Bare words must not start like an
 * operator or splat, nor contain `,` (an array) — the safe set below has none of those.
 */
export function powershellQuote(arg: string): string {
  refuseLineBreaks(arg);
  if (/^[A-Za-z0-9_.:/=+][A-Za-z0-9_\-.:/=+]*$/.test(arg) || /^-[A-Za-z0-9][A-Za-z0-9_\-]*$/.test(arg)) return arg;
  return `'${arg.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;
}

/**
 * cmd: inside double quotes `& | < > ^ ( )` are plain characters, but `%` still expands variables and a `"`
 * cannot be escaped reliably; so `%` is written outside the quotes as `^%` (which the interactive prompt reads
 * as a plain `%`), and an argument with a `"` (never produced by buildCurlCommand) is refused.
 */
export function cmdQuote(arg: string): string {
  refuseLineBreaks(arg);
  if (arg.includes('"')) throw new Error('An argument with a double quote cannot be written safely for cmd.');
  if (/^[A-Za-z0-9_\-.,:/@+=[\]]+$/.test(arg)) return arg;
  // CommandLineToArgvW: backslashes before the closing quote would escape it; doubled they stay backslashes.
  return arg.split('%').map((part) => `"${part.replace(/\\+$/, (b) => b + b)}"`).join('^%');
}

function refuseLineBreaks(arg: string): void {
  // Checked here too (not only by validation): a line break would end the command in every shell.
  if (/[\r\n\0]/.test(arg)) throw new Error('An argument with a line break cannot be written as one command line.');
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
