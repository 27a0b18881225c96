import type { TLAnyShapeUtilConstructor, TLStateNodeConstructor } from 'tldraw';
import './shapes.css';
import { BasicInfoShapeUtil } from './basicInfo/BasicInfoShapeUtil.tsx';
import { BasicInfoTool } from './basicInfo/BasicInfoTool.ts';
import { ClientVoiceShapeUtil } from './clientVoice/ClientVoiceShapeUtil.tsx';
import { ClientVoiceTool } from './clientVoice/ClientVoiceTool.ts';
import { EcomapPersonShapeUtil } from './ecomapPerson/EcomapPersonShapeUtil.tsx';
import { EcomapPersonTool } from './ecomapPerson/EcomapPersonTool.ts';
import { EcomapTieShapeUtil } from './ecomapTie/EcomapTieShapeUtil.tsx';
import { EcomapTieTool } from './ecomapTie/EcomapTieTool.ts';
import { MeetingDetailsShapeUtil } from './meetingDetails/MeetingDetailsShapeUtil.tsx';
import { MeetingDetailsTool } from './meetingDetails/MeetingDetailsTool.ts';
import { LifeStageShapeUtil } from './lifeStage/LifeStageShapeUtil.tsx';
import { LifeStageTool } from './lifeStage/LifeStageTool.ts';
import { PlanItemShapeUtil } from './planItem/PlanItemShapeUtil.tsx';
import { PlanItemTool } from './planItem/PlanItemTool.ts';
import { ServiceCardShapeUtil } from './serviceCard/ServiceCardShapeUtil.tsx';
import { ServiceCardTool } from './serviceCard/ServiceCardTool.ts';

export { BasicInfoShapeUtil, MeetingDetailsShapeUtil, ClientVoiceShapeUtil, EcomapPersonShapeUtil, EcomapTieShapeUtil, LifeStageShapeUtil, PlanItemShapeUtil, ServiceCardShapeUtil };
export { BasicInfoTool, MeetingDetailsTool, ClientVoiceTool, EcomapPersonTool, EcomapTieTool, LifeStageTool, PlanItemTool, ServiceCardTool };

/** The ShapeUtils of the case-conference shapes, for `<Tldraw shapeUtils>` and the store. */
export const renkeiShapeUtils: readonly TLAnyShapeUtilConstructor[] = [
  ServiceCardShapeUtil,
  PlanItemShapeUtil,
  ClientVoiceShapeUtil,
  LifeStageShapeUtil,
  EcomapPersonShapeUtil,
  EcomapTieShapeUtil,
  BasicInfoShapeUtil,
  MeetingDetailsShapeUtil,
];

/** Tools that place each shape on the canvas (ids = shape types), for `<Tldraw tools>`. */
export const renkeiTools: readonly TLStateNodeConstructor[] = [
  ServiceCardTool,
  PlanItemTool,
  ClientVoiceTool,
  LifeStageTool,
  EcomapPersonTool,
  EcomapTieTool,
  BasicInfoTool,
  MeetingDetailsTool,
];

export { CaseBoardPanels } from './CaseBoardPanels.tsx';
export { CASE_MENU_ITEMS, CaseMenu } from './CaseMenu.tsx';
export { ShapePanel, isRenkeiShape, useOnlySelectedRenkeiShape } from './ShapePanel.tsx';
export { EcomapLegend } from './ecomapTie/EcomapLegend.tsx';
export { renkeiUiOverrides, RenkeiToolbar } from './toolbar.tsx';
export { createAtViewportCenter } from './common/shapeOps.ts';
export { shapeTexts, useShapeTexts, type ShapeTextKey } from './texts.ts';
export { TransitionPanel, TransitionSummaryPanel, addTransitionProposal } from '../transition/index.ts';
