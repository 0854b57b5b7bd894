// The shared credentials file of the Alibaba Cloud SDKs (~/.alibabacloud/credentials, or the file named by
// ALIBABA_CLOUD_CREDENTIALS_FILE), an INI file with one section per profile. Sections are listed here with
// line numbers; the secret is read again at call time and turned into credentials by @alicloud/credentials,
// so type handling matches the SDKs'.
import { join } from 'node:path';
import { loadSdk } from '../cloud/sdk';
import type { Environment } from './envProfile';
import { parseIniWithLines, type IniSection } from './iniWithLines';
import { createProfile, CredentialsUnavailableError } from './profile';
import { displayPath, readSourceFile } from './sourceFile';
import type { AccessKeyCredentials, Profile, ProfileList, ProfileProblem } from './types';

export const CREDENTIALS_FILE_PATH = ['.alibabacloud', 'credentials'] as const;
export const ENV_CREDENTIALS_FILE = 'ALIBABA_CLOUD_CREDENTIALS_FILE';
/** Which section the SDKs use when none is named ("default" otherwise); marked as the file's current profile. */
export const ENV_PROFILE_NAME = 'ALIBABA_CLOUD_PROFILE';

const REQUIRED_KEYS: Readonly<Record<string, readonly string[]>> = {
  access_key: ['access_key_id', 'access_key_secret'],
  sts: ['access_key_id', 'access_key_secret', 'security_token'],
};

export interface CredentialsFileLocation {
  file: string;
  display: string;
  /** Named by ALIBABA_CLOUD_CREDENTIALS_FILE, so a missing file is a mistake rather than "no profiles". */
  fromEnv: boolean;
}

export function credentialsFileLocation(home: string, env: Environment): CredentialsFileLocation {
  const named = env[ENV_CREDENTIALS_FILE];
  const file = named || join(home, ...CREDENTIALS_FILE_PATH);
  return { file, display: displayPath(file, home), fromEnv: Boolean(named) };
}

type FileRead = { kind: 'none' } | { kind: 'problem'; problem: ProfileProblem } | { kind: 'ok'; sections: Map<string, IniSection>; problems: ProfileProblem[] };

export async function loadCredentialsFileProfiles(home: string, env: Environment): Promise<ProfileList> {
  const where = credentialsFileLocation(home, env);
  const read = await readCredentialsFile(where);
  if (read.kind === 'none') return { profiles: [], problems: [] };
  if (read.kind === 'problem') return { profiles: [], problems: [read.problem] };

  const selected = env[ENV_PROFILE_NAME] || 'default';
  const profiles: Profile[] = [];
  const problems = [...read.problems];
  for (const section of read.sections.values()) {
    const problem = sectionProblem(section, where.display);
    if (problem) {
      problems.push({ file: where.file, line: section.line, message: problem });
      continue;
    }
    profiles.push(
      createProfile(
        {
          id: `credentials:${section.name}`,
          name: section.name,
          source: 'credentials-file',
          origin: where.display,
          accessKeyId: section.values.get('access_key_id') as string,
          endpoints: {},
          current: section.name === selected,
        },
        () => resolveSection(where, section.name),
      ),
    );
  }
  return { profiles, problems };
}

async function resolveSection(where: CredentialsFileLocation, name: string): Promise<AccessKeyCredentials> {
  const id = `credentials:${name}`;
  const read = await readCredentialsFile(where);
  if (read.kind === 'none') throw new CredentialsUnavailableError(id, `${where.display} no longer exists, so profile [${name}] has no credentials: restore it or choose another profile.`);
  if (read.kind === 'problem') throw new CredentialsUnavailableError(id, read.problem.message);
  const section = read.sections.get(name);
  if (!section) throw new CredentialsUnavailableError(id, `Section [${name}] is no longer in ${where.display}: add it back or choose another profile.`);
  const problem = sectionProblem(section, where.display);
  if (problem) throw new CredentialsUnavailableError(id, problem);
  const v = section.values;
  const { Credential, CredentialConfig } = loadSdk();
  try {
    const credential = new Credential(
      new CredentialConfig({
        type: v.get('type'),
        accessKeyId: v.get('access_key_id'),
        accessKeySecret: v.get('access_key_secret'),
        securityToken: v.get('security_token'),
      }),
    );
    const model = await credential.getCredential();
    if (!model.accessKeyId || !model.accessKeySecret) throw new Error('the SDK returned no AccessKey pair');
    return { accessKeyId: model.accessKeyId, accessKeySecret: model.accessKeySecret, ...(model.securityToken ? { securityToken: model.securityToken } : {}) };
  } catch (e) {
    // the static providers' messages name missing fields only, never their values
    throw new CredentialsUnavailableError(id, `Profile [${name}] in ${where.display} could not be used: ${(e as Error).message}. Check its access_key_id and access_key_secret.`);
  }
}

/** Why a section cannot be used as it is, if it cannot; the one place that knows what each type needs. */
function sectionProblem(section: IniSection, display: string): string | undefined {
  const type = section.values.get('type');
  const where = `Profile [${section.name}] in ${display}`;
  if (typeof type !== 'string' || type === '') return `${where} has no "type": add a line "type = access_key" with access_key_id and access_key_secret (or "type = sts" with security_token as well).`;
  const required = REQUIRED_KEYS[type];
  if (!required) {
    return `${where} has type = ${type}, which is not supported yet: use type = access_key or type = sts, an aliyun CLI profile with mode AK or StsToken, or the ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET environment variables.`;
  }
  // An empty key would make the SDK fall back to the ALIBABA_CLOUD_* variables without saying so: refuse it here.
  const missing = required.filter((k) => typeof section.values.get(k) !== 'string' || section.values.get(k) === '');
  if (missing.length > 0) return `${where} (type = ${type}) has no ${missing.join(', ')}: add ${missing.map((k) => `"${k} = …"`).join(', ')} under [${section.name}].`;
  return undefined;
}

async function readCredentialsFile(where: CredentialsFileLocation): Promise<FileRead> {
  const read = await readSourceFile(where.file, where.display);
  if (read.kind === 'unreadable') return { kind: 'problem', problem: read.problem };
  if (read.kind === 'missing') {
    if (!where.fromEnv) return { kind: 'none' };
    return { kind: 'problem', problem: { file: where.file, message: `${ENV_CREDENTIALS_FILE} names ${where.display}, which does not exist: fix the path or unset the variable.` } };
  }
  const parsed = parseIniWithLines(read.text);
  const problems = parsed.issues.map((i) => ({ file: where.file, line: i.line, message: `${where.display}, line ${i.line}: ${i.message}.` }));
  return { kind: 'ok', sections: parsed.sections, problems };
}
