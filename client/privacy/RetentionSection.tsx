import { useEffect, useState } from 'react';
import type { RetentionInfo } from '../../shared/protocol/index.ts';
import { privacyApi } from './privacyApi.ts';
import { R } from '../ruby/index.ts';
import { usePrivacyTexts } from './texts.ts';

/** When the board and each record will be deleted by the server's retention settings, told in advance. */
export function RetentionSection(props: { boardId: string; token: string }) {
  const { tx, day, month, fill } = usePrivacyTexts();
  const [info, setInfo] = useState<RetentionInfo | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    void privacyApi.retention(props.boardId, props.token).then((r) => {
      if (!live) return;
      if (!r.ok) return setMessage(r.message);
      setInfo(r.value);
    });
    return () => {
      live = false;
    };
  }, [props.boardId, props.token]);

  if (message) return <p role="status"><R>{message}</R></p>;
  if (!info) return <p><R>{tx.loading}</R></p>;
  return (
    <section aria-label={tx.tabRetention} data-testid="retention">
      <p><R>{tx.retentionIntro}</R></p>
      <p data-testid="retention-board"><R>{info.boardDeletesAt ? fill(tx.retentionBoard, { date: day(info.boardDeletesAt) }) : tx.retentionBoardKept}</R></p>
      {info.records.length > 0 ? (
        <ul className="rb-privacy__list" data-testid="retention-records">
          {info.records.map((r) => (
            <li key={r.id}>
              <strong>{r.title}</strong>
              <div className="rb-privacy__meta"><R>{fill(tx.retentionRecord, { month: month(r.deletesAt) })}</R></div>
            </li>
          ))}
        </ul>
      ) : (
        <p><R>{info.recordDays === null ? tx.retentionRecordsKept : tx.retentionNoRecords}</R></p>
      )}
    </section>
  );
}
