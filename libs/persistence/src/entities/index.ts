import { NominationEntity, NominationEventEntity, TaskEntity } from './nomination.entities';
import { OrgUnitEntity, UserAccountEntity } from './org.entities';
import { AwardRegisterEntity, DecisionCounterEntity, DecisionEntity, NotificationEntity } from './decision.entities';

export * from './nomination.entities';
export * from './org.entities';
export * from './decision.entities';

export const ENTITIES = [
  OrgUnitEntity,
  UserAccountEntity,
  NominationEntity,
  NominationEventEntity,
  TaskEntity,
  DecisionEntity,
  DecisionCounterEntity,
  AwardRegisterEntity,
  NotificationEntity,
];
