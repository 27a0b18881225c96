import { Router, type Request, type Response } from 'express';
import {
  ApiErrorCode,
  CreateRecordRequestSchema,
  ForkRecordRequestSchema,
  RecordIdSchema,
  type Capability,
} from '../../shared/protocol/index.ts';
import type { BoardService } from '../boards/index.ts';
import { isTraining, SKIPPED_RECORDS_HEADER, skippedHeader, tldrawExportFromDoc } from '../boards/index.ts';
import type { RecordService } from '../records/index.ts';
import { toInfo } from '../records/index.ts';
import type { MeetingRecordRow } from '../storage/index.ts';
import { boardLocals, requireBoard as requireBoardOf, type BadTokenGuard } from './auth.ts';
import { HttpError, parseBody } from './errors.ts';
import * as Y from 'yjs';

/** What the record routes need. */
export interface RecordRouteDeps {
  boards: BoardService;
  records: RecordService;
  originOf: (req: Request) => string;
  badTokens: BadTokenGuard;
  /** The per-address creation limit; throws the 429. */
  limitCreation: (req: Request, res: Response) => void;
}

/** Meeting records under /api/boards/:id/records. */
export function recordRouter(deps: RecordRouteDeps): Router {
  const r = Router({ mergeParams: true });
  const { boards, records } = deps;
  const requireBoard = (b: BoardService, need: Capability) => requireBoardOf(b, need, deps.badTokens);

  const loadRecord = async (boardId: string, recordId: unknown): Promise<MeetingRecordRow> => {
    const id = RecordIdSchema.safeParse(recordId);
    const row = id.success ? await records.get(boardId, id.data) : undefined;
    if (!row) throw new HttpError(ApiErrorCode.NotFound, 'no such record');
    return row;
  };

  r.post('/', requireBoard(boards, 'edit'), async (req, res) => {
    const body = parseBody(CreateRecordRequestSchema, req.body);
    const { board } = boardLocals(res);
    // 運営基準 第23条③: a real meeting's record needs the attendees' consent; a 研修用 board none.
    if (!body.consent && !isTraining(board)) {
      throw new HttpError(ApiErrorCode.BadRequest, 'consent: a real meeting needs each person\'s consent to using personal information (and to meeting online) before its record is saved; mark the board 研修用 for training', 'consent');
    }
    res.status(201).json(await records.create(board, body));
  });

  r.get('/', requireBoard(boards, 'view'), async (_req, res) => {
    res.json(await records.list(boardLocals(res).board.id));
  });

  r.get('/present', requireBoard(boards, 'view'), (_req, res) => {
    res.json(records.presentParticipants(boardLocals(res).board.id));
  });

  r.get('/diff', requireBoard(boards, 'view'), async (req, res) => {
    const { board } = boardLocals(res);
    const from = await loadRecord(board.id, req.query.from);
    const to = await loadRecord(board.id, req.query.to);
    res.json(records.diff(from, to));
  });

  r.get('/:recordId', requireBoard(boards, 'view'), async (req, res) => {
    res.json(toInfo(await loadRecord(boardLocals(res).board.id, req.params.recordId)));
  });

  r.get('/:recordId/minutes.html', requireBoard(boards, 'view'), async (req, res) => {
    const { board } = boardLocals(res);
    const row = await loadRecord(board.id, req.params.recordId);
    const lang = req.query.lang === 'en' ? 'en' : 'ja';
    // 第4表 (the default) or the 相談支援 side's モニタリング報告; the page can switch between them.
    const format = req.query.format === undefined ? 'form4' : req.query.format;
    if (format !== 'form4' && format !== 'monitoring') throw new HttpError(ApiErrorCode.BadRequest, 'format: form4 (第4表, the default) or monitoring (モニタリング報告)', 'format');
    res.setHeader('Cache-Control', 'private, max-age=3600, immutable');
    res.type('html').send(records.minutes(board, row, lang, format));
  });

  r.get('/:recordId/export.tldr', requireBoard(boards, 'view'), async (req, res) => {
    const { board } = boardLocals(res);
    const row = await loadRecord(board.id, req.params.recordId);
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, row.state);
      res.setHeader('Content-Disposition', `attachment; filename="record.tldr"; filename*=UTF-8''${encodeURIComponent(`${row.title}.tldr`)}`);
      const { file, skipped } = tldrawExportFromDoc(doc);
      if (skipped.length > 0) res.setHeader(SKIPPED_RECORDS_HEADER, skippedHeader(skipped));
      res.type('application/json').send(JSON.stringify(file));
    } finally {
      doc.destroy();
    }
  });

  r.get('/:recordId/export.json', requireBoard(boards, 'view'), async (req, res) => {
    const { board } = boardLocals(res);
    const row = await loadRecord(board.id, req.params.recordId);
    const { content, skipped } = records.structured(row);
    // Stored records that fail the board schema are left out and named (docs/SPEC.md D4).
    res.json({ record: toInfo(row), board: { id: board.id, title: board.title }, content, skipped });
  });

  r.post('/:recordId/boards', requireBoard(boards, 'edit'), async (req, res) => {
    deps.limitCreation(req, res);
    const body = parseBody(ForkRecordRequestSchema, req.body);
    const { board } = boardLocals(res);
    const row = await loadRecord(board.id, req.params.recordId);
    const created = await boards.createWithRecords({
      title: body.title ?? `${board.title}（${row.title} から）`.slice(0, 200),
      template: board.template,
      records: records.recordsOf(row),
      origin: deps.originOf(req),
    });
    res.status(201).json(created);
  });

  return r;
}
