import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAccessKeyId, checkApiEndpoint, checkEndpointSettings, checkProfileName, checkSecretValue, formatHostPort, isLoopbackHost, parseHostPort } from '../../../src/model';

test('loopback means literal 127/8 or ::1 (any spelling), never a name', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) assert.equal(isLoopbackHost(h), true, h);
  for (const h of ['localhost', '128.0.0.1', '::', '::2', '1::1', '10.0.0.1', '::ffff:10.0.0.1', '']) assert.equal(isLoopbackHost(h), false, h);
});

test('host[:port] parsing and formatting', () => {
  assert.deepEqual(parseHostPort('ga.cn-hangzhou.aliyuncs.com'), { host: 'ga.cn-hangzhou.aliyuncs.com' });
  assert.deepEqual(parseHostPort('127.0.0.1:8100'), { host: '127.0.0.1', port: 8100 });
  assert.deepEqual(parseHostPort('[::1]:8100'), { host: '::1', port: 8100 });
  for (const bad of ['::1', '[::1', 'host:0', 'host:65536', 'https://ga.aliyuncs.com', 'a b', '[nope]:1']) assert.equal(parseHostPort(bad), undefined, bad);
  assert.equal(formatHostPort({ host: '::1', port: 8100 }), '[::1]:8100');
  assert.equal(formatHostPort({ host: 'example.com' }), 'example.com');
  assert.match(checkApiEndpoint('https://ga.aliyuncs.com', 'GA endpoint') ?? '', /without a scheme/);
});

test('http only towards loopback on both APIs', () => {
  assert.equal(checkEndpointSettings({}), undefined);
  assert.equal(checkEndpointSettings({ ga: 'ga.cn-hangzhou.aliyuncs.com', protocol: 'https' }), undefined);
  assert.equal(checkEndpointSettings({ ga: '127.0.0.1:1', dns: '[::1]:2', protocol: 'http' }), undefined);
  assert.match(checkEndpointSettings({ protocol: 'http' }) ?? '', /Alibaba Cloud default needs https/);
  assert.match(checkEndpointSettings({ ga: '127.0.0.1:1', dns: 'alidns.aliyuncs.com', protocol: 'http' }) ?? '', /"alidns.aliyuncs.com" is not a loopback address/);
  assert.match(checkEndpointSettings({ protocol: 'ftp' }) ?? '', /must be https/);
});

test('profile names, AccessKey ids and secrets', () => {
  assert.equal(checkProfileName('work'), undefined);
  assert.match(checkProfileName('') ?? '', /required/);
  assert.match(checkProfileName(' x') ?? '', /spaces/);
  assert.match(checkProfileName('x'.repeat(65)) ?? '', /at most 64/);
  assert.equal(checkAccessKeyId('LTAI5tAbc123'), undefined);
  assert.equal(checkAccessKeyId('STS.NUabc'), undefined);
  assert.match(checkAccessKeyId('LTAI 5t') ?? '', /spaces/);
  assert.match(checkAccessKeyId('abc/def+') ?? '', /not the secret/);
  assert.equal(checkSecretValue('s3cret'), undefined);
  const msg = checkSecretValue('s3cret value', 'Security token') ?? '';
  assert.match(msg, /^Security token must not contain spaces/);
  assert.ok(!msg.includes('s3cret'));
});
