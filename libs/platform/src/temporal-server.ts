import { execFile, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { SEARCH_ATTRIBUTES, searchAttributeTypeName } from '@vinhdanh/domain/ladder/search-attributes';
import { stopChild, waitForTemporal } from './temporal-dev-server';
import { repoRoot } from './workflow-bundle';
import { ensureTemporalCertificates, type TemporalCertificates, type TemporalTlsFiles } from './temporal-tls';

const run = promisify(execFile);

/** Where `scripts/ensure-temporal-server.js` put the server, its SQL tool and the PostgreSQL schemas. */
export interface TemporalServerBuild {
  server: string;
  /** The same server with Vinh Danh's claim mapper (deploy/temporal-server): roles from client certificates. */
  vinhdanhServer: string;
  sqlTool: string;
  schemaDir: string;
}

export interface TemporalServerOptions {
  build: TemporalServerBuild;
  /** The Temporal CLI, to register the namespace and the search attributes. */
  cli: string;
  /** Any database on the PostgreSQL server Temporal should use; its two databases are made beside it. */
  databaseUrl: string;
  /** Names the two databases: `<prefix>` (history, shards, tasks) and `<prefix>_visibility`. */
  databasePrefix: string;
  shards: number;
  /** The frontend's gRPC port; history, matching and worker take the next three, membership +10…+13, HTTP +20. All below 32768: the server stores membership ports as a smallint. */
  port: number;
  /** Where its generated configuration lives. */
  dataDir: string;
  namespace?: string;
  /** Its PostgreSQL connection pools (main store, visibility): 20 and 4 by default. */
  maxConnections?: { store: number; visibility: number };
  log: (line: string) => void;
  /**
   * Mutual TLS on the frontend, with the certificates in this directory (made if missing): only a
   * client with a certificate from its CA gets past the handshake. The product's client files are
   * returned in `tls`.
   */
  tlsDir?: string;
}

export interface RunningTemporalServer {
  address: string;
  /** The product's client files, when the frontend requires mutual TLS. */
  tls?: TemporalTlsFiles;
  /** Its process (the bench reads its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The real Temporal server (not the dev server) on PostgreSQL, as production runs it, in one
 * process with its four services. Its two databases are created and migrated with
 * `temporal-sql-tool` by the script docker-compose's schema job runs, then the server starts
 * with `shards` history shards, and the namespace and Vinh Danh's search attributes are registered.
 * The shard count is fixed once a database is set up; changing it needs a fresh database.
 */
export async function startTemporalServer(opts: TemporalServerOptions): Promise<RunningTemporalServer> {
  if (opts.port + 20 > 32_767) throw new Error(`TEMPORAL_SERVER_PORT=${opts.port}: the server's ports (up to +20) must stay below 32768`);
  const namespace = opts.namespace ?? 'default';
  await prepareTemporalDatabases(opts);
  const certs = opts.tlsDir ? await ensureTemporalCertificates(opts.tlsDir) : undefined;
  const tls: TemporalTlsFiles | undefined = certs && { ca: certs.ca, cert: certs.product.cert, key: certs.product.key };
  const configDir = path.join(opts.dataDir, 'config');
  fs.mkdirSync(configDir, { recursive: true });
  fs.writeFileSync(path.join(configDir, 'vinhdanh.yaml'), serverConfig(opts, certs));
  fs.writeFileSync(path.join(configDir, 'dynamicconfig.yaml'), DYNAMIC_CONFIG);
  // Its own process group: a Ctrl-C reaches the launcher alone, which stops the server in order.
  // With mutual TLS, Vinh Danh's build: each caller's role comes from its certificate (product: admin,
  // operators' tools: read-only). Without TLS there is no certificate to read: the stock server, open.
  const [executable, args] = certs
    ? [opts.build.vinhdanhServer, ['--root', opts.dataDir, '--config', 'config', '--env', 'vinhdanh']]
    : [opts.build.server, ['--root', opts.dataDir, '--config', 'config', '--env', 'vinhdanh', '--allow-no-auth', 'start']];
  const child: ChildProcess = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // The last lines it wrote, for the error if it does not come up.
  const tail: string[] = [];
  const out = (b: Buffer) => {
    const text = b.toString().trimEnd();
    tail.push(...text.split('\n'));
    tail.splice(0, Math.max(0, tail.length - 15));
    opts.log(text);
  };
  child.stdout?.on('data', out);
  child.stderr?.on('data', out);
  const address = `127.0.0.1:${opts.port}`;
  try {
    await waitForTemporal(address, child, 90_000, `the Temporal server (its ports ${address}…+20)`, 500, tls).catch((err: Error) => Promise.reject(new Error(`${err.message}\n${tail.join('\n')}`)));
    const cli = (args: string[]) => run(opts.cli, [...args, '--address', address, ...(tls ? ['--tls-ca-path', tls.ca, '--tls-cert-path', tls.cert, '--tls-key-path', tls.key] : [])]);
    await registerNamespace(cli, namespace);
    await registerSearchAttributes(cli, namespace);
  } catch (err) {
    await stopChild(child);
    throw err;
  }
  return { address, ...(tls ? { tls } : {}), pid: child.pid!, stop: () => stopChild(child, 20_000) };
}

/**
 * Creates the two databases if missing, sets up their schema once and brings it to the newest
 * version, by running deploy/temporal-schema.sh — the very script docker-compose's schema job runs.
 */
export async function prepareTemporalDatabases(opts: Pick<TemporalServerOptions, 'build' | 'databaseUrl' | 'databasePrefix' | 'log'>): Promise<void> {
  const url = new URL(opts.databaseUrl);
  if (!/^[a-z_][a-z0-9_]*$/.test(opts.databasePrefix)) throw new Error(`not a database name: ${opts.databasePrefix}`);
  const { stdout } = await run('sh', [SCHEMA_SCRIPT], {
    env: {
      PATH: process.env.PATH,
      SQL_TOOL: opts.build.sqlTool,
      SCHEMA_DIR: opts.build.schemaDir,
      SQL_HOST: url.hostname,
      SQL_PORT: url.port || '5432',
      SQL_USER: decodeURIComponent(url.username || 'postgres'),
      SQL_PASSWORD: decodeURIComponent(url.password),
      TEMPORAL_DB: opts.databasePrefix,
      TEMPORAL_VISIBILITY_DB: `${opts.databasePrefix}_visibility`,
    },
  });
  opts.log(stdout.trimEnd());
}

const SCHEMA_SCRIPT = path.join(repoRoot(), 'deploy', 'temporal-schema.sh');

/** The frontend's mutual TLS: the server's certificate, clients' certificates checked against the CA; Temporal's own system worker is a client too. */
function tlsConfig(c: TemporalCertificates): string {
  return `
  tls:
    frontend:
      server:
        certFile: "${c.server.cert}"
        keyFile: "${c.server.key}"
        requireClientAuth: true
        clientCaFiles:
          - "${c.ca}"
      client:
        serverName: "localhost"
        rootCaFiles:
          - "${c.ca}"
    systemWorker:
      certFile: "${c.internal.cert}"
      keyFile: "${c.internal.key}"
      client:
        serverName: "localhost"
        rootCaFiles:
          - "${c.ca}"`;
}

function serverConfig(opts: TemporalServerOptions, certs?: TemporalCertificates): string {
  const url = new URL(opts.databaseUrl);
  const store = (db: string, conns: number) => `
      sql:
        pluginName: "postgres12"
        databaseName: "${db}"
        connectAddr: "${url.hostname}:${url.port || '5432'}"
        connectProtocol: "tcp"
        user: "${decodeURIComponent(url.username || 'postgres')}"
        password: "${decodeURIComponent(url.password)}"
        maxConns: ${conns}
        maxIdleConns: ${conns}
        maxConnLifetime: "1h"`;
  const service = (grpc: number, membership: number, extra = '') => `
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${extra}`;
  const p = opts.port;
  return `# Generated by Vinh Danh (libs/platform/src/temporal-server.ts); edits are overwritten at start.
log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${opts.shards}
  datastores:
    default:${store(opts.databasePrefix, opts.maxConnections?.store ?? 20)}
    visibility:${store(`${opts.databasePrefix}_visibility`, opts.maxConnections?.visibility ?? 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"${certs ? tlsConfig(certs) : ''}
services:
  frontend:${service(p, p + 10, `\n      httpPort: ${p + 20}`)}
  history:${service(p + 1, p + 11)}
  matching:${service(p + 2, p + 12)}
  worker:${service(p + 3, p + 13)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${p}"
dcRedirectionPolicy:
  policy: "noop"
dynamicConfigClient:
  filepath: "${path.join(opts.dataDir, 'config', 'dynamicconfig.yaml')}"
  pollInterval: "10s"
`;
}

/** Dynamic configuration: the search attributes registered at start are read at once. */
const DYNAMIC_CONFIG = `system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
`;

/** The Temporal CLI against this server (address and, with mutual TLS, the product's certificate added). */
type Cli = (args: string[]) => Promise<{ stdout: string }>;

async function registerNamespace(cli: Cli, namespace: string): Promise<void> {
  const described = await cli(['operator', 'namespace', 'describe', '--namespace', namespace]).then(() => true, () => false);
  if (!described) await cli(['operator', 'namespace', 'create', '--namespace', namespace, '--retention', '720h']);
  // Until every service has read it, calls in the namespace fail: wait for the frontend to serve it.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const listed = await cli(['workflow', 'list', '--namespace', namespace, '--limit', '1']).then(() => true, () => false);
    if (listed) return;
    if (Date.now() > deadline) throw new Error(`namespace ${namespace} is not served`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function registerSearchAttributes(cli: Cli, namespace: string): Promise<void> {
  const { stdout: existing } = await cli(['operator', 'search-attribute', 'list', '--namespace', namespace, '--output', 'json']);
  for (const key of SEARCH_ATTRIBUTES) {
    if (existing.includes(`"${key.name}"`)) continue;
    await cli(['operator', 'search-attribute', 'create', '--namespace', namespace, '--name', key.name, '--type', searchAttributeTypeName(key)]);
  }
}

/** The server's ports relative to its frontend's (see `serverConfig`). */
const PORT_OFFSETS = [0, 1, 2, 3, 10, 11, 12, 13, 20];

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** A frontend port below 32768 whose whole block of server ports is free now. */
export async function freeServerPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 15_000 + Math.floor(Math.random() * 1_700) * 10;
    if ((await Promise.all(PORT_OFFSETS.map((o) => isFree(base + o)))).every(Boolean)) return base;
  }
  throw new Error('no free block of ports below 32768 for the Temporal server');
}
