import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../shared/protocol/index.ts';
import { privacyApi } from './privacyApi.ts';
import { usePrivacyTexts } from './texts.ts';

/** Facts shown in their own columns; the rest go under "details". */
const OWN_COLUMNS = new Set(['link', 'linkId', 'linkName', 'ip', 'session']);

/** The board's audit log, newest first, and its CSV download. */
export function AuditSection(props: { boardId: string; token: string; title: string }) {
  const { tx, event, link, dateTime, detail } = usePrivacyTexts();
  const [entries, setEntries] = useState<AuditEntry[] | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    void privacyApi.audit(props.boardId, props.token).then((r) => {
      if (!live) return;
      if (r.ok) setEntries(r.value);
      else setMessage(r.message);
    });
    return () => {
      live = false;
    };
  }, [props.boardId, props.token]);

  const download = async () => {
    const res = await privacyApi.auditCsv(props.boardId, props.token);
    if (!res.ok) return setMessage(res.statusText);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `${props.title}_監査ログ.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section aria-label={tx.tabAudit} data-testid="audit-log">
      <div className="rb-row rb-privacy__head">
        <p>{tx.auditIntro}</p>
        <button type="button" onClick={() => void download()} data-testid="audit-csv">
          {tx.auditDownload}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {entries === undefined ? (
        <p>{tx.loading}</p>
      ) : entries.length === 0 ? (
        <p>{tx.auditEmpty}</p>
      ) : (
        <div className="rb-privacy__table-wrap">
          <table className="rb-privacy__table">
            <thead>
              <tr>
                <th scope="col">{tx.auditWhen}</th>
                <th scope="col">{tx.auditWhat}</th>
                <th scope="col">{tx.auditWho}</th>
                <th scope="col">{tx.auditFrom}</th>
                <th scope="col">{tx.auditMore}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td>{dateTime(e.at)}</td>
                  <td>{event(e.event)}</td>
                  <td>
                    {link(e.detail.link)}
                    {typeof e.detail.linkName === 'string' && `（${e.detail.linkName}）`}
                  </td>
                  <td>{typeof e.detail.ip === 'string' ? e.detail.ip : ''}</td>
                  <td className="rb-privacy__detail">
                    {Object.entries(e.detail)
                      .filter(([k]) => !OWN_COLUMNS.has(k))
                      .map(([k, v]) => detail(k, v))
                      .join(' ・ ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
