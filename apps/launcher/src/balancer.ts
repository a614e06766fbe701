import net from 'node:net';

export interface Balancer {
  port: number;
  close(): Promise<void>;
}

/**
 * The one address of several API processes under `npm start` (APIS=n): each connection goes to
 * the next API in turn, and to the one after it when that one does not accept (it crashed and the
 * supervisor is restarting it). It passes bytes through, so the APIs see every request unchanged;
 * it runs on loopback beside them. docker-compose uses nginx for the same job (deploy/gateway.conf).
 */
export function startBalancer(listen: { host: string; port: number }, backends: number[], log: (line: string) => void = () => undefined): Promise<Balancer> {
  let next = 0;
  // While the APIs start (or all restart) every connection fails: say so once in a while, not each time.
  let lastComplaint = 0;
  const server = net.createServer((client) => {
    client.pause();
    const tryBackend = (left: number) => {
      const port = backends[next];
      next = (next + 1) % backends.length;
      const upstream = net.connect({ host: '127.0.0.1', port });
      upstream.once('connect', () => {
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
      upstream.once('error', () => {
        if (left > 1) return tryBackend(left - 1);
        if (Date.now() - lastComplaint > 10_000) log(`no API accepted a connection (ports ${backends.join(', ')})`);
        lastComplaint = Date.now();
        client.destroy();
      });
    };
    tryBackend(backends.length);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject).listen(listen.port, listen.host, () => {
      resolve({ port: (server.address() as net.AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
