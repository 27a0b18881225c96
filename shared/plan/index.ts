/** The plan as data: plan.json (サービス等利用計画 side) and the ケアプラン 第2表 CSV draft. */
export { PLAN_JSON_FORMAT, PLAN_JSON_VERSION, PlanJsonItemSchema, PlanJsonSchema, buildPlanJson, planItemsOf, type PlanJson, type PlanJsonItem } from './planData.ts';
export {
  CAREPLAN2_COLUMNS,
  CAREPLAN2_UNKNOWN,
  buildCareplan2,
  careplan2Csv,
  type Careplan2Column,
  type Careplan2Draft,
  type Careplan2Warning,
} from './careplan2.ts';
