import type { Status } from '../../shared/api';
import type { Screen } from '../state/use-screen';

const TABS: { id: Screen; label: string }[] = [
  { id: 'status', label: 'Status' },
  { id: 'conflicts', label: 'Conflicts' },
  { id: 'activity', label: 'Activity' },
  { id: 'connect', label: 'Connect' },
];

/** Real buttons in a nav: reachable with Tab, current screen marked for assistive tech. */
export function NavTabs({ current, status, onSelect }: { current: Screen; status: Status | null; onSelect: (screen: Screen) => void }) {
  const open = status?.counts.openConflicts ?? 0;
  return (
    <nav aria-label="Screens" className="tabs">
      {TABS.map((tab) => (
        <button
          key={tab.id}
          type="button"
          className="tab"
          aria-current={current === tab.id ? 'page' : undefined}
          onClick={() => onSelect(tab.id)}
          data-testid={`tab-${tab.id}`}
        >
          {tab.label}
          {tab.id === 'conflicts' && open > 0 ? (
            <span className="count" aria-label={`${open} open`}>
              {open}
            </span>
          ) : null}
        </button>
      ))}
    </nav>
  );
}
