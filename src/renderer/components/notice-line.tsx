import type { Notice } from '../state/notice';

/** One aria-live line: screen readers hear the outcome of an action without moving focus. */
export function NoticeLine({ notice, testId }: { notice: Notice | null; testId?: string }) {
  return (
    <p
      className={`notice ${notice ? `notice-${notice.tone}` : 'notice-empty'}`}
      role={notice?.tone === 'error' ? 'alert' : 'status'}
      aria-live="polite"
      data-testid={testId}
    >
      {notice?.text ?? ''}
    </p>
  );
}
