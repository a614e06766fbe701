import 'reflect-metadata';
import { ConfigError, loadConfig } from '@vinhdanh/platform';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
  console.log(JSON.stringify({ level: 'info', msg: 'api listening', url: `http://127.0.0.1:${config.port}` }));
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
