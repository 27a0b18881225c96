import { useEffect, useState } from 'react';
import type { RetentionInfo } from '../../shared/protocol/index.ts';
import { privacyApi } from './privacyApi.ts';
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

  if (message) return <p role="status">{message}</p>;
  if (!info) return <p>{tx.loading}</p>;
  return (
    <section aria-label={tx.tabRetention} data-testid="retention">
      <p>{tx.retentionIntro}</p>
      <p data-testid="retention-board">{info.boardDeletesAt ? fill(tx.retentionBoard, { date: day(info.boardDeletesAt) }) : tx.retentionBoardKept}</p>
      {info.records.length > 0 ? (
        <ul className="rb-privacy__list" data-testid="retention-records">
          {info.records.map((r) => (
            <li key={r.id}>
              <strong>{r.title}</strong>
              <div className="rb-privacy__meta">{fill(tx.retentionRecord, { month: month(r.deletesAt) })}</div>
            </li>
          ))}
        </ul>
      ) : (
        <p>{info.recordDays === null ? tx.retentionRecordsKept : tx.retentionNoRecords}</p>
      )}
    </section>
  );
}
