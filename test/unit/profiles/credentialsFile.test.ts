import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadCredentialsFileProfiles } from '../../../src/profiles/credentialsFile';
import { CredentialsUnavailableError } from '../../../src/profiles/profile';
import { makeTempHome, visibleText } from './tempHome';

const home = makeTempHome();
after(() => home.cleanup());
const FILE = '.alibabacloud/credentials';
const AK_SECRET = 'IniAkSecret0001';
const STS_SECRET = 'IniStsSecret0002';
const STS_TOKEN = 'IniStsToken0003';
const ROLE_SECRET = 'IniRoleSecret0004';

const GOOD = [
  '[default]',
  'type = access_key',
  'access_key_id = LTAIdefault',
  `access_key_secret = ${AK_SECRET}`,
  '',
  '[temp]',
  'type = sts',
  'access_key_id = STS.temp',
  `access_key_secret = ${STS_SECRET}`,
  `security_token = ${STS_TOKEN}`,
].join('\n');

test('no file, no profiles and no problems', async () => {
  home.remove(FILE);
  assert.deepEqual(await loadCredentialsFileProfiles(home.dir, {}), { profiles: [], problems: [] });
});

test('access_key and sts sections resolve through @alicloud/credentials; "default" is current', async () => {
  home.write(FILE, GOOD);
  const list = await loadCredentialsFileProfiles(home.dir, {});
  assert.deepEqual(list.problems, []);
  assert.deepEqual(
    list.profiles.map((p) => [p.id, p.origin, p.accessKeyId, Boolean(p.current)]),
    [
      ['credentials:default', '~/.alibabacloud/credentials', 'LTAIdefault', true],
      ['credentials:temp', '~/.alibabacloud/credentials', 'STS.temp', false],
    ],
  );
  assert.deepEqual(await list.profiles[0].credentials(), { accessKeyId: 'LTAIdefault', accessKeySecret: AK_SECRET });
  assert.deepEqual(await list.profiles[1].credentials(), { accessKeyId: 'STS.temp', accessKeySecret: STS_SECRET, securityToken: STS_TOKEN });
  const shown = visibleText(list);
  for (const s of [AK_SECRET, STS_SECRET, STS_TOKEN]) assert.ok(!shown.includes(s), `${s} leaked`);
});

test('ALIBABA_CLOUD_PROFILE marks the current section; ALIBABA_CLOUD_CREDENTIALS_FILE moves the file', async () => {
  home.write(FILE, GOOD);
  const marked = await loadCredentialsFileProfiles(home.dir, { ALIBABA_CLOUD_PROFILE: 'temp' });
  assert.deepEqual(marked.profiles.filter((p) => p.current).map((p) => p.id), ['credentials:temp']);

  const elsewhere = home.write('custom/creds.ini', '[ci]\ntype = access_key\naccess_key_id = LTAIci\naccess_key_secret = CiSecret\n');
  const moved = await loadCredentialsFileProfiles(home.dir, { ALIBABA_CLOUD_CREDENTIALS_FILE: elsewhere });
  assert.deepEqual(moved.profiles.map((p) => [p.id, p.origin]), [['credentials:ci', '~/custom/creds.ini']]);
  assert.equal((await moved.profiles[0].credentials()).accessKeySecret, 'CiSecret');

  const missing = join(home.dir, 'nowhere', 'creds');
  const gone = await loadCredentialsFileProfiles(home.dir, { ALIBABA_CLOUD_CREDENTIALS_FILE: missing });
  assert.deepEqual(gone.profiles, []);
  assert.equal(gone.problems[0].file, missing);
  assert.match(gone.problems[0].message, /ALIBABA_CLOUD_CREDENTIALS_FILE names ~\/nowhere\/creds, which does not exist: fix the path or unset the variable/);
});

test('unsupported types, missing keys and stray lines are problems at their line numbers', async () => {
  const file = home.write(
    FILE,
    [
      'stray = 1', //                 1
      '[default]', //                 2
      'type = access_key', //         3
      'access_key_id = LTAIa', //     4
      'access_key_secret =', //       5 (empty: the SDK would silently use the environment instead)
      '[role]', //                    6
      'type = ram_role_arn', //       7
      'access_key_id = LTAIr', //     8
      `access_key_secret = ${ROLE_SECRET}`, // 9
      '[notype]', //                  10
      'access_key_id = LTAIn', //     11
      ' [broken]', //                 12
      '[ok]', //                      13
      'type = access_key', //         14
      'access_key_id = LTAIok', //    15
      'access_key_secret = okSecret', // 16
    ].join('\n'),
  );
  const list = await loadCredentialsFileProfiles(home.dir, {});
  assert.deepEqual(list.profiles.map((p) => p.id), ['credentials:ok']);
  assert.deepEqual(
    list.problems.map((p) => [p.line, p.file]),
    [
      [1, file],
      [12, file],
      [2, file],
      [6, file],
      [10, file],
    ],
  );
  const messages = list.problems.map((p) => p.message);
  assert.match(messages[0], /^~\/\.alibabacloud\/credentials, line 1: this setting is outside any \[profile\] section/);
  assert.match(messages[2], /Profile \[default\] .* has no access_key_secret: add "access_key_secret = …" under \[default\]/);
  assert.match(messages[3], /type = ram_role_arn, which is not supported yet: use type = access_key or type = sts/);
  assert.match(messages[4], /has no "type": add a line "type = access_key"/);
  assert.ok(!visibleText(list).includes(ROLE_SECRET));
});

test('credentials() reads the file again and explains a section that went away', async () => {
  home.write(FILE, GOOD);
  const [profile] = (await loadCredentialsFileProfiles(home.dir, {})).profiles;
  home.write(FILE, '[other]\ntype = access_key\naccess_key_id = LTAIo\naccess_key_secret = x\n');
  await assert.rejects(profile.credentials(), (e: unknown) => e instanceof CredentialsUnavailableError && /Section \[default\] is no longer in ~\/\.alibabacloud\/credentials/.test(e.message));
  home.write(FILE, '[default]\ntype = access_key\naccess_key_id = LTAIdefault\n');
  await assert.rejects(profile.credentials(), /has no access_key_secret/);
});
