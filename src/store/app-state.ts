import type { StateCreator } from 'zustand/vanilla';
import type { InputSlice } from './input-slice.ts';
import type { NoticeSlice } from './notice-slice.ts';
import type { PrefsSlice } from './prefs-slice.ts';
import type { WalkSlice } from './walk-slice.ts';

export type AppState = WalkSlice & InputSlice & PrefsSlice & NoticeSlice;

/** A slice sees the whole state; middleware sits on the combined store only. */
export type AppSlice<T> = StateCreator<AppState, [['zustand/persist', unknown]], [], T>;
