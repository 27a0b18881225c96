/**
 * The domain model of Renkei Board: pure data and functions (no I/O, no React, no tldraw)
 * shared by server, client, templates and tests. Import from here, not from the files.
 */

export { SYSTEM_IDS, SYSTEMS, isSystemId, systemInfo, type SystemId, type SystemInfo } from './systems.ts';
export { ROLE_IDS, ROLES, isRoleId, roleInfo, roleIdFrom, type RoleId, type RoleInfo } from './roles.ts';
export {
  SERVICES,
  BENEFIT_KINDS,
  findService,
  findServices,
  resolveService,
  serviceById,
  servicesOf,
  type BenefitKind,
  type FindServiceOptions,
  type KaigoServiceName,
  type ServiceAges,
  type ServiceId,
  type ServiceInfo,
  type ServiceName,
  type ServiceSystemId,
  type ShogaiServiceId,
  type ShogaiServiceName,
} from './services.ts';
export {
  KYOSEIGATA_TABLE,
  isKyoseigataPair,
  isKyoseigataService,
  kyoseigataPartners,
  type KyoseigataRow,
} from './kyoseigata.ts';
export {
  NO_HOME_LABEL,
  TRANSITION_PRINCIPLES,
  allTransitions,
  summarizeTransition,
  transitionDetailFor,
  transitionFor,
  type NoHomeItem,
  type NoHomeKind,
  type SummaryItem,
  type Transition,
  type TransitionDetail,
  type TransitionDetailOutcome,
  type TransitionLang,
  type TransitionOutcome,
  type TransitionSummary,
} from './transition.ts';
export {
  DEFAULT_APPLICATION_MONTHS_BEFORE,
  addMonths,
  age65Date,
  ageOn,
  ageReachedDate,
  displayDate,
  isIsoDate,
  keyDates,
  type IsoDate,
  type KeyDate,
  type KeyDateOptions,
  type KeyDates,
} from './dates.ts';
export {
  AGE_THRESHOLDS,
  DEFAULT_STAGES,
  stageLabel,
  SPECIALIST_SCOPES,
  collaborationArea,
  scopeOverlap,
  stageCoverage,
  stageForAge,
  validateStages,
  type AgeScope,
  type Coverage,
  type LifeStage,
  type SpecialistId,
  type StageError,
  type StageProblem,
  type StageValidation,
} from './stages.ts';
export {
  SPECIFIED_DISEASES,
  isSpecifiedDisease,
  ltcEligibility,
  matchSpecifiedDisease,
  type InsuredCategory,
  type LtcEligibility,
  type LtcEligibilityInput,
  type SpecifiedDisease,
} from './diseases.ts';
export {
  CHECK_STATUSES,
  HANDOVER_ITEMS,
  HIGH_COST_REFUND,
  HIGH_COST_REFUND_LTC_SERVICES,
  HIGH_COST_REFUND_PRIOR_SERVICES,
  initialCheckState,
  type CheckStatus,
  type ChecklistItem,
  type HandoverItemId,
  type HighCostRefundConditionId,
} from './handover.ts';
export { caseFacts, type CaseFacts, type CaseFactsInput } from './caseFacts.ts';
export { contrastRatio, relativeLuminance } from './colors.ts';
export { nameKey } from './normalize.ts';
export { plainDate, plainTransition } from './plainTexts.ts';
