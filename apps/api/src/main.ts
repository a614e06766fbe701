import 'reflect-metadata';
import { ConfigError, loadConfig } from '@vinhdanh/platform';
import { processLogger } from '@vinhdanh/platform/logging';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  // Loopback unless HOST says otherwise: a development machine does not serve its LAN by accident.
  await app.listen(config.port, config.host);
  const bound = app.getHttpServer().address() as { address: string; port: number };
  processLogger('api', config.logLevel).info({ address: bound.address, port: bound.port }, 'api listening');
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
