import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEnvProfile } from '../../../src/profiles/envProfile';
import { CredentialsUnavailableError } from '../../../src/profiles/profile';
import { visibleText } from './tempHome';

const SECRET = 'EnvSecretValue0001';
const TOKEN = 'EnvSecurityToken0002';

test('no variables, no profile and no problem; empty counts as unset', () => {
  assert.deepEqual(loadEnvProfile({}), { profiles: [], problems: [] });
  assert.deepEqual(loadEnvProfile({ ALIBABA_CLOUD_ACCESS_KEY_ID: '', ALIBABA_CLOUD_ACCESS_KEY_SECRET: '' }), { profiles: [], problems: [] });
});

test('id and secret make the "env" profile; the token is added when set', async () => {
  const env: Record<string, string | undefined> = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenv', ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET };
  const list = loadEnvProfile(env);
  assert.deepEqual(list.problems, []);
  const [p] = list.profiles;
  assert.equal(p.id, 'env');
  assert.equal(p.source, 'env');
  assert.equal(p.accessKeyId, 'LTAIenv');
  assert.deepEqual(await p.credentials(), { accessKeyId: 'LTAIenv', accessKeySecret: SECRET });
  env.ALIBABA_CLOUD_SECURITY_TOKEN = TOKEN;
  assert.deepEqual(await p.credentials(), { accessKeyId: 'LTAIenv', accessKeySecret: SECRET, securityToken: TOKEN });
  assert.ok(!visibleText(list).includes(SECRET));
  delete env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  await assert.rejects(p.credentials(), (e: unknown) => e instanceof CredentialsUnavailableError && /ALIBABA_CLOUD_ACCESS_KEY_SECRET is not/.test(e.message));
});

test('a partial set is a problem naming the missing variable and never the secret', () => {
  const onlyId = loadEnvProfile({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenv' });
  assert.deepEqual(onlyId.profiles, []);
  assert.equal(onlyId.problems[0].file, 'environment variables');
  assert.equal(onlyId.problems[0].message, 'ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not: set ALIBABA_CLOUD_ACCESS_KEY_SECRET too (in the environment VS Code is started from), or unset ALIBABA_CLOUD_ACCESS_KEY_ID.');

  const onlySecret = loadEnvProfile({ ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET });
  assert.match(onlySecret.problems[0].message, /^ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but ALIBABA_CLOUD_ACCESS_KEY_ID is not/);
  assert.ok(!visibleText(onlySecret).includes(SECRET));

  const onlyToken = loadEnvProfile({ ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN });
  assert.match(onlyToken.problems[0].message, /ALIBABA_CLOUD_SECURITY_TOKEN is set but ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not/);
  assert.ok(!visibleText(onlyToken).includes(TOKEN));
});
