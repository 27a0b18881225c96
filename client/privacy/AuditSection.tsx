import { Fragment, useEffect, useState } from 'react';
import type { AuditEntry } from '../../shared/protocol/index.ts';
import { privacyApi } from './privacyApi.ts';
import { R } from '../ruby/index.ts';
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
        <p><R>{tx.auditIntro}</R></p>
        <button type="button" onClick={() => void download()} data-testid="audit-csv">
          <R>{tx.auditDownload}</R>
        </button>
      </div>
      {message && <p role="status"><R>{message}</R></p>}
      {entries === undefined ? (
        <p><R>{tx.loading}</R></p>
      ) : entries.length === 0 ? (
        <p><R>{tx.auditEmpty}</R></p>
      ) : (
        <div className="rb-privacy__table-wrap">
          <table className="rb-privacy__table">
            <thead>
              <tr>
                <th scope="col"><R>{tx.auditWhen}</R></th>
                <th scope="col"><R>{tx.auditWhat}</R></th>
                <th scope="col"><R>{tx.auditWho}</R></th>
                <th scope="col"><R>{tx.auditFrom}</R></th>
                <th scope="col"><R>{tx.auditMore}</R></th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td>{dateTime(e.at)}</td>
                  <td><R>{event(e.event)}</R></td>
                  <td>
                    <R>{link(e.detail.link)}</R>
                    {typeof e.detail.linkName === 'string' && `（${e.detail.linkName}）`}
                  </td>
                  <td>{typeof e.detail.ip === 'string' ? e.detail.ip : ''}</td>
                  <td className="rb-privacy__detail">
                    {Object.entries(e.detail)
                      .filter(([k]) => !OWN_COLUMNS.has(k))
                      .map(([k, v], i) => {
                        const fact = detail(k, v);
                        return (
                          <Fragment key={k}>
                            {i > 0 && ' ・ '}
                            <R>{fact.label}</R>: {fact.ours ? <R>{fact.value}</R> : fact.value}
                          </Fragment>
                        );
                      })}
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
