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
