import { ConfigError, loadConfig } from './config';

/**
 * Runs the product's own configuration check over each service of a rendered compose file
 * (`docker-compose config`) that runs the API or the worker, so a compose file whose services
 * would exit at start (and restart in a loop) fails CI instead.
 */
export interface ComposeService {
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
}

const RUNS_THE_PRODUCT = /dist\/apps\/(api|worker)\/src\/main\.js/;

export function checkComposeServices(services: Record<string, ComposeService>): { checked: string[]; problems: string[] } {
  const checked: string[] = [];
  const problems: string[] = [];
  for (const [name, service] of Object.entries(services)) {
    const command = Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? '');
    if (!RUNS_THE_PRODUCT.test(command)) continue;
    checked.push(name);
    try {
      loadConfig(environmentOf(service));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(...err.problems.map((p) => `${name}: ${p}`));
    }
  }
  return { checked, problems };
}

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((e) => [e.split('=')[0], e.split('=').slice(1).join('=')]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}
