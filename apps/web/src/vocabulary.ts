/**
 * The domain's own lists, imported from the pure domain library so the browser and the server
 * never disagree on a code.
 */
export { AWARD_CODES } from '../../../libs/domain/src/catalogue/types';
export { LEVELS, RATINGS, RATING_NAMES, RECIPIENT_KINDS, ratingName } from '../../../libs/domain/src/common/levels';

/** Nomination statuses in ladder order. */
export { NOMINATION_STATUSES as STATUSES, TASK_KINDS } from '../../../libs/domain/src/ladder/nomination';
export { ruleName } from '../../../libs/domain/src/common/rule-names';
export { MOTTO } from '../../../libs/domain/src/decisions/administrative';
export { dossierComponents } from '../../../libs/domain/src/catalogue/documents';
