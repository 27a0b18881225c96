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
        <h2 id="rb-transition-heading">{s.transitionHeading}</h2>
        <p className="rb-hint">{s.serviceOtherSystem.replace('{service}', label(view.service.name)).replace('{system}', systemLabel(view.service.system, locale))}</p>
      </section>
    );
  }
  return (
    <section className="rb-panel rb-case-section rb-transition" aria-labelledby="rb-transition-heading" data-testid="transition-panel">
      <h2 id="rb-transition-heading">{s.transitionHeading}</h2>
      {!detail ? (
        <p className="rb-hint">{s.transitionUnknown}</p>
      ) : (
        <>
          <p className="rb-transition__service">{label(detail.serviceName)}</p>
          <dl className="rb-transition__facts">
            <dt>{s.counterparts}</dt>
            <dd data-testid="transition-counterparts">{detail.counterparts.length ? detail.counterparts.map(label).join(locale === 'en' ? ', ' : '・') : s.counterpartsNone}</dd>
            <dt>{s.continues}</dt>
            <dd>{detail.outcome === 'continues' ? s.continuesYes : detail.outcome === 'moves' ? s.continuesNo : detail.outcome === 'depends' ? s.continuesDepends : s.continuesNa}</dd>
            <dt>{s.kyoseigata}</dt>
            <dd>{detail.kyoseigata ? (locale === 'en' ? `${s.kyoseigataYes} (${detail.kyoseigataWith.map(label).join(', ')})` : `${s.kyoseigataYes}（${detail.kyoseigataWith.join('・')}）`) : s.kyoseigataNo}</dd>
            <dt>{s.why}</dt>
            <dd data-testid="transition-reason">{detail.reason}</dd>
          </dl>
          {detail.losses.length > 0 && (
            <>
              <h3>{s.losses}</h3>
              <ul>
                {detail.losses.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </>
          )}
          {detail.notes.length > 0 && (
            <details>
              <summary>{s.notes}</summary>
              <ul>
                {detail.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </details>
          )}
          {detail.counterparts.length > 0 && (
            <div className="rb-transition__action">
              {detail.counterparts.length > 1 && (
                <div className="rb-field">
                  <label htmlFor={`rb-cp-${card.id}`}>{s.counterpartChoice}</label>
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
                  {s.keepProvider}
                </label>
              )}
              {existingId ? (
                <>
                  <p className="rb-hint" data-testid="proposal-exists">{s.proposalExists}</p>
                  <button type="button" data-testid="show-proposal" onClick={() => showShapes(editor, [existingId])}>
                    {s.showProposal}
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
                  {s.addProposal}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
