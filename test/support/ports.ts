import net from 'node:net';

/** A port the OS just handed out. Another process may take it before a server binds it: see `onFreePort`. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server on a port found free, and on another if the bind loses the race for it (the
 * port is free when found, and taken by the time the server binds). Fault tests then restart
 * their server on the same port, as a real outage would: clients keep their address.
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>, attempts = 4, pick: () => Promise<number> = freePort): Promise<{ port: number; server: T }> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    const port = await pick();
    try {
      return { port, server: await start(port) };
    } catch (err) {
      last = err;
    }
  }
  throw last;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/**
 * A base port `p` below 32768 with `p`…`p+3`, `p+10`…`p+13` and `p+20` free: the real Temporal
 * server's services, membership and HTTP ports (it stores membership ports as a smallint).
 */
export async function freePortBlock(offsets: number[]): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 15_000 + Math.floor(Math.random() * 1_700) * 10;
    const free = await Promise.all(offsets.map((o) => isFree(base + o)));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no free block of ports below 32768');
}
