import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBalancer } from './balancer';

/** Real sockets: two HTTP servers behind the balancer, one of them then stopped. */
describe('the balancer in front of several APIs', () => {
  const servers: http.Server[] = [];
  const backend = (name: string) =>
    new Promise<number>((resolve) => {
      const s = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c)).on('end', () => res.end(`${name}:${req.method}:${body}`));
      });
      servers.push(s);
      s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
    });
  afterAll(() => servers.forEach((s) => s.close()));

  it('spreads connections in turn, passes requests through unchanged, and skips an API that is down', async () => {
    const ports = [await backend('a'), await backend('b')];
    const balancer = await startBalancer({ host: '127.0.0.1', port: 0 }, ports);
    // A fresh connection per request (no keep-alive), so each is balanced.
    const ask = async (body: string) => (await fetch(`http://127.0.0.1:${balancer.port}/x`, { method: 'POST', body, headers: { connection: 'close' } })).text();
    const answers = [await ask('1'), await ask('2'), await ask('3'), await ask('4')];
    expect(answers.sort()).toEqual(['a:POST:1', 'a:POST:3', 'b:POST:2', 'b:POST:4'].sort());
    expect(new Set(answers.map((a) => a[0]))).toEqual(new Set(['a', 'b']));
    await new Promise((r) => servers[0].close(r));
    servers[0].closeAllConnections();
    const after = [await ask('5'), await ask('6'), await ask('7')];
    expect(after).toEqual(['b:POST:5', 'b:POST:6', 'b:POST:7']);
    await balancer.close();
  });
});
