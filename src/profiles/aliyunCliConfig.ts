// Profiles of the aliyun CLI (~/.aliyun/config.json, written by `aliyun configure`). Modes AK and StsToken are
// used as they are; the others need a token exchange this extension does not do yet, so they are reported.
import { join } from 'node:path';
import { isJsonObject, parseJsonWithLines, type JsonValue } from './jsonWithLines';
import { createProfile, CredentialsUnavailableError } from './profile';
import { displayPath, readSourceFile } from './sourceFile';
import type { AccessKeyCredentials, Profile, ProfileList, ProfileProblem } from './types';

export const ALIYUN_CLI_CONFIG_PATH = ['.aliyun', 'config.json'] as const;

const REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  AK: ['access_key_id', 'access_key_secret'],
  StsToken: ['access_key_id', 'access_key_secret', 'sts_token'],
};

interface CliEntry {
  name: string;
  line?: number;
  fields: { [key: string]: JsonValue };
}

type CliConfig = { kind: 'none' } | { kind: 'problem'; problem: ProfileProblem } | { kind: 'ok'; current?: string; entries: CliEntry[]; problems: ProfileProblem[] };

export function aliyunCliConfigFile(home: string): string {
  return join(home, ...ALIYUN_CLI_CONFIG_PATH);
}

export async function loadAliyunCliProfiles(home: string): Promise<ProfileList> {
  const file = aliyunCliConfigFile(home);
  const display = displayPath(file, home);
  const config = await readCliConfig(file, display);
  if (config.kind === 'none') return { profiles: [], problems: [] };
  if (config.kind === 'problem') return { profiles: [], problems: [config.problem] };

  const profiles: Profile[] = [];
  const problems = [...config.problems];
  for (const entry of config.entries) {
    const mode = describeMode(entry, display);
    if (mode.problem) {
      problems.push({ file, line: entry.line, message: mode.problem });
      continue;
    }
    profiles.push(
      createProfile(
        {
          id: `aliyun:${entry.name}`,
          name: entry.name,
          source: 'aliyun-cli',
          origin: display,
          accessKeyId: entry.fields.access_key_id as string,
          endpoints: {},
          current: entry.name === config.current,
        },
        () => resolveCliCredentials(file, display, entry.name),
      ),
    );
  }
  return { profiles, problems };
}

/** Reads the file again, so the secret is only in memory while a call is made and edits are picked up. */
async function resolveCliCredentials(file: string, display: string, name: string): Promise<AccessKeyCredentials> {
  const id = `aliyun:${name}`;
  const config = await readCliConfig(file, display);
  if (config.kind === 'none') throw new CredentialsUnavailableError(id, `${display} no longer exists, so profile "${name}" has no credentials: run "aliyun configure --profile ${name}" or choose another profile.`);
  if (config.kind === 'problem') throw new CredentialsUnavailableError(id, config.problem.message);
  const entry = config.entries.find((e) => e.name === name);
  if (!entry) throw new CredentialsUnavailableError(id, `Profile "${name}" is no longer in ${display}: run "aliyun configure --profile ${name}" or choose another profile.`);
  const mode = describeMode(entry, display);
  if (mode.problem) throw new CredentialsUnavailableError(id, mode.problem);
  const f = entry.fields;
  return {
    accessKeyId: f.access_key_id as string,
    accessKeySecret: f.access_key_secret as string,
    ...(f.mode === 'StsToken' ? { securityToken: f.sts_token as string } : {}),
  };
}

/** Why an entry cannot be used as it is, if it cannot; the one place that knows what each mode needs. */
function describeMode(entry: CliEntry, display: string): { problem?: string } {
  const mode = entry.fields.mode;
  const where = `Profile "${entry.name}" in ${display}`;
  const configure = (m: string) => `run "aliyun configure --profile ${entry.name} --mode ${m}"`;
  if (typeof mode !== 'string' || mode === '') return { problem: `${where} has no "mode": ${configure('AK')} to set it up again.` };
  const required = REQUIRED_FIELDS[mode];
  if (!required) {
    return {
      problem: `${where} uses mode ${mode}, which is not supported yet: use a profile with mode AK or StsToken ("aliyun configure --profile <name> --mode AK"), the ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET environment variables, or an access_key or sts section in ~/.alibabacloud/credentials.`,
    };
  }
  const missing = required.filter((k) => typeof entry.fields[k] !== 'string' || entry.fields[k] === '');
  if (missing.length > 0) return { problem: `${where} (mode ${mode}) has no ${missing.join(', ')}: ${configure(mode)} to fill ${missing.length > 1 ? 'them' : 'it'} in.` };
  return {};
}

async function readCliConfig(file: string, display: string): Promise<CliConfig> {
  const read = await readSourceFile(file, display);
  if (read.kind === 'missing') return { kind: 'none' };
  if (read.kind === 'unreadable') return { kind: 'problem', problem: read.problem };
  if (read.text.trim() === '') return { kind: 'none' };
  const parsed = parseJsonWithLines(read.text);
  if (!parsed.ok) {
    return {
      kind: 'problem',
      problem: { file, line: parsed.line, message: `${display} is not valid JSON (line ${parsed.line}, column ${parsed.column}): ${parsed.reason}. Fix it in an editor, or move it aside and run "aliyun configure" to write a new one.` },
    };
  }
  const root = parsed.value;
  if (!isJsonObject(root) || !Array.isArray(root.profiles)) {
    return { kind: 'problem', problem: { file, line: 1, message: `${display} has no "profiles" list, so the aliyun CLI cannot use it either: run "aliyun configure" to add a profile.` } };
  }
  const entries: CliEntry[] = [];
  const problems: ProfileProblem[] = [];
  const firstLine = new Map<string, number | undefined>();
  root.profiles.forEach((item, index) => {
    const line = isJsonObject(item) || Array.isArray(item) ? parsed.lineOf(item) : undefined;
    if (!isJsonObject(item) || typeof item.name !== 'string' || item.name === '') {
      problems.push({ file, line, message: `Entry ${index + 1} of "profiles" in ${display} has no "name", so it cannot be chosen: give it a name or delete it.` });
      return;
    }
    if (firstLine.has(item.name)) {
      const first = firstLine.get(item.name);
      problems.push({ file, line, message: `Profile "${item.name}" appears again in ${display}${first ? ` (first on line ${first})` : ''}; like the aliyun CLI, only the first is used: delete or rename this one.` });
      return;
    }
    firstLine.set(item.name, line);
    entries.push({ name: item.name, line, fields: item });
  });
  return { kind: 'ok', current: typeof root.current === 'string' ? root.current : undefined, entries, problems };
}
