/**
 * Moves keyboard focus to the heading of each new wizard step (or question), but not on the first
 * render of the page, so that opening the app does not jump past the header.
 */
import { createContext, useContext, useEffect, useRef, type ReactNode, type RefObject } from 'react';

const FocusArmedContext = createContext<RefObject<boolean> | null>(null);

export function StepFocusProvider({ children }: { children: ReactNode }) {
  const armed = useRef(false);
  // Armed after the first commit (and after StrictMode's effect replay): headings mounted in the
  // first render do not take focus; every later step or question does.
  useEffect(() => {
    const timer = setTimeout(() => {
      armed.current = true;
    }, 0);
    return () => clearTimeout(timer);
  }, []);
  return <FocusArmedContext.Provider value={armed}>{children}</FocusArmedContext.Provider>;
}

/** Returns a ref for a heading (with tabIndex -1) that is focused whenever `key` changes after the first render. */
export function useStepFocus<T extends HTMLElement>(key: string): RefObject<T | null> {
  const armed = useContext(FocusArmedContext);
  const ref = useRef<T | null>(null);
  useEffect(() => {
    if (armed?.current) ref.current?.focus();
  }, [armed, key]);
  return ref;
}
