import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSecretKey, redactParams, redactText } from '../../../src/cloud/redact';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCY';
const TOKEN = 'CAIS8gF1q6Ft5B2yfSjIr5bkKN3Ygr';

test('known secret values are masked verbatim and URL-encoded', () => {
  const text = `secret ${SECRET} and ${encodeURIComponent(SECRET)} token ${TOKEN}`;
  const out = redactText(text, [SECRET, TOKEN]);
  assert.ok(!out.includes(SECRET) && !out.includes(encodeURIComponent(SECRET)) && !out.includes(TOKEN), out);
  assert.match(out, /\*\*\*/);
});

test('credential-shaped text is masked even when the value is unknown', () => {
  const auth = 'Authorization: ACS3-HMAC-SHA256 Credential=LTAI5tExampleId,SignedHeaders=host;x-acs-action,Signature=0123456789abcdef';
  const out = redactText(auth);
  assert.ok(!out.includes('0123456789abcdef'), out);
  assert.ok(!redactText('Signature=abc%2Bdef&SignatureNonce=n1').includes('abc%2Bdef'));
  assert.match(redactText('Signature=abc&SignatureNonce=n1'), /SignatureNonce=n1/, 'the nonce is not a secret');
  assert.ok(!redactText('{"AccessKeySecret":"topsecret"}').includes('topsecret'));
  assert.ok(!redactText('SecurityToken=tok123&x=1').includes('tok123'));
  assert.ok(!redactText('x-acs-security-token: tok456').includes('tok456'));
  assert.ok(!redactText('{"authorization": "Bearer abc.def"}').includes('abc.def'));
});

test('redactParams masks secret-named keys at any depth and keeps the rest', () => {
  const out = redactParams({
    AccessKeyId: 'LTAI5tExampleId',
    AccessKeySecret: SECRET,
    SecurityToken: TOKEN,
    ClientToken: 'vsc-CreateIpSets-1',
    Nested: [{ signature: 'zzz', Name: 'web' }],
    Note: `contains ${SECRET}`,
  }, [SECRET]) as Record<string, unknown>;
  const text = JSON.stringify(out);
  assert.ok(!text.includes(SECRET) && !text.includes(TOKEN) && !text.includes('zzz'), text);
  assert.equal(out.AccessKeyId, 'LTAI5tExampleId');
  assert.equal(out.ClientToken, 'vsc-CreateIpSets-1');
  assert.deepEqual((out.Nested as Record<string, unknown>[])[0].Name, 'web');
});

test('isSecretKey', () => {
  for (const k of ['AccessKeySecret', 'accessKeySecret', 'SecurityToken', 'x-acs-security-token', 'Signature', 'Authorization', 'password', 'x-acs-bearer-token']) assert.ok(isSecretKey(k), k);
  for (const k of ['AccessKeyId', 'ClientToken', 'SignatureNonce', 'SignatureVersion', 'SignatureMethod', 'x-acs-signature-nonce', 'Name']) assert.ok(!isSecretKey(k), k);
});
