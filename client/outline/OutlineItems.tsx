import { useState } from 'react';
import type { Editor } from 'tldraw';
import { ROLES, ROLE_IDS } from '../../shared/domain/roles.ts';
import { SYSTEMS, SYSTEM_IDS, type SystemId } from '../../shared/domain/systems.ts';
import type { Placed } from '../../shared/records/index.ts';
import {
  PLAN_STATES,
  PLAN_STATE_LABELS,
  SERVICE_STATUSES,
  SERVICE_STATUS_LABELS,
  VOICE_SOURCES,
  VOICE_SOURCE_LABELS,
  type ClientVoiceProps,
  type PlanItemProps,
  type ServiceCardProps,
} from '../../shared/shapes/index.ts';
import { serviceUpdate } from '../shapes/serviceCard/catalogue.ts';
import { updateShapeFromOutline } from './addShapeFromOutline.ts';
import { ItemForm, type FormField } from './ItemForm.tsx';
import { R } from '../ruby/index.ts';
import { plainDate } from '../../shared/domain/plainTexts.ts';
import { useOutlineTexts, type OutlineTextKey } from './texts.ts';

type Locale = 'ja' | 'en';
type Texts = Record<OutlineTextKey, string>;

/** What every item needs: the editor to write with (null when read-only or not ready). */
export interface ItemContext {
  editor: Editor | null;
  onRead: (el: HTMLElement | null) => void;
}

/** The fields of a 本人の言葉. */
export function voiceFields(o: Texts, locale: Locale): FormField[] {
  return [
    { key: 'text', label: o.voiceText, kind: 'textarea', required: true },
    { key: 'source', label: o.voiceSource, kind: 'select', options: VOICE_SOURCES.map((v) => ({ value: v, label: VOICE_SOURCE_LABELS[v][locale] })) },
    { key: 'recordedBy', label: o.recordedBy, kind: 'text' },
  ];
}

/** The fields of a plan item. */
export function planFields(o: Texts, locale: Locale): FormField[] {
  return [
    { key: 'need', label: o.need, kind: 'textarea', required: true },
    { key: 'goal', label: o.goal, kind: 'text' },
    { key: 'support', label: o.support, kind: 'text' },
    {
      key: 'owner',
      label: o.owner,
      kind: 'select',
      options: [{ value: '', label: o.ownerNone }, ...ROLE_IDS.map((r) => ({ value: r, label: locale === 'ja' ? ROLES[r].label : ROLES[r].labelEn }))],
    },
  ];
}

/** The fields of a service card. */
export function serviceFields(o: Texts, locale: Locale): FormField[] {
  return [
    { key: 'service', label: o.serviceName, kind: 'text', required: true },
    { key: 'system', label: o.system, kind: 'select', options: SYSTEM_IDS.map((s) => ({ value: s, label: locale === 'ja' ? SYSTEMS[s].label : SYSTEMS[s].labelEn })) },
    { key: 'provider', label: o.provider, kind: 'text' },
    { key: 'amount', label: o.amount, kind: 'text' },
    { key: 'status', label: o.status, kind: 'select', options: SERVICE_STATUSES.map((s) => ({ value: s, label: SERVICE_STATUS_LABELS[s][locale] })) },
  ];
}

/** The service props a form's values give (the catalogue link follows the name). */
export function serviceProps(v: Record<string, string>): Partial<ServiceCardProps> {
  const system = (SYSTEM_IDS as readonly string[]).includes(v.system ?? '') ? (v.system as SystemId) : 'shogai';
  return { ...serviceUpdate(v.service ?? '', system), system, provider: v.provider ?? '', amount: v.amount ?? '', status: (v.status as ServiceCardProps['status']) || 'in-use' };
}

const focusItem = (id: string) => document.querySelector<HTMLElement>(`[data-outline-id="${CSS.escape(id)}"]`)?.focus();

/** An item of the outline: focusable, with its full text, a read-aloud button and (if allowed) an edit form. */
function Item(props: { id: string; ctx: ItemContext; kind: string; fields: FormField[]; initial: Record<string, string>; toProps: (v: Record<string, string>) => Record<string, unknown>; children: React.ReactNode; extra?: React.ReactNode }) {
  const { o } = useOutlineTexts();
  const [editing, setEditing] = useState(false);
  const { editor } = props.ctx;
  let el: HTMLElement | null = null;
  return (
    <li className="rb-outline__li">
      {editing && editor ? (
        <ItemForm
          fields={props.fields}
          initial={props.initial}
          submitLabel={o.save}
          testId={`outline-edit-${props.kind}`}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => focusItem(props.id));
          }}
          onSubmit={(v) => {
            updateShapeFromOutline(editor, props.id, props.toProps(v));
            setEditing(false);
            requestAnimationFrame(() => focusItem(props.id));
          }}
        />
      ) : (
        <article className={`rb-outline__item rb-outline__item--${props.kind}`} tabIndex={0} data-outline-id={props.id} data-testid={`outline-${props.kind}`} ref={(e) => void (el = e)}>
          <div className="rb-outline__text">{props.children}</div>
          <div className="rb-outline__actions">
            {props.extra}
            <button type="button" onClick={() => props.ctx.onRead(el)}>
              <R>{o.readItem}</R>
            </button>
            {editor && (
              <button type="button" onClick={() => setEditing(true)}>
                <R>{o.edit}</R>
              </button>
            )}
          </div>
        </article>
      )}
    </li>
  );
}

/** A 本人の言葉, in quotes, with how it was expressed and who wrote it down. */
export function VoiceItem({ v, ctx }: { v: Placed<ClientVoiceProps>; ctx: ItemContext }) {
  const { o, locale } = useOutlineTexts();
  const p = v.props;
  return (
    <Item id={v.id} ctx={ctx} kind="voice" fields={voiceFields(o, locale)} initial={{ text: p.text, source: p.source, recordedBy: p.recordedBy }} toProps={(x) => ({ text: x.text, source: x.source, recordedBy: x.recordedBy })}>
      {/* Words often come already in 「」; quote only those that do not. */}
      <p className="rb-outline__quote" lang="ja">{/^[「『"]/.test(p.text.trim()) ? <R>{p.text}</R> : <R>{`「${p.text}」`}</R>}</p>
      <p className="rb-outline__meta">
        <R>{VOICE_SOURCE_LABELS[p.source]?.[locale] ?? ''}</R>
        {p.recordedBy && (
          <>
            {locale === 'ja' ? '・' : ' · '}
            <R>{`${o.recordedBy}${o.sep}${p.recordedBy}`}</R>
          </>
        )}
      </p>
    </Item>
  );
}

/** A plan item with its need, goal, support, due date and 状態 (a select for writers). */
export function PlanItem({ p, ctx }: { p: Placed<PlanItemProps>; ctx: ItemContext }) {
  const { o, locale } = useOutlineTexts();
  const x = p.props;
  const stateId = `rb-outline-state-${p.id}`;
  const state = ctx.editor ? (
    <span className="rb-outline__state">
      <label htmlFor={stateId}><R>{o.state}</R></label>
      <select id={stateId} value={x.state} data-testid="outline-plan-state" onChange={(e) => ctx.editor && updateShapeFromOutline(ctx.editor, p.id, { state: e.target.value })}>
        {PLAN_STATES.map((s) => (
          <option key={s} value={s}>
            {PLAN_STATE_LABELS[s][locale]}
          </option>
        ))}
      </select>
    </span>
  ) : null;
  return (
    <Item id={p.id} ctx={ctx} kind="plan" fields={planFields(o, locale)} initial={{ need: x.need, goal: x.goal, support: x.support, owner: x.owner }} toProps={(v) => ({ need: v.need, goal: v.goal, support: v.support, owner: v.owner })} extra={state}>
      <p className="rb-outline__lead" lang="ja">
        <R>{x.need || '—'}</R>
      </p>
      {x.goal && <p><R>{`${o.goal}${o.sep}${x.goal}`}</R></p>}
      {x.support && <p><R>{`${o.support}${o.sep}${x.support}`}</R></p>}
      {x.due && <p><R>{`${o.due}${o.sep}${plainDate(locale, x.due)}`}</R></p>}
      {!ctx.editor && <p><R>{`${o.state}${o.sep}${PLAN_STATE_LABELS[x.state][locale]}`}</R></p>}
      {ctx.editor && <p className="rb-visually-hidden">{`${o.state}${o.sep}${PLAN_STATE_LABELS[x.state][locale]}`}</p>}
    </Item>
  );
}

/** A service card: its name, provider, amount and status. */
export function ServiceItem({ s, ctx }: { s: Placed<ServiceCardProps>; ctx: ItemContext }) {
  const { o, locale } = useOutlineTexts();
  const x = s.props;
  const line = [x.provider, x.amount, SERVICE_STATUS_LABELS[x.status]?.[locale]].filter(Boolean).join(locale === 'ja' ? '・' : ' · ');
  return (
    <Item id={s.id} ctx={ctx} kind="service" fields={serviceFields(o, locale)} initial={{ service: x.service, system: x.system, provider: x.provider, amount: x.amount, status: x.status }} toProps={(v) => ({ ...serviceProps(v) })}>
      <p className="rb-outline__lead" lang="ja">
        <R>{x.service || '—'}</R>
      </p>
      {line && <p><R>{line}</R></p>}
      {x.note && <p><R>{x.note}</R></p>}
    </Item>
  );
}
