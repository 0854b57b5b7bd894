import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCurlCommand } from '../../../src/probe';
import { curlCandidates, curlTargetFromText, curlTargetLabel } from '../../../src/probeUi/curlTargets';

describe('curl -6 -g targets', () => {
  it('from typed text: the seed\'s form, a port, and a URL whose path the shell must not interpret', () => {
    assert.equal(buildCurlCommand(curlTargetFromText('2408:4000:1000::1')).display, "curl -6 -g 'http://[2408:4000:1000::1]/'");
    assert.equal(buildCurlCommand(curlTargetFromText('[2408:4000:1000::1]:8080', 3)).display, "curl -6 -g --connect-timeout 3 'http://[2408:4000:1000::1]:8080/'");
    const risky = buildCurlCommand(curlTargetFromText("https://[::1]/a$(touch x)'b"));
    assert.equal(risky.argv.at(-1), "https://[::1]/a$(touch%20x)'b");
    assert.equal(risky.display, `curl -6 -g 'https://[::1]/a$(touch%20x)'\\''b'`);
    assert.deepEqual(curlTargetFromText('www.example.com'), { hostName: 'www.example.com', port: 80, scheme: 'http', path: '/' });
  });

  it('refuses what is not one address, URL or name, with the engine\'s reasons', () => {
    assert.throws(() => curlTargetFromText('[::1]:80; rm -rf /'), /neither an IPv6 address/);
    assert.throws(() => curlTargetFromText('`id`.example.com'), /not a valid host name/);
    assert.throws(() => curlTargetFromText('192.0.2.1'), /IPv4 address/);
    assert.throws(() => curlTargetFromText(''), /empty/);
  });

  it('from a node\'s targets: every address × port; a name alone when it is to be resolved; --resolve when both', () => {
    const real = curlCandidates([{ kind: 'record', hostName: 'www.example.com', ipv6Addresses: [], ports: [80, 443], scheme: 'http' }]);
    assert.deepEqual(real.map((c) => buildCurlCommand(c).display), ['curl -6 -g http://www.example.com/', 'curl -6 -g http://www.example.com:443/']);
    const sandbox = curlCandidates([{ kind: 'record', hostName: 'www.example.com', ipv6Addresses: ['::1'], ports: [80], scheme: 'https' }], 5);
    assert.deepEqual(buildCurlCommand(sandbox[0]).argv, ['curl', '-6', '-g', '--connect-timeout', '5', '--resolve', 'www.example.com:80:[::1]', 'https://www.example.com:80/']);
    assert.equal(curlTargetLabel(sandbox[0]), 'https://[::1]:80/ as www.example.com');
    const accelerator = curlCandidates([{ kind: 'accelerator', ipv6Addresses: ['2408:4000:1000::1', '2408:4000:2000::1'], ports: [80] }]);
    assert.deepEqual(accelerator.map(curlTargetLabel), ['http://[2408:4000:1000::1]:80/', 'http://[2408:4000:2000::1]:80/']);
  });
});
