import { R } from '../ruby/index.ts';
import { useWorkshopLabels } from './useWorkshopLabels.ts';
import { useCallback, useEffect, useState } from 'react';
import type { WorkshopInfo, WorkshopMember } from '../../shared/protocol/index.ts';
import { useI18n } from '../i18n/index.ts';
import { workshopApi } from '../lib/api.ts';
import { roleLabel } from '../lib/roles.ts';
import { useWorkshopTexts } from './texts.ts';

/**
 * Joining and members (issue 12 §4): the facilitator ends or reopens joining with the code,
 * and removes a member (after a confirmation) — whose link then stops working at once.
 */
export function MembersPanel({ info, token }: { info: WorkshopInfo; token: string }) {
  const tx = useWorkshopTexts();
  const { t, locale } = useI18n();
  const label = useWorkshopLabels();
  const [joinOpen, setJoinOpen] = useState(info.joinOpen);
  const [members, setMembers] = useState<WorkshopMember[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const r = await workshopApi.members(info.id, token);
    if (r.ok) setMembers(r.value);
    else setError(tx('membersFailed', { message: r.message }));
    // tx changes identity with every render; the locale alone does not change what is fetched.
  }, [info.id, token]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const toggle = async () => {
    setBusy(true);
    setError(null);
    const r = await workshopApi.setJoining(info.id, token, !joinOpen);
    setBusy(false);
    if (r.ok) setJoinOpen(r.value.joinOpen);
    else setError(tx('membersFailed', { message: r.message }));
  };

  const remove = async (m: WorkshopMember) => {
    setBusy(true);
    setError(null);
    const r = await workshopApi.removeMember(info.id, token, m.id);
    setBusy(false);
    setConfirming(null);
    if (!r.ok) return setError(tx('membersFailed', { message: r.message }));
    setNotice(tx('memberRemoved', { name: m.name }));
    await refresh();
  };

  const groupName = (index: number) => label.group(info.groups.find((g) => g.index === index)?.name ?? '');

  return (
    <section className="rb-card" aria-labelledby="rb-ws-members-h" data-testid="ws-members-panel">
      <h2 id="rb-ws-members-h">
        {tx('membersHeading')} {members && <span className="rb-count">{members.length}</span>}
      </h2>
      <p className="rb-ws-status" role="status" data-testid="ws-joining-status" data-open={joinOpen}>
        {joinOpen ? tx('joiningIsOpen') : tx('joiningIsClosed')}
      </p>
      <div className="rb-row">
        <button type="button" className={joinOpen ? 'rb-danger' : 'rb-primary'} disabled={busy} onClick={() => void toggle()} data-testid="ws-joining-toggle">
          {joinOpen ? tx('joiningEnd') : tx('joiningReopen')}
        </button>
        <button type="button" disabled={busy} onClick={() => void refresh()}>
          {tx('membersRefresh')}
        </button>
      </div>
      {members === null ? (
        <p role="status"><R>{t('loading')}</R></p>
      ) : members.length === 0 ? (
        <p className="rb-hint"><R>{tx('membersNone')}</R></p>
      ) : (
        <ul className="rb-ws-members" data-testid="ws-members">
          {members.map((m) => (
            <li key={m.id} data-member-id={m.id}>
              <span className="rb-ws-members__who">
                {m.name} <span className="rb-hint">{[m.role && roleLabel(m.role, locale), groupName(m.groupIndex)].filter(Boolean).join('・')}</span>
              </span>
              {confirming === m.id ? (
                <span className="rb-ws-members__confirm" role="group" aria-label={tx('memberRemove')}>
                  <span><R>{tx('memberRemoveConfirm', { name: m.name })}</R></span>
                  <span className="rb-row">
                    <button type="button" className="rb-danger" disabled={busy} onClick={() => void remove(m)} data-testid="ws-member-remove-yes">
                      {tx('memberRemoveYes')}
                    </button>
                    <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
                      {tx('memberRemoveNo')}
                    </button>
                  </span>
                </span>
              ) : (
                <button type="button" className="rb-danger" disabled={busy} onClick={() => setConfirming(m.id)} data-testid="ws-member-remove">
                  {tx('memberRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {notice && <p role="status">{notice}</p>}
      {error && (
        <p className="rb-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
