import { useEffect, useState } from 'react';
import type { Editor, TLUserId } from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';
import { useI18n } from '../i18n/index.ts';
import { roleLabel } from '../lib/roles.ts';
import { linkNameOf, participantOf } from '../../shared/protocol/index.ts';
import type { ParticipantState } from './presence.ts';
import { useParticipantLinks, usePrivacyTexts } from '../privacy/index.ts';
import { R } from '../ruby/index.ts';

/** Idle after a minute without activity, as tldraw's own collaborator list does. */
const IDLE_MS = 60_000;

interface Row {
  clientId: number;
  name: string;
  role: string;
  color: string;
  userId: string | undefined;
  idle: boolean;
  self: boolean;
  /** The personal link (or membership) the participant came with, as the server stamped it. */
  linkName: string | undefined;
}

function rows(awareness: Awareness, firstSeen: Map<number, number>): Row[] {
  const now = Date.now();
  const out: Row[] = [];
  for (const [clientId, state] of awareness.getStates() as Map<number, ParticipantState>) {
    // The one participant schema of the contract (shared/protocol/awareness.ts).
    const u = participantOf(state);
    if (!u) continue;
    // tldraw's pointer starts at lastActivityTimestamp 0: until someone moves, count from their arrival.
    const arrived = firstSeen.get(clientId) ?? now;
    firstSeen.set(clientId, arrived);
    const last = Math.max(state.presence?.lastActivityTimestamp ?? 0, arrived);
    out.push({
      clientId,
      name: u.name,
      role: u.role,
      color: u.color,
      userId: state.presence?.userId,
      idle: clientId !== awareness.clientID && now - last > IDLE_MS,
      self: clientId === awareness.clientID,
      linkName: linkNameOf(state),
    });
  }
  return out.sort((a, b) => (a.self ? -1 : b.self ? 1 : a.name.localeCompare(b.name, 'ja')));
}

/** Who is here: role colour, name, idle; choose one to follow their view, or change your own name and role. */
export function ParticipantsPanel({ awareness, editor, boardId, token, onChangeSelf }: { awareness: Awareness; editor: Editor | null; boardId?: string; token?: string; onChangeSelf?: (() => void) | undefined }) {
  const { t, locale } = useI18n();
  const privacy = usePrivacyTexts();
  // Issue 17: the name of the personal link someone came with, beside the name they chose. The
  // relay stamps it into each session's awareness (so it crosses instances); a participant's own
  // state never comes back stamped, so their own link name is asked from this instance.
  const ownLinks = useParticipantLinks(awareness, boardId, token);
  const linkOf = (p: Row) => p.linkName ?? (p.self ? ownLinks[String(p.clientId)] : undefined);
  const [firstSeen] = useState(() => new Map<number, number>());
  const [list, setList] = useState<Row[]>(() => rows(awareness, firstSeen));
  const [following, setFollowing] = useState<string | null>(null);

  useEffect(() => {
    const update = () => setList(rows(awareness, firstSeen));
    awareness.on('change', update);
    const timer = setInterval(update, 15_000);
    return () => {
      awareness.off('change', update);
      clearInterval(timer);
    };
  }, [awareness, firstSeen]);

  const toggleFollow = (userId: string) => {
    if (!editor) return;
    if (following === userId) {
      editor.stopFollowingUser();
      setFollowing(null);
    } else {
      editor.startFollowingUser(userId as TLUserId);
      setFollowing(userId);
    }
  };

  return (
    <section className="rb-panel rb-participants" aria-labelledby="rb-participants-h" data-testid="participants">
      <h2 id="rb-participants-h">
        <R>{t('participants')}</R> <span className="rb-count">{list.length}</span>
      </h2>
      <ul>
        {list.map((p) => (
          <li key={p.clientId} className={p.idle ? 'is-idle' : undefined} data-testid={p.self ? 'participant-self' : 'participant'}>
            <span className="rb-swatch" style={{ background: p.color }} aria-hidden="true" />
            <span className="rb-name">
              {p.name}
              {p.self ? ' ' : ''}
              {p.self && <R>{t('participantsYou')}</R>}
            </span>
            {linkOf(p) && linkOf(p) !== p.name && (
              <span className="rb-linkname" data-testid="participant-link-name">
                {privacy.fill(privacy.tx.participantLink, { name: linkOf(p) ?? '' })}
              </span>
            )}
            <span className="rb-role"><R>{roleLabel(p.role, locale)}</R></span>
            {p.idle && <span className="rb-idle"><R>{t('participantsIdle')}</R></span>}
            {p.self && onChangeSelf && (
              <button type="button" className="rb-link-button" onClick={onChangeSelf} data-testid="identity-change">
                <R>{t('identityChange')}</R>
              </button>
            )}
            {!p.self && p.userId && (
              <button type="button" className="rb-link-button" onClick={() => toggleFollow(p.userId as string)} aria-pressed={following === p.userId}>
                <R>{following === p.userId ? t('participantsStopFollow') : t('participantsFollow')}</R>
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
