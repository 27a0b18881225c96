import { Router, type Request } from 'express';
import type { AuditLog } from '../audit/index.ts';
import { requestActor } from './privacyRoutes.ts';
import { z } from 'zod';
import { buildCareplan2, buildPlanJson, careplan2Csv } from '../../shared/plan/index.ts';
import { SKIPPED_RECORDS_HEADER, skippedHeader, type BoardService } from '../boards/index.ts';
import { encodeMs932 } from '../plan/ms932.ts';
import { boardLocals, requireBoard, type BadTokenGuard } from './auth.ts';
import { parseBody } from './errors.ts';

/** What the plan routes need. */
export interface PlanRouteDeps {
  boards: BoardService;
  /** Counts wrong tokens per address (R8). */
  badTokens?: BadTokenGuard;
  /** The clock, so that exports are testable. */
  now?: () => Date;
  audit: AuditLog;
  clientIp: (req: Request) => string;
}

const CsvQuerySchema = z.object({ format: z.literal('careplan-2', { message: 'format must be careplan-2 (ケアプラン標準仕様 第2表)' }) });

/** The header that lists what the CSV draft leaves empty or lacks, as URI-encoded JSON (headers are ASCII). */
export const PLAN_WARNINGS_HEADER = 'X-Plan-Warnings';

/** The plan as data under /api/boards/:id: plan.csv (ケアプラン 第2表 draft, MS932) and plan.json. */
export function planRouter(deps: PlanRouteDeps): Router {
  const r = Router({ mergeParams: true });
  const now = deps.now ?? (() => new Date());

  r.get('/plan.csv', requireBoard(deps.boards, 'view', deps.badTokens), async (req, res) => {
    parseBody(CsvQuerySchema, { format: req.query.format });
    const { board } = boardLocals(res);
    const { file, skipped } = await deps.boards.exportTldr(board.id);
    await deps.audit.record(board.id, 'export.downloaded', requestActor(req, res, deps.clientIp), { format: 'careplan-2' });
    if (skipped.length > 0) res.setHeader(SKIPPED_RECORDS_HEADER, skippedHeader(skipped));
    const draft = buildCareplan2({ records: file.records, createdAt: now() });
    const { bytes, unencodable } = encodeMs932(careplan2Csv(draft));
    const warnings = [
      ...draft.warnings,
      ...(unencodable.length > 0
        ? [{ code: 'unencodable', column: null, itemIds: [], message: `MS932にない文字を「?」にした：${unencodable.join(' ')}` }]
        : []),
    ];
    res.setHeader(PLAN_WARNINGS_HEADER, encodeURIComponent(JSON.stringify(warnings)));
    res.setHeader('Content-Disposition', `attachment; filename="careplan-2.csv"; filename*=UTF-8''${encodeURIComponent(`${board.title}_第2表.csv`)}`);
    res.type('text/csv; charset=Shift_JIS').send(bytes);
  });

  r.get('/plan.json', requireBoard(deps.boards, 'view', deps.badTokens), async (req, res) => {
    const { board } = boardLocals(res);
    const { file, skipped } = await deps.boards.exportTldr(board.id);
    await deps.audit.record(board.id, 'export.downloaded', requestActor(req, res, deps.clientIp), { format: 'plan-json' });
    if (skipped.length > 0) res.setHeader(SKIPPED_RECORDS_HEADER, skippedHeader(skipped));
    res.json(buildPlanJson({ boardId: board.id, title: board.title, records: file.records, exportedAt: now() }));
  });

  return r;
}
