import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCurlCommand } from '../../../src/probe';
import { curlCandidates, curlTargetFromText, curlTargetLabel, resolveInSandbox } from '../../../src/probeUi/curlTargets';
import type { DnsReport } from '../../../src/probe';

describe('curl -6 -g targets', () => {
  it('from typed text: the seed\'s form, a port, and a URL whose path the shell must not interpret', () => {
    assert.equal(buildCurlCommand(curlTargetFromText('2408:4000:1000::1')).display, "curl -6 -g -sS 'http://[2408:4000:1000::1]/'");
    assert.equal(buildCurlCommand(curlTargetFromText('[2408:4000:1000::1]:8080', 3)).display, "curl -6 -g -sS --connect-timeout 3 'http://[2408:4000:1000::1]:8080/'");
    const risky = buildCurlCommand(curlTargetFromText("https://[::1]/a$(touch x)'b"));
    assert.equal(risky.argv.at(-1), "https://[::1]/a$(touch%20x)'b");
    assert.equal(risky.display, `curl -6 -g -sS 'https://[::1]/a$(touch%20x)'\\''b'`);
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
    assert.deepEqual(real.map((c) => buildCurlCommand(c).display), ['curl -6 -g -sS http://www.example.com/', 'curl -6 -g -sS http://www.example.com:443/']);
    const sandbox = curlCandidates([{ kind: 'record', hostName: 'www.example.com', ipv6Addresses: ['::1'], ports: [80], scheme: 'https' }], 5);
    assert.deepEqual(buildCurlCommand(sandbox[0]).argv, ['curl', '-6', '-g', '-sS', '--connect-timeout', '5', '--resolve', 'www.example.com:80:[::1]', 'https://www.example.com:80/']);
    assert.equal(curlTargetLabel(sandbox[0]), 'https://[::1]:80/ as www.example.com');
    const accelerator = curlCandidates([{ kind: 'accelerator', ipv6Addresses: ['2408:4000:1000::1', '2408:4000:2000::1'], ports: [80] }]);
    assert.deepEqual(accelerator.map(curlTargetLabel), ['http://[2408:4000:1000::1]:80/', 'http://[2408:4000:2000::1]:80/']);
  });

  describe('in the sandbox, a name goes where the sandbox\'s DNS resolves it', () => {
    const answer = (over: Partial<DnsReport>): DnsReport => ({ name: 'app.example.com', server: '127.0.0.1:5353', rcode: 'NOERROR', cnameChain: [], aaaa: [], a: [], ...over });
    const onThisMachine = (address: string) => (address === 'fd6a:6761::a:1' ? address : '::1');

    it('--resolve with the address its AAAA (after CNAMEs) gives, where this machine serves it', async () => {
      const asked: string[] = [];
      const lookup = async (name: string) => {
        asked.push(name);
        return answer({ cnameChain: [{ name, target: 'ga-1.aliyunga0019.com', ttl: 600 }], aaaa: [{ name: 'ga-1.aliyunga0019.com', address: 'fd6a:6761::b:1', ttl: 60 }] });
      };
      const { target, note } = await resolveInSandbox({ hostName: 'app.example.com', port: 80 }, lookup, onThisMachine);
      assert.deepEqual(asked, ['app.example.com']);
      assert.deepEqual(buildCurlCommand(target).argv.slice(-3), ['--resolve', 'app.example.com:80:[::1]', 'http://app.example.com/']);
      assert.equal(note, 'app.example.com (CNAME ga-1.aliyunga0019.com) resolves to fd6a:6761::b:1 in the sandbox\'s DNS (127.0.0.1:5353), served on this machine at [::1]; --resolve tells curl so.');
    });

    it('says why when the name has no IPv6 address there, and leaves an address alone', async () => {
      await assert.rejects(resolveInSandbox({ hostName: 'www.example.org', port: 80 }, async () => answer({ rcode: 'NXDOMAIN' }), onThisMachine), /answered NXDOMAIN for www\.example\.org: in the sandbox only the names of its own zones resolve/);
      await assert.rejects(resolveInSandbox({ hostName: 'mail.example.com', port: 80 }, async () => answer({ a: [{ name: 'mail.example.com', address: '192.0.2.1', ttl: 60 }] }), onThisMachine), /has no AAAA record/);
      await assert.rejects(resolveInSandbox({ hostName: 'x.example.com' }, async () => answer({ error: 'no answer within 3000 ms' }), onThisMachine), /could not be asked/);
      const typed = { address: 'fd6a:6761::a:1', port: 80 };
      assert.deepEqual(await resolveInSandbox(typed, async () => assert.fail('an address is not looked up'), onThisMachine), { target: typed });
    });
  });
});
