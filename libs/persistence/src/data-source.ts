import { DataSource, DataSourceOptions, type EntityManager } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** Options shared by the API, the worker, the migrator and the tests: migrations, never `synchronize`. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // No entities: every statement is a typed function in read-model/ (docs/architecture.md).
    entities: [],
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: { max: Number(process.env.DB_POOL_SIZE ?? 10), connectionTimeoutMillis: 5000 },
    ...overrides,
  } as DataSourceOptions;
}

export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** A round trip to the database, for the health check. */
export async function ping(db: EntityManager): Promise<void> {
  await db.query('SELECT 1');
}
