export { TransitionPanel } from './TransitionPanel.tsx';
export { TransitionSummaryPanel } from './TransitionSummaryPanel.tsx';
export { addTransitionProposal, type AddProposalOptions, type AddProposalResult } from './addProposal.ts';
export { allServiceCards, arrowLinks, findAfterMoveFrame, showShapes, summaryInput } from './boardQueries.ts';
export { besideSource, isAfterMoveFrameName, overlaps, type Rect } from './placement.ts';
export { summaryView, type CardLink, type SummaryCard, type SummaryEntry, type SummaryView } from './summaryView.ts';
export { canKeepProvider, cardServiceName, proposalProps, transitionViewFor, type TransitionView } from './transitionView.ts';
