/** A one-line message for people after an action, shown in an aria-live region. */
export interface Notice {
  tone: 'ok' | 'error' | 'info';
  text: string;
}

export const ok = (text: string): Notice => ({ tone: 'ok', text });
export const failure = (text: string): Notice => ({ tone: 'error', text });
