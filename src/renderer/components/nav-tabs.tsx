import type { Status } from '../../shared/api';
import { isFirstRun, needsCount, type Screen } from '../state/use-screen';

const TABS: { id: Screen; label: string }[] = [
  { id: 'setup', label: 'Get started' },
  { id: 'status', label: 'Status' },
  { id: 'needs', label: 'Needs you' },
  { id: 'invoices', label: 'Invoices' },
  { id: 'payments', label: 'Payments' },
  { id: 'reconciliation', label: 'Reconciliation' },
  { id: 'gst', label: 'GST report' },
  { id: 'activity', label: 'Activity' },
  { id: 'settings', label: 'Settings' },
  { id: 'connect', label: 'Connect' },
];

/** Real buttons in a nav: reachable with Tab, current screen marked for assistive tech; the row wraps on a narrow window. */
export function NavTabs({ current, status, onSelect }: { current: Screen; status: Status | null; onSelect: (screen: Screen) => void }) {
  const open = needsCount(status);
  const tabs = TABS.filter((tab) => tab.id !== 'setup' || isFirstRun(status) || current === 'setup');
  return (
    <nav aria-label="Screens" className="tabs">
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          className="tab"
          aria-current={current === tab.id ? 'page' : undefined}
          onClick={() => onSelect(tab.id)}
          data-testid={`tab-${tab.id}`}
        >
          {tab.label}
          {tab.id === 'needs' && open > 0 ? (
            <span className="count" aria-label={`${open} waiting`} data-testid="needs-count">
              {open}
            </span>
          ) : null}
        </button>
      ))}
    </nav>
  );
}
