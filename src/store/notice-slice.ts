import type { AppSlice } from './app-state.ts';

/** Problems the user is told about once, in their language, and can dismiss. Not persisted. */
export const NOTICE_CODES = [
  'storage-corrupt',
  'storage-invalid',
  'storage-unavailable',
  'storage-write-failed',
  'link-invalid',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

export interface NoticeSlice {
  notices: readonly NoticeCode[];
  pushNotice: (code: NoticeCode) => void;
  dismissNotice: (code: NoticeCode) => void;
}

export const createNoticeSlice: AppSlice<NoticeSlice> = (set) => ({
  notices: [],
  pushNotice: (code) => set((s) => (s.notices.includes(code) ? s : { notices: [...s.notices, code] })),
  dismissNotice: (code) => set((s) => ({ notices: s.notices.filter((c) => c !== code) })),
});
