import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAccessKeyId, checkApiEndpoint, checkEndpointHost, checkEndpointSettings, customEndpointHosts, isAlibabaCloudHost, checkProfileName, checkSecretValue, formatHostPort, isLoopbackHost, parseHostPort } from '../../../src/model';

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

test('Alibaba Cloud hosts are *.aliyuncs.com, nothing that merely contains it', () => {
  for (const h of ['ga.cn-hangzhou.aliyuncs.com', 'alidns.aliyuncs.com', 'GA-VPC.cn-hangzhou.aliyuncs.com', 'ga.cn-hangzhou.aliyuncs.com.']) assert.equal(isAlibabaCloudHost(h), true, h);
  for (const h of ['aliyuncs.com', 'evilaliyuncs.com', 'aliyuncs.com.evil.example', 'ga.aliyuncs.com.evil.example', '127.0.0.1', '::1', '']) assert.equal(isAlibabaCloudHost(h), false, h);
});

test('a real profile\'s endpoint host: Alibaba Cloud, loopback, or trusted by name', () => {
  assert.equal(checkEndpointHost('ga.cn-hangzhou.aliyuncs.com', 'GA endpoint', []), undefined);
  assert.equal(checkEndpointHost('127.0.0.1:8100', 'GA endpoint', []), undefined);
  assert.equal(checkEndpointHost('[::1]:8100', 'GA endpoint', []), undefined);
  assert.match(checkEndpointHost('proxy.corp.example:443', 'GA endpoint', []) ?? '', /"proxy.corp.example:443" is neither an Alibaba Cloud host.*add it to the user setting gaIpv6.trustedEndpointHosts/);
  assert.equal(checkEndpointHost('proxy.corp.example:443', 'GA endpoint', ['Proxy.Corp.Example']), undefined);
  assert.equal(checkEndpointHost('[2001:db8::1]:443', 'GA endpoint', ['2001:db8:0::1']), undefined, 'addresses compare in canonical form');
  assert.match(checkEndpointHost('other.corp.example', 'GA endpoint', ['proxy.corp.example']) ?? '', /neither/);
  assert.match(checkEndpointSettings({ ga: 'x.example', dns: 'alidns.aliyuncs.com' }, []) ?? '', /GA endpoint "x.example"/);
  assert.equal(checkEndpointSettings({ ga: 'x.example' }), undefined, 'without a trusted list only the structure is checked (stored profiles)');
  assert.deepEqual(customEndpointHosts({ ga: 'x.example:1', dns: 'x.example:2' }), ['x.example']);
  assert.deepEqual(customEndpointHosts({ ga: 'ga.cn-hangzhou.aliyuncs.com', dns: '127.0.0.1:1' }), []);
});
