export { I18nProvider, useI18n } from './I18n.tsx';
export { messages, type Locale, type MessageKey } from './messages.ts';
