export { PrivacyDialog } from './PrivacyDialog.tsx';
export { usePrivacyTexts } from './texts.ts';
export { useParticipantLinks } from './useParticipantLinks.ts';
