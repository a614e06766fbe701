import pino, { type Logger, type TransportSingleOptions } from 'pino';

/**
 * JSON lines for machines (log shippers, docker), readable lines for a person at a terminal: when
 * stdout is a TTY — `npm start` in a shell, whose children inherit it — logs go through
 * pino-pretty. `LOG_FORMAT=json` keeps JSON even there.
 */
export function logTransport(): TransportSingleOptions | undefined {
  if (!process.stdout.isTTY || process.env.LOG_FORMAT === 'json') return undefined;
  return {
    target: 'pino-pretty',
    options: {
      colorize: true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      // A request in one short line; the headers stay in the JSON form.
      ignore: 'pid,hostname,req,res,responseTime,context',
      messageFormat: '{if context}{context}: {end}{msg}{if req.method} {req.method} {req.url} → {res.statusCode} in {responseTime} ms{end}',
    },
  };
}

/** The logger of a process (api, worker) outside request handling. */
export function processLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, transport: logTransport() });
}
