import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { checkComposeServices, type ComposeService } from '@vinhdanh/platform/compose-check';
import { DEV_SECRETS } from '@vinhdanh/platform';

/**
 * docker-compose.yml, rendered by docker-compose itself (no Docker engine needed for `config`),
 * checked with the product's own configuration check: the api and worker services must start.
 * Needs Debian's docker-compose (installed by .ci/run).
 */
const root = path.join(__dirname, '..', '..');
const compose = path.join(root, 'docker-compose.yml');

function render(env: Record<string, string> | undefined): { status: number; stdout: string; stderr: string } {
  const bin = ['docker-compose', '/usr/bin/docker-compose'].find((b) => spawnSync(b, ['version'], { stdio: 'ignore' }).status === 0);
  if (!bin) throw new Error('docker-compose is needed for this test (apt-get install docker-compose; .ci/run installs it)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-'));
  // docker-compose checks that a build context exists (relative to the project directory).
  fs.mkdirSync(path.join(dir, 'deploy', 'temporal-server'), { recursive: true });
  const envFile = path.join(dir, '.env');
  fs.writeFileSync(envFile, env ? Object.entries(env).map(([k, v]) => `${k}=${v}`).join('\n') : '');
  // An empty project directory: a developer's own .env beside the file must not leak in.
  const r = spawnSync(bin, ['--project-directory', dir, '--env-file', envFile, '-f', compose, 'config'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

const services = (text: string) => (yaml.load(text) as { services: Record<string, ComposeService> }).services;

describe('docker-compose.yml', () => {
  it('renders with secrets of one’s own, and the api and worker pass the product’s configuration check', () => {
    const r = render({
      POSTGRES_PASSWORD: randomBytes(12).toString('hex'),
      JWT_SECRET: randomBytes(48).toString('base64'),
      BALLOT_KEY: randomBytes(32).toString('base64'),
      CODEC_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      IDENTITY_KEY: randomBytes(32).toString('base64'),
      FEED_SIGNING_KEY: randomBytes(32).toString('base64'),
      SIGNING_P12_PASSPHRASE: randomBytes(16).toString('hex'),
    });
    expect(r.stderr).not.toMatch(/ERROR/);
    const rendered = services(r.stdout);
    expect(checkComposeServices(rendered)).toEqual({ checked: expect.arrayContaining(['api', 'worker']), problems: [] });
    // Temporal and its UI are not published beyond the compose network; the UI is read-only.
    expect(rendered.temporal).not.toHaveProperty('ports');
    expect(rendered['temporal-ui']).not.toHaveProperty('ports');
    expect((rendered['temporal-ui'].environment as Record<string, string>).TEMPORAL_UI_DISABLE_WRITE_ACTIONS).toBe('true');
    expect((rendered.api.environment as Record<string, string>).SEED_DEMO).toBe('false');
    // Mutual TLS at Temporal's frontend: the server requires client certificates, and every client carries one.
    expect((rendered.temporal.environment as Record<string, string>).TEMPORAL_TLS_REQUIRE_CLIENT_AUTH).toBe('true');
    for (const name of ['api', 'worker']) {
      expect(rendered[name].environment).toMatchObject({ TEMPORAL_TLS_CA: '/certs/ca.pem', TEMPORAL_TLS_CERT: '/certs/product.pem', TEMPORAL_TLS_KEY: '/certs/product.key' });
    }
    expect(rendered['temporal-ui'].environment).toMatchObject({ TEMPORAL_TLS_CA: '/certs/ca.pem', TEMPORAL_TLS_CERT: '/certs/operator.pem' });
    expect(JSON.stringify((rendered['temporal-setup'] as { command?: unknown }).command)).toContain('--tls-cert-path /certs/product.pem');
  });

  it('runs the real Temporal server with an explicit schema step (the script CI runs), and scales the worker and the API', () => {
    const rendered = services(render({
      POSTGRES_PASSWORD: 'p', JWT_SECRET: randomBytes(48).toString('base64'), BALLOT_KEY: randomBytes(32).toString('base64'), CODEC_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      IDENTITY_KEY: randomBytes(32).toString('base64'), FEED_SIGNING_KEY: randomBytes(32).toString('base64'), SIGNING_P12_PASSPHRASE: 'x',
    }).stdout) as Record<string, ComposeService & { image?: string; depends_on?: unknown; ports?: unknown }>;
    // Not the deprecated auto-setup image: the server (the stock image with Vinh Danh's build of its
    // binary, the same version), and a schema job before it.
    expect(rendered.temporal.image).toBe('vinhdanh/temporal-server:1.29.1');
    const dockerfile = fs.readFileSync(path.join(root, 'deploy', 'temporal-server', 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM temporalio\/server:1\.29\.1$/m);
    expect(fs.readFileSync(path.join(root, 'deploy', 'temporal-server', 'go.mod'), 'utf8')).toMatch(/go\.temporal\.io\/server v1\.29\.1/);
    expect(JSON.stringify(rendered.temporal.depends_on)).toContain('temporal-schema');
    const schema = rendered['temporal-schema'] as ComposeService & { volumes?: unknown; entrypoint?: string[] };
    expect(JSON.stringify(schema.volumes)).toContain('deploy/temporal-schema.sh');
    expect(schema.entrypoint).toEqual(['/bin/sh', '/temporal-schema.sh']);
    // Scaling: neither the worker nor the API binds a host port (a second replica could not);
    // the gateway holds the one published port and the API trusts exactly that one hop.
    expect(rendered.worker).not.toHaveProperty('ports');
    expect(rendered.api).not.toHaveProperty('ports');
    expect(JSON.stringify(rendered.gateway.ports)).toContain('3000');
    expect((rendered.api.environment as Record<string, string>).TRUST_PROXY).toBe('1');
  });

  it('refuses to render without the secrets, naming them', () => {
    const r = render(undefined);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/POSTGRES_PASSWORD|JWT_SECRET|BALLOT_KEY|CODEC_KEYS|IDENTITY_KEY/);
  });

  it('with the published development secrets, the configuration check fails (no crash loop reaches a deployment)', () => {
    const r = render({ POSTGRES_PASSWORD: 'x', ...DEV_SECRETS });
    const { problems } = checkComposeServices(services(r.stdout));
    expect(problems).toEqual(expect.arrayContaining([
      'api: JWT_SECRET is the public development default; set a secret of your own',
      'worker: CODEC_KEYS is the public development default; set a secret of your own',
    ]));
  });

  it('the repository’s own compose environment example carries no usable secret', () => {
    const example = fs.readFileSync(path.join(root, 'deploy', 'compose.env.example'), 'utf8');
    expect(example).toMatch(/^JWT_SECRET=$/m);
    expect(execFileSync('git', ['ls-files', '.env'], { cwd: root, encoding: 'utf8' }).trim()).toBe('');
  });
});
