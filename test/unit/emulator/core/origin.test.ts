// The sandbox's IPv4 origin page: what it says, where it listens, and where it goes when its port is taken.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { startOrigin } from '../../../../src/emulator/origin';

describe('sandbox origin', () => {
  it('answers GET with a page naming the IPv4 service and the client address; HEAD without a body; others 405', async () => {
    const lines: string[] = [];
    const origin = await startOrigin({ host: '127.0.0.1', port: 0, log: (l) => lines.push(l) });
    try {
      const url = `http://127.0.0.1:${origin.port}/some/path?x=1`;
      const { status, page } = await new Promise<{ status?: number; page: string }>((resolve, reject) => {
        request(url, { headers: { host: 'www.example.com' } }, (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode, page: body }));
        }).on('error', reject).end();
      });
      assert.equal(status, 200);
      assert.match(page, /answered by the IPv4 origin/);
      assert.match(page, new RegExp(`IPv4 service: +sandbox origin at http://127\\.0\\.0\\.1:${origin.port}/`));
      assert.match(page, /client address: +127\.0\.0\.1:\d+/);
      assert.match(page, /request: +GET \/some\/path\?x=1 \(Host: www\.example\.com\)/);
      const head = await fetch(url, { method: 'HEAD' });
      assert.deepEqual([head.status, await head.text()], [200, '']);
      assert.equal((await fetch(url, { method: 'POST', body: 'x' })).status, 405);
      assert.deepEqual(origin.requests().map((r) => [r.method, r.status]), [['GET', 200], ['HEAD', 200], ['POST', 405]]);
      assert.ok(lines.some((l) => l.includes(`http://127.0.0.1:${origin.port}/`)));
    } finally {
      await origin.stop();
    }
  });

  it('takes a free port, and says why, when its port is taken', async () => {
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(0, '127.0.0.1', r));
    const taken = (squatter.address() as AddressInfo).port;
    try {
      const origin = await startOrigin({ host: '127.0.0.1', port: taken });
      try {
        assert.notEqual(origin.port, taken);
        assert.match(origin.movedBecause ?? '', new RegExp(`port ${taken} is taken`));
        assert.equal((await fetch(`http://127.0.0.1:${origin.port}/`)).status, 200);
      } finally {
        await origin.stop();
      }
    } finally {
      await new Promise((r) => squatter.close(r));
    }
  });
});
