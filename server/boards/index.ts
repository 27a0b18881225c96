export { BoardService, actorOf, isTraining, linksFor, type Authorized, type BoardError, type BoardResult, type BoardServiceOptions, type LinkIdentity } from './BoardService.ts';
export { initialBoardState, skippedHeader, SKIPPED_RECORDS_HEADER, tldrawExportFromDoc, tldrawFileFromDoc, type TldrawExport, type TldrawFile } from './boardDocument.ts';
export { BoardDocuments, type LiveMarks } from './BoardDocuments.ts';
