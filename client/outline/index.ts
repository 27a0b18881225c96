export { OutlineView, readableText, type OutlineViewProps } from './OutlineView.tsx';
export { outlineTexts, useOutlineTexts } from './texts.ts';
export { applySavedContrast, useContrastTheme } from './OutlineTools.tsx';
export { useLargeTextZoom } from './useLargeTextZoom.ts';
