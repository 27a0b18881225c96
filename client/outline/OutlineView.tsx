import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { ROLES, isRoleId } from '../../shared/domain/roles.ts';
import { SYSTEMS } from '../../shared/domain/systems.ts';
import { CLIENT_VOICE_TYPE, PLAN_ITEM_TYPE, SERVICE_CARD_TYPE, type ClientVoiceProps, type PlanItemProps } from '../../shared/shapes/index.ts';
import type { Identity } from '../lib/identity.ts';
import { addShapeFromOutline, type OutlineNewShape } from './addShapeFromOutline.ts';
import { announcementText } from './announcement.ts';
import { Announcer } from './Announcer.ts';
import { ItemForm, type FormField } from './ItemForm.tsx';
import { PlanItem, ServiceItem, VoiceItem, planFields, serviceFields, serviceProps, voiceFields, type ItemContext } from './OutlineItems.tsx';
import { OutlineTools } from './OutlineTools.tsx';
import { R, useRubySetting } from '../ruby/index.ts';
import { speak } from './speech.ts';
import { plainDate, plainTransition } from '../../shared/domain/plainTexts.ts';
import { useOutlineTexts } from './texts.ts';
import { useOutline } from './useOutline.ts';
import './outline.css';

/** The text a person hears for an element: what it shows, without ruby readings or buttons. */
export function readableText(el: HTMLElement | null): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('rt, rp, button, select, label, form, .rb-visually-hidden').forEach((n) => n.remove());
  copy.querySelectorAll('p, li, h2, h3, dt, dd').forEach((n) => n.append('。 '));
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** What the outline needs of the board. */
export interface OutlineViewProps {
  doc: Y.Doc;
  awareness: Awareness;
  /** The editor to write through; null while it mounts. */
  editor: Editor | null;
  canWrite: boolean;
  identity: Identity;
}

/**
 * よみやすい画面: the live board as a document in reading order (本人の言葉 first), with
 * headings, lists and landmarks, polite announcements of others' changes, and forms to add
 * and edit by keyboard alone.
 */
export function OutlineView(props: OutlineViewProps) {
  const { o, locale } = useOutlineTexts();
  const [live, setLive] = useState('');
  const [rate, setRate] = useState(1);
  const ruby = useRubySetting();
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const announcer = useMemo(() => new Announcer({ onAnnounce: setLive, join: (m, rest) => m.join('　') + (rest > 0 ? (localeRef.current === 'ja' ? `（ほか${rest}件）` : ` (and ${rest} more)`) : '') }), []);
  useEffect(() => () => announcer.dispose(), [announcer]);
  const model = useOutline(props.doc, props.awareness, (change, author) => announcer.say(announcementText(localeRef.current, author, change)));
  const [adding, setAdding] = useState<'voice' | 'plan' | 'service' | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const editor = props.canWrite ? props.editor : null;
  const read = useCallback((el: HTMLElement | null) => speak(readableText(el), { rate, lang: locale === 'ja' ? 'ja-JP' : 'en-US' }), [rate, locale]);
  const ctx: ItemContext = { editor, onRead: read };

  // Focus moves to what was just created, once it is in the outline.
  useEffect(() => {
    if (!focusId) return;
    const el = document.querySelector<HTMLElement>(`[data-outline-id="${CSS.escape(focusId)}"]`);
    if (el) {
      el.focus();
      setFocusId(null);
    }
  }, [focusId, model]);

  const add = (shape: OutlineNewShape) => {
    if (!editor) return;
    const id = addShapeFromOutline(editor, shape);
    setAdding(null);
    if (id) setFocusId(id);
  };
  const addForm = (kind: 'voice' | 'plan' | 'service', fields: FormField[], initial: Record<string, string>, toShape: (v: Record<string, string>) => OutlineNewShape) =>
    editor &&
    (adding === kind ? (
      <ItemForm fields={fields} initial={initial} submitLabel={o[kind === 'voice' ? 'addVoice' : kind === 'plan' ? 'addPlan' : 'addService']} testId={`outline-add-${kind}-form`} onCancel={() => setAdding(null)} onSubmit={(v) => add(toShape(v))} />
    ) : (
      <button type="button" className="rb-outline__add" data-testid={`outline-add-${kind}`} onClick={() => setAdding(kind)}>
        {o[kind === 'voice' ? 'addVoice' : kind === 'plan' ? 'addPlan' : 'addService']}
      </button>
    ));

  const { content, life } = model;
  const section = (id: string, title: string, body: React.ReactNode) => (
    <section className="rb-outline__section" aria-labelledby={`rb-outline-${id}`} data-testid={`outline-section-${id}`}>
      <div className="rb-outline__section-head">
        <h2 id={`rb-outline-${id}`}>
          <R>{title}</R>
        </h2>
        <button type="button" onClick={(e) => read(e.currentTarget.closest('section'))}>
          <R>{o.readSection}</R>
        </button>
      </div>
      {body}
    </section>
  );
  const none = (
    <p className="rb-outline__none">
      <R>{o.none}</R>
    </p>
  );
  const roleName = (owner: string) => (owner && isRoleId(owner) ? (locale === 'ja' ? ROLES[owner].label : ROLES[owner].labelEn) : o.ownerNone);

  return (
    <main className={`rb-outline${ruby.state.kind === 'on' ? ' rb-outline--ruby' : ''}`} id="rb-outline" tabIndex={-1} aria-label={o.outlineLabel} lang={locale} data-testid="outline">
      <OutlineTools rate={rate} setRate={setRate} onReadAll={() => read(document.getElementById('rb-outline-content'))} />
      <p className="rb-outline__live" role="status" aria-live="polite" aria-label={o.liveLabel} data-testid="outline-live">
        {live}
      </p>
      {!props.canWrite && (
        <p className="rb-readonly" role="note">
          <R>{o.readOnly}</R>
        </p>
      )}
      {props.canWrite && !props.editor && <p className="rb-hint"><R>{o.waitingEditor}</R></p>}
      <div id="rb-outline-content">
        {section(
          'voices',
          o.voices,
          <>
            <p className="rb-hint"><R>{o.voicesHint}</R></p>
            {content.voices.length ? <ul className="rb-outline__list">{content.voices.map((v) => <VoiceItem key={v.id} v={v} ctx={ctx} />)}</ul> : none}
            {addForm('voice', voiceFields(o, locale), { text: '', source: 'spoken', recordedBy: props.identity.name }, (v) => ({ type: CLIENT_VOICE_TYPE, props: { text: v.text ?? '', source: v.source as ClientVoiceProps['source'], recordedBy: v.recordedBy ?? '' } }))}
          </>,
        )}
        {section(
          'wishes',
          o.wishes,
          model.wishes.length ? (
            <ul className="rb-outline__list">
              {model.wishes.map((w) => (
                <li key={w.id} tabIndex={0} data-outline-id={w.id}><R>{w.text}</R></li>
              ))}
            </ul>
          ) : (
            none
          ),
        )}
        {section(
          'life',
          o.life,
          life?.birthDate ? (
            <dl className="rb-outline__dl">
              <dt><R>{o.birthDate}</R></dt>
              <dd><R>{plainDate(locale, life.birthDate)}</R></dd>
              {life.age !== null && (<><dt><R>{o.ageNow}</R></dt><dd>{`${life.age}${o.ageUnit}`}</dd></>)}
              {life.stage && (<><dt><R>{o.stageNow}</R></dt><dd><R>{life.stage}</R></dd></>)}
              {life.dates.map((d) => (
                <div key={d.id} className="rb-outline__dlrow">
                  <dt><R>{locale === 'ja' ? d.label : d.labelEn}</R></dt>
                  <dd><R>{plainDate(locale, d.date)}</R></dd>
                </div>
              ))}
            </dl>
          ) : (
            <p><R>{o.noBirthDate}</R></p>
          ),
        )}
        {section(
          'services',
          o.services,
          <>
            {[...model.servicesBySystem].filter(([, list]) => list.length > 0).map(([system, list]) => (
              <section key={system} aria-labelledby={`rb-outline-system-${system}`} className="rb-outline__group">
                <h3 id={`rb-outline-system-${system}`}><R>{locale === 'ja' ? SYSTEMS[system].label : SYSTEMS[system].labelEn}</R></h3>
                <ul className="rb-outline__list">{list.map((s) => <ServiceItem key={s.id} s={s} ctx={ctx} />)}</ul>
              </section>
            ))}
            {content.services.length === 0 && none}
            {addForm('service', serviceFields(o, locale), { service: '', system: 'shogai', provider: '', amount: '', status: 'in-use' }, (v) => ({ type: SERVICE_CARD_TYPE, props: serviceProps(v) }))}
          </>,
        )}
        {section(
          'transition',
          o.transition,
          <>
            {(['moves', 'continues', 'noHome'] as const).map((k) =>
              content.transition[k].length ? (
                <section key={k} aria-labelledby={`rb-outline-tr-${k}`} className="rb-outline__group">
                  <h3 id={`rb-outline-tr-${k}`}><R>{o[k]}</R></h3>
                  <ul className="rb-outline__list">
                    {content.transition[k].map((t, i) => (
                      <li key={`${t.input}-${i}`} tabIndex={0} data-testid="outline-transition">
                        <p className="rb-outline__lead"><R>{t.input}</R></p>
                        <p><R>{plainTransition(locale, k, t)}</R></p>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null,
            )}
            {content.transition.moves.length + content.transition.continues.length + content.transition.noHome.length === 0 && none}
          </>,
        )}
        {section(
          'plans',
          o.plans,
          <>
            {[...model.plansByOwner].map(([owner, list]) => (
              <section key={owner || 'none'} aria-labelledby={`rb-outline-owner-${owner || 'none'}`} className="rb-outline__group">
                <h3 id={`rb-outline-owner-${owner || 'none'}`}><R>{roleName(owner)}</R></h3>
                <ul className="rb-outline__list">{list.map((p) => <PlanItem key={p.id} p={p} ctx={ctx} />)}</ul>
              </section>
            ))}
            {content.plans.length === 0 && none}
            {addForm('plan', planFields(o, locale), { need: '', goal: '', support: '', owner: '' }, (v) => ({ type: PLAN_ITEM_TYPE, props: { need: v.need ?? '', goal: v.goal ?? '', support: v.support ?? '', owner: (v.owner ?? '') as PlanItemProps['owner'] } }))}
          </>,
        )}
        {section(
          'questions',
          o.questions,
          content.openQuestions.length ? (
            <ul className="rb-outline__list">
              {content.openQuestions.map((q) => (
                <li key={q.id} tabIndex={0} data-outline-id={q.id}><R>{q.props.text}</R></li>
              ))}
            </ul>
          ) : (
            none
          ),
        )}
      </div>
    </main>
  );
}
