import { useState } from 'react';
import { useValue, type Editor, type TLShapeId } from 'tldraw';
import { SERVICE_CARD_TYPE, type ServiceCardShape } from '../../shared/shapes/index.ts';
import { systemInfo, type SystemId } from '../../shared/domain/index.ts';

const systemLabel = (id: SystemId, locale: 'ja' | 'en') => (locale === 'ja' ? systemInfo(id).label : systemInfo(id).labelEn);
import { useShapeTexts } from '../shapes/texts.ts';
import { addTransitionProposal } from './addProposal.ts';
import { allServiceCards, arrowLinks, showShapes } from './boardQueries.ts';
import { proposesCounterpart } from './summaryView.ts';
import { canKeepProvider, cardServiceName, serviceLabel, transitionViewFor } from './transitionView.ts';
import { R } from '../ruby/index.ts';

/** The one selected service card, or null. */
function useSelectedCard(editor: Editor): ServiceCardShape | null {
  return useValue(
    'rb-selected-card',
    () => {
      const shape = editor.getOnlySelectedShape();
      return shape?.type === SERVICE_CARD_TYPE ? shape : null;
    },
    [editor],
  );
}

/** The transition helper: shown for a selected 障害福祉 card. */
export function TransitionPanel({ editor }: { editor: Editor }) {
  const card = useSelectedCard(editor);
  if (!card || (card.props.system !== 'shogai' && card.props.system !== 'kyoseigata')) return null;
  return <TransitionDetails key={card.id} editor={editor} card={card} />;
}

function TransitionDetails({ editor, card }: { editor: Editor; card: ServiceCardShape }) {
  const { s, locale } = useShapeTexts();
  const readonly = useValue('rb-readonly', () => editor.getIsReadonly(), [editor]);
  const view = transitionViewFor(card.props, locale);
  const label = (name: string) => serviceLabel(name, locale);
  const detail = view.kind === 'detail' ? view.detail : null;
  const [picked, setChoice] = useState<string>('');
  // The card's service can change while it stays selected: fall back to its first counterpart.
  const choice = detail?.counterparts.includes(picked) ? picked : (detail?.counterparts[0] ?? '');
  const [keep, setKeep] = useState(true);
  // The proposals for this card's move already on the board: joined to it by an arrow, or a
  // 提案 card naming the counterpart (as the templates draw them); their ids, by counterpart.
  const counterparts = detail?.counterparts ?? [];
  const existing = useValue(
    'rb-existing-proposals',
    () => {
      const linked = arrowLinks(editor)
        .filter((l) => l.from === card.id)
        .map((l) => editor.getShape(l.to as TLShapeId))
        .filter((s): s is ServiceCardShape => s?.type === SERVICE_CARD_TYPE);
      const cards = allServiceCards(editor).filter((c) => c.id !== card.id);
      const out: Record<string, string> = {};
      for (const cp of counterparts) {
        const found = linked.find((s) => cardServiceName(s.props) === cp) ?? cards.find((c) => proposesCounterpart(c.props, cp));
        if (found) out[cp] = found.id;
      }
      return out;
    },
    [editor, card.id, counterparts.join('|')],
  );
  const existingId = existing[choice];

  if (view.kind === 'not-shogai') return null;
  if (view.kind === 'other-system') {
    // The service panel says the same and offers to change the card's system.
    return (
      <section className="rb-panel rb-case-section rb-transition" aria-labelledby="rb-transition-heading" data-testid="transition-panel">
        <h2 id="rb-transition-heading"><R>{s.transitionHeading}</R></h2>
        <p className="rb-hint"><R>{s.serviceOtherSystem.replace('{service}', label(view.service.name)).replace('{system}', systemLabel(view.service.system, locale))}</R></p>
      </section>
    );
  }
  return (
    <section className="rb-panel rb-case-section rb-transition" aria-labelledby="rb-transition-heading" data-testid="transition-panel">
      <h2 id="rb-transition-heading"><R>{s.transitionHeading}</R></h2>
      {!detail ? (
        <p className="rb-hint"><R>{s.transitionUnknown}</R></p>
      ) : (
        <>
          <p className="rb-transition__service"><R>{label(detail.serviceName)}</R></p>
          <dl className="rb-transition__facts">
            <dt><R>{s.counterparts}</R></dt>
            <dd data-testid="transition-counterparts"><R>{detail.counterparts.length ? detail.counterparts.map(label).join(locale === 'en' ? ', ' : '・') : s.counterpartsNone}</R></dd>
            <dt><R>{s.continues}</R></dt>
            <dd><R>{detail.outcome === 'continues' ? s.continuesYes : detail.outcome === 'moves' ? s.continuesNo : detail.outcome === 'depends' ? s.continuesDepends : s.continuesNa}</R></dd>
            <dt><R>{s.kyoseigata}</R></dt>
            <dd><R>{detail.kyoseigata ? (locale === 'en' ? `${s.kyoseigataYes} (${detail.kyoseigataWith.map(label).join(', ')})` : `${s.kyoseigataYes}（${detail.kyoseigataWith.join('・')}）`) : s.kyoseigataNo}</R></dd>
            <dt><R>{s.why}</R></dt>
            <dd data-testid="transition-reason"><R>{detail.reason}</R></dd>
          </dl>
          {detail.losses.length > 0 && (
            <>
              <h3><R>{s.losses}</R></h3>
              <ul>
                {detail.losses.map((l) => (
                  <li key={l}><R>{l}</R></li>
                ))}
              </ul>
            </>
          )}
          {detail.notes.length > 0 && (
            <details>
              <summary><R>{s.notes}</R></summary>
              <ul>
                {detail.notes.map((n) => (
                  <li key={n}><R>{n}</R></li>
                ))}
              </ul>
            </details>
          )}
          {detail.counterparts.length > 0 && (
            <div className="rb-transition__action">
              {detail.counterparts.length > 1 && (
                <div className="rb-field">
                  <label htmlFor={`rb-cp-${card.id}`}><R>{s.counterpartChoice}</R></label>
                  <select id={`rb-cp-${card.id}`} value={choice} disabled={readonly} onChange={(e) => setChoice(e.currentTarget.value)}>
                    {detail.counterparts.map((c) => (
                      <option key={c} value={c}>
                        {label(c)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {canKeepProvider(detail, choice) && (
                <label className="rb-check">
                  <input type="checkbox" checked={keep} disabled={readonly} onChange={(e) => setKeep(e.currentTarget.checked)} />
                  <R>{s.keepProvider}</R>
                </label>
              )}
              {existingId ? (
                <>
                  <p className="rb-hint" data-testid="proposal-exists"><R>{s.proposalExists}</R></p>
                  <button type="button" data-testid="show-proposal" onClick={() => showShapes(editor, [existingId])}>
                    <R>{s.showProposal}</R>
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="rb-primary"
                  disabled={readonly}
                  data-testid="add-proposal"
                  onClick={() => {
                    const result = addTransitionProposal(editor, card.id, { counterpart: choice, keepProvider: keep });
                    if (result.ok) editor.zoomToSelectionIfOffscreen(80, { animation: { duration: 200 } });
                  }}
                >
                  <R>{s.addProposal}</R>
                </button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
