export { RecordsPanel } from './RecordsPanel.tsx';
export { RecordViewer } from './RecordViewer.tsx';
export { ExportMenu } from './ExportMenu.tsx';
export { ImportBoard } from './ImportBoard.tsx';
