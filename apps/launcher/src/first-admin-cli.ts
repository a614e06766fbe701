import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@vinhdanh/persistence';
import { firstAdministrator } from './first-admin';

const USAGE = `usage: npm run admin:first -- --username quantri --name "Nguyễn Văn An" --unit so-noi-vu
         [--unit-name-vi "Sở Nội vụ tỉnh Đắk Nông" --unit-name-en "Department of Home Affairs" --level PROVINCE --kind DEPARTMENT --issuer-code SNV]
         [--origin https://vinhdanh.example.gov.vn]
The unit options create the unit when the organisation is still empty.`;

/**
 * `npm run admin:first`: the first administrator of a real deployment (SEED_DEMO=false). Talks to
 * DATABASE_URL, or to the embedded PostgreSQL that \`npm start\` runs when it is not set.
 */
async function main(): Promise<void> {
  const { values: v } = parseArgs({
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      unit: { type: 'string' },
      'unit-name-vi': { type: 'string' },
      'unit-name-en': { type: 'string' },
      level: { type: 'string' },
      kind: { type: 'string' },
      'issuer-code': { type: 'string' },
      origin: { type: 'string' },
    },
  });
  if (!v.username || !v.name || !v.unit) {
    console.error(USAGE);
    process.exit(2);
  }
  const level = (v.level ?? 'PROVINCE') as 'UNIT' | 'PROVINCE' | 'CENTRAL';
  if (!['UNIT', 'PROVINCE', 'CENTRAL'].includes(level)) {
    console.error(`--level ${level} must be UNIT, PROVINCE or CENTRAL`);
    process.exit(2);
  }
  const url = process.env.DATABASE_URL ?? `postgres://postgres:vinhdanh-local@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54329}/vinhdanh`;
  await runMigrations(url);
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const unit = v['unit-name-vi'] && v['unit-name-en'] && v['issuer-code'] ? { nameVi: v['unit-name-vi'], nameEn: v['unit-name-en'], level, kind: v.kind ?? 'AGENCY', issuerCode: v['issuer-code'] } : undefined;
    const made = await firstAdministrator(ds, { username: v.username, fullName: v.name, unitId: v.unit, unit });
    const origin = (v.origin ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
    if (made.unitCreated) console.log(`unit ${v.unit} created`);
    console.log(`administrator ${v.username} created. Open this link (once, before ${made.expiresAt.toISOString()}) to set the password:`);
    console.log(`${origin}/app/mat-khau#${made.token}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
