export { BoardService, isTraining, linksFor, type BoardError, type BoardResult, type BoardServiceOptions } from './BoardService.ts';
export { initialBoardState, skippedHeader, SKIPPED_RECORDS_HEADER, tldrawExportFromDoc, tldrawFileFromDoc, type TldrawExport, type TldrawFile } from './boardDocument.ts';
export { BoardDocuments, type LiveMarks } from './BoardDocuments.ts';
