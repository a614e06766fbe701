import { AuditService } from './audit.service';
import { runOperatorCommand } from './cli-context';
import { DecisionDocuments } from '../nominations/decision-documents.service';
import { Engine } from '../temporal/engine';

/**
 * `npm run verify:replay [-- <nominationId>]`: replays one or every nomination's history against
 * the current workflow code and checks the read model and audit log agree; exit 1 on any failure.
 */
runOperatorCommand(async ({ ds, client, codec, config }) => {
  const audit = new AuditService(ds, new Engine(client, config), config, codec, new DecisionDocuments(ds, config));
  const operator = { userId: 'cli', fullName: 'CLI', unitId: '', roles: ['ADMIN' as const], scopeUnitId: null };
  const id = process.argv[2];
  if (!id) return audit.replayAll(operator);
  const report = await audit.replay(operator, id);
  return { ...report, ok: report.deterministic && report.readModelAgrees && report.auditLogAgrees };
});
