export { BoardService, isTraining, linksFor, type BoardError, type BoardResult, type BoardServiceOptions } from './BoardService.ts';
export { initialBoardState, tldrawFileFromDoc, type TldrawFile } from './boardDocument.ts';
export { BoardDocuments, type LiveMarks } from './BoardDocuments.ts';
