import type { RecordConsent } from '../../shared/protocol/index.ts';

/** A filled-in consent for saving a record of a real (non-training) meeting in tests. */
export const TEST_CONSENT: RecordConsent = {
  online: false,
  personalInfo: [
    { name: '山本 和夫', method: 'written', date: '2026-04-06' },
    { name: '山本 幸子', method: 'oral', date: '2026-04-06' },
  ],
};
