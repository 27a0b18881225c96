import { summarizeTransition, type TransitionSummary } from '../domain/transition.ts';
import type { SystemId } from '../domain/systems.ts';
import type { StoredRecord } from '../doc/index.ts';
import type { MeetingDetails } from '../protocol/meeting.ts';
import {
  BASIC_INFO_TYPE,
  CLIENT_VOICE_TYPE,
  MEETING_DETAILS_TYPE,
  type BasicInfoProps,
  ECOMAP_PERSON_TYPE,
  PLAN_ITEM_TYPE,
  SERVICE_CARD_TYPE,
  type ClientVoiceProps,
  type EcomapPersonProps,
  type PlanItemProps,
  type ServiceCardProps,
} from '../shapes/index.ts';
import { authorOf } from '../workshop/author.ts';
import { plainTextOf } from './richText.ts';

/** A shape's id, the frame it sits in, and its props. */
export interface Placed<P> {
  id: string;
  frame: string | null;
  props: P;
}

/** What a board says, read from its tldraw records: the basis of minutes, exports and diffs. */
export interface CaseContent {
  pages: { id: string; name: string }[];
  frames: { id: string; name: string }[];
  services: Placed<ServiceCardProps>[];
  plans: Placed<PlanItemProps>[];
  voices: Placed<ClientVoiceProps>[];
  persons: Placed<EcomapPersonProps>[];
  /** Notes and texts placed in a 論点 frame: the open questions. */
  openQuestions: Placed<{ text: string; author?: string }>[];
  /** Every other note or text, by frame; `author` when a workshop member shared it (meta.author). */
  notes: Placed<{ text: string; author?: string }>[];
  transition: TransitionSummary;
  /** The board's 基本情報 card (the first in reading order), if it has one. */
  basicInfo: BasicInfoProps | null;
  /** The board's 会議の要点 card (the first in reading order), if it has one. */
  meeting: MeetingDetails | null;
}

interface ShapeLike extends StoredRecord {
  type: string;
  parentId: string;
  index?: string;
  x?: number;
  y?: number;
  props: Record<string, unknown>;
}

const QUESTION_FRAME = /^論点/;

/**
 * The deepest a reader walks up a shape's parents. tldraw nests far less; a longer chain is
 * read as if the shape sat on its page (docs/SPEC.md D4), as is a chain that comes back on itself.
 */
export const MAX_PARENT_DEPTH = 64;

/** The frame a shape sits in (walking up through groups and nested frames; bounded, cycle-safe). */
function frameOf(shape: ShapeLike, byId: Map<string, ShapeLike>): ShapeLike | null {
  let parent = byId.get(shape.parentId);
  for (let depth = 0; parent && depth < MAX_PARENT_DEPTH && parent !== shape; depth++) {
    if (parent.type === 'frame') return parent;
    parent = byId.get(parent.parentId);
  }
  return null;
}


/** Read the case from a board's records (pure; unknown or malformed shapes are ignored). */
export function extractCase(records: Iterable<StoredRecord>): CaseContent {
  const shapes: ShapeLike[] = [];
  const pages: { id: string; name: string }[] = [];
  for (const r of records) {
    if (r.typeName === 'page') pages.push({ id: r.id, name: String(r.name ?? '') });
    if (r.typeName === 'shape' && typeof r.type === 'string' && typeof r.props === 'object' && r.props) shapes.push(r as ShapeLike);
  }
  const byId = new Map(shapes.map((s) => [s.id, s]));
  // Reading order on the page: top to bottom, then left to right, in page coordinates.
  const pagePos = new Map<string, { x: number; y: number }>();
  const posOf = (s: ShapeLike, depth = 0): { x: number; y: number } => {
    const known = pagePos.get(s.id);
    if (known) return known;
    const parent = byId.get(s.parentId);
    const base = parent && depth < MAX_PARENT_DEPTH ? posOf(parent, depth + 1) : { x: 0, y: 0 };
    const p = { x: base.x + (Number(s.x) || 0), y: base.y + (Number(s.y) || 0) };
    pagePos.set(s.id, p);
    return p;
  };
  shapes.sort((a, b) => posOf(a).y - posOf(b).y || posOf(a).x - posOf(b).x);
  const frameName = (s: ShapeLike) => {
    const f = frameOf(s, byId);
    return f ? String(f.props.name ?? '') : null;
  };
  const out: CaseContent = { pages, frames: [], services: [], plans: [], voices: [], persons: [], openQuestions: [], notes: [], transition: summarizeTransition([]), basicInfo: null, meeting: null };
  for (const s of shapes) {
    // Template scaffolding (instructions, headers, grid labels) is not what the meeting said.
    if ((s.meta as { rbRole?: unknown } | undefined)?.rbRole === 'guide') continue;
    const frame = frameName(s);
    switch (s.type) {
      case 'frame':
        out.frames.push({ id: s.id, name: String(s.props.name ?? '') });
        break;
      case SERVICE_CARD_TYPE:
        out.services.push({ id: s.id, frame, props: s.props as unknown as ServiceCardProps });
        break;
      case PLAN_ITEM_TYPE:
        out.plans.push({ id: s.id, frame, props: s.props as unknown as PlanItemProps });
        break;
      case CLIENT_VOICE_TYPE:
        out.voices.push({ id: s.id, frame, props: s.props as unknown as ClientVoiceProps });
        break;
      case BASIC_INFO_TYPE:
        out.basicInfo ??= s.props as unknown as BasicInfoProps;
        break;
      case MEETING_DETAILS_TYPE:
        out.meeting ??= (s.props as { details: MeetingDetails }).details;
        break;
      case ECOMAP_PERSON_TYPE:
        out.persons.push({ id: s.id, frame, props: s.props as unknown as EcomapPersonProps });
        break;
      case 'note':
      case 'text':
      case 'geo': {
        const text = plainTextOf(s.props.richText ?? s.props.text);
        if (!text) break;
        const author = authorOf(s.meta)?.name;
        (frame && QUESTION_FRAME.test(frame) ? out.openQuestions : out.notes).push({ id: s.id, frame, props: author ? { text, author } : { text } });
        break;
      }
      default:
        break;
    }
  }
  // The move concerns what is used now; proposed cards are the answer, not the question.
  out.transition = summarizeTransition(out.services.filter((s) => s.props.status !== 'proposed' && s.props.system === 'shogai').map((s) => s.props.service));
  return out;
}

/** Services grouped by system, in the systems' order. */
export function servicesBySystem(content: CaseContent): Map<SystemId, Placed<ServiceCardProps>[]> {
  const order: SystemId[] = ['shogai', 'kaigo', 'kyoseigata', 'iryo', 'informal'];
  const map = new Map<SystemId, Placed<ServiceCardProps>[]>(order.map((id) => [id, []]));
  for (const s of content.services) map.get(s.props.system)?.push(s);
  return map;
}

/** Plan items grouped by 担当 (role id, '' for not yet decided). */
export function plansByOwner(content: CaseContent): Map<string, Placed<PlanItemProps>[]> {
  const map = new Map<string, Placed<PlanItemProps>[]>();
  for (const p of content.plans) {
    const key = p.props.owner ?? '';
    map.set(key, [...(map.get(key) ?? []), p]);
  }
  return map;
}
