import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAliyunCliProfiles } from '../../../src/profiles/aliyunCliConfig';
import { CredentialsUnavailableError } from '../../../src/profiles/profile';
import { makeTempHome, visibleText } from './tempHome';

const home = makeTempHome();
after(() => home.cleanup());
const CONFIG = '.aliyun/config.json';

const AK_SECRET = 'AkSecretFromCliConfig0001';
const STS_SECRET = 'StsSecretFromCliConfig0002';
const STS_TOKEN = 'StsTokenFromCliConfig0003';
const ROLE_SECRET = 'RoleSecretFromCliConfig0004';

function config(profiles: object[], current = 'default'): string {
  return JSON.stringify({ current, profiles, meta_path: '' }, null, 2);
}

test('no config file means no profiles and no problems', async () => {
  home.remove(CONFIG);
  assert.deepEqual(await loadAliyunCliProfiles(home.dir), { profiles: [], problems: [] });
});

test('AK and StsToken profiles are listed, the current one marked, secrets resolved only on demand', async () => {
  home.write(
    CONFIG,
    config(
      [
        { name: 'default', mode: 'AK', access_key_id: 'LTAIdefault', access_key_secret: AK_SECRET, region_id: 'cn-hangzhou' },
        { name: 'temp', mode: 'StsToken', access_key_id: 'STS.temp', access_key_secret: STS_SECRET, sts_token: STS_TOKEN, region_id: 'cn-beijing' },
      ],
      'temp',
    ),
  );
  const list = await loadAliyunCliProfiles(home.dir);
  assert.deepEqual(list.problems, []);
  assert.deepEqual(
    list.profiles.map((p) => [p.id, p.name, p.source, p.origin, p.accessKeyId, Boolean(p.current)]),
    [
      ['aliyun:default', 'default', 'aliyun-cli', '~/.aliyun/config.json', 'LTAIdefault', false],
      ['aliyun:temp', 'temp', 'aliyun-cli', '~/.aliyun/config.json', 'STS.temp', true],
    ],
  );
  assert.deepEqual(await list.profiles[0].credentials(), { accessKeyId: 'LTAIdefault', accessKeySecret: AK_SECRET });
  assert.deepEqual(await list.profiles[1].credentials(), { accessKeyId: 'STS.temp', accessKeySecret: STS_SECRET, securityToken: STS_TOKEN });
  const shown = visibleText(list);
  for (const secret of [AK_SECRET, STS_SECRET, STS_TOKEN]) assert.ok(!shown.includes(secret), `${secret} leaked`);
  assert.equal(String(list.profiles[0]), 'default (aliyun CLI)');
});

test('credentials() reads the file again, so an edited secret is used and a removed profile is explained', async () => {
  home.write(CONFIG, config([{ name: 'default', mode: 'AK', access_key_id: 'LTAIdefault', access_key_secret: AK_SECRET }]));
  const [profile] = (await loadAliyunCliProfiles(home.dir)).profiles;
  home.write(CONFIG, config([{ name: 'default', mode: 'AK', access_key_id: 'LTAIdefault', access_key_secret: 'RotatedSecret' }]));
  assert.equal((await profile.credentials()).accessKeySecret, 'RotatedSecret');
  home.write(CONFIG, config([]));
  await assert.rejects(profile.credentials(), (e: unknown) => e instanceof CredentialsUnavailableError && /no longer in ~\/\.aliyun\/config\.json/.test(e.message) && e.profileId === 'aliyun:default');
});

test('other modes are listed as not supported, at their line, without leaking their secret', async () => {
  home.write(
    CONFIG,
    config([
      { name: 'default', mode: 'AK', access_key_id: 'LTAIdefault', access_key_secret: AK_SECRET },
      { name: 'role', mode: 'RamRoleArn', access_key_id: 'LTAIrole', access_key_secret: ROLE_SECRET, ram_role_arn: 'acs:ram::1:role/x' },
      { name: 'ecs', mode: 'EcsRamRole', ram_role_name: 'r' },
    ]),
  );
  const list = await loadAliyunCliProfiles(home.dir);
  assert.deepEqual(list.profiles.map((p) => p.id), ['aliyun:default']);
  assert.equal(list.problems.length, 2);
  const [role, ecs] = list.problems;
  assert.match(role.message, /"role".*mode RamRoleArn, which is not supported yet: use a profile with mode AK or StsToken.*~\/\.alibabacloud\/credentials/);
  assert.match(ecs.message, /mode EcsRamRole, which is not supported yet/);
  assert.equal(role.file, `${home.dir}/.aliyun/config.json`);
  // JSON.stringify(…, null, 2): the second profile object opens on line 10, the third on line 17
  assert.equal(role.line, 10);
  assert.equal(ecs.line, 17);
  assert.ok(!visibleText(list).includes(ROLE_SECRET));
});

test('a profile missing a field its mode needs names the field', async () => {
  home.write(
    CONFIG,
    config([
      { name: 'nosecret', mode: 'AK', access_key_id: 'LTAIx', access_key_secret: '' },
      { name: 'notoken', mode: 'StsToken', access_key_id: 'STS.x', access_key_secret: STS_SECRET },
      { name: 'nomode', access_key_id: 'LTAIy', access_key_secret: AK_SECRET },
    ]),
  );
  const list = await loadAliyunCliProfiles(home.dir);
  assert.deepEqual(list.profiles, []);
  assert.deepEqual(
    list.problems.map((p) => p.message),
    [
      'Profile "nosecret" in ~/.aliyun/config.json (mode AK) has no access_key_secret: run "aliyun configure --profile nosecret --mode AK" to fill it in.',
      'Profile "notoken" in ~/.aliyun/config.json (mode StsToken) has no sts_token: run "aliyun configure --profile notoken --mode StsToken" to fill it in.',
      'Profile "nomode" in ~/.aliyun/config.json has no "mode": run "aliyun configure --profile nomode --mode AK" to set it up again.',
    ],
  );
  assert.ok(!visibleText(list).includes(AK_SECRET) && !visibleText(list).includes(STS_SECRET));
});

test('malformed JSON is one problem naming the file and the right line, without quoting its content', async () => {
  const text = [
    '{',
    '  "current": "default",',
    '  "profiles": [',
    '    {',
    '      "name": "default",',
    '      "mode": "AK",',
    `      "access_key_secret": "${AK_SECRET}",`,
    '    }',
    '  ]',
    '}',
  ].join('\n');
  const file = home.write(CONFIG, text);
  const list = await loadAliyunCliProfiles(home.dir);
  assert.deepEqual(list.profiles, []);
  assert.equal(list.problems.length, 1);
  const [p] = list.problems;
  assert.equal(p.file, file);
  assert.equal(p.line, 8);
  assert.match(p.message, /~\/\.aliyun\/config\.json is not valid JSON \(line 8, column 5\): a comma before \} is not allowed/);
  assert.ok(!p.message.includes(AK_SECRET));
});

test('a config without a profiles list, entries without names and repeated names are problems', async () => {
  home.write(CONFIG, '{"current": "x"}');
  assert.match((await loadAliyunCliProfiles(home.dir)).problems[0].message, /has no "profiles" list/);

  home.write(CONFIG, config([{ mode: 'AK' }, { name: 'a', mode: 'AK', access_key_id: 'LTAI1', access_key_secret: 's1' }, { name: 'a', mode: 'AK', access_key_id: 'LTAI2', access_key_secret: 's2' }]));
  const list = await loadAliyunCliProfiles(home.dir);
  assert.deepEqual(list.profiles.map((p) => p.accessKeyId), ['LTAI1']);
  assert.match(list.problems[0].message, /Entry 1 of "profiles" .* has no "name"/);
  assert.match(list.problems[1].message, /Profile "a" appears again .*first on line \d+.*only the first is used/);
});
