// One question as a card: both sides' values and edit times side by side (stacked on a
// narrow window), and the decisions it offers with what each will do.
import type { ConflictView } from '../../shared/api';
import { formatTime, SIDE_LABEL } from '../state/format';
import type { Decision, Take } from '../state/use-conflicts';
import { DiffValue } from './diff-value';

type OnDecide = (ids: number[], decision: Decision) => void;

/** A duplicate has one record on one side and its candidates on the other. */
function DuplicateSide({ conflict, side, busy, onDecide }: { conflict: ConflictView; side: Take; busy: boolean; onDecide: OnDecide }) {
  const candidates = conflict.candidates.filter((c) => c.side === side);
  const link = conflict.actions.find((a) => a.candidateIds !== null);
  if (candidates.length) {
    return (
      <ul className="candidates" aria-label={`${SIDE_LABEL[side]} candidates`}>
        {candidates.map((candidate) => (
          <li key={candidate.id}>
            <span>{candidate.name ?? 'No name'}</span>
            {candidate.email ? <span className="muted small block">{candidate.email}</span> : null}
            {link?.candidateIds?.includes(candidate.id) ? (
              <button
                type="button"
                className="link-candidate"
                disabled={busy}
                aria-describedby={`effect-${conflict.id}-${link.name}`}
                aria-pressed={conflict.resolution === link.name}
                onClick={() => onDecide([conflict.id], { action: link.name, candidate: candidate.id })}
                data-testid={`link-${conflict.id}-${candidate.id}`}
              >
                {link.label}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    );
  }
  return <span className="value">{conflict[side].id ? 'This record' : 'No match'}</span>;
}

interface Props {
  conflict: ConflictView;
  zone: string;
  selected: boolean;
  busy: boolean;
  onToggle: (id: number) => void;
  onDecide: OnDecide;
}

/** "Kept Stripe" for the two keep answers, the action's own label otherwise. */
function decidedLabel(conflict: ConflictView): string {
  const resolution = conflict.resolution ?? '';
  const side = resolution.replace(/^keep_/, '');
  if (side === 'servicem8' || side === 'stripe') return `Keep ${SIDE_LABEL[side]}`;
  return conflict.actions.find((a) => a.name === resolution)?.label ?? resolution.replaceAll('_', ' ');
}

const FIELD_WORDS: Record<string, string> = { name: 'Name', email: 'Email', phone: 'Phone', address: 'Address', abn: 'ABN' };

/**
 * When the side's value was last changed by a person, as the engine knows it; a field
 * whose time is not known says only where it changed, never a time that is not its own.
 */
function EditedLine({ conflict, side, zone }: { conflict: ConflictView; side: 'servicem8' | 'stripe'; zone: string }) {
  const at = conflict[side].editedAt;
  const deleted = conflict.kind === 'deletion' && side === 'stripe';
  if (at)
    return (
      <span className="muted small block">
        {deleted ? 'deleted' : 'edited'} {formatTime(at, zone)}
      </span>
    );
  if (conflict.kind === 'field') return <span className="muted small block">edited in {SIDE_LABEL[side]}</span>;
  return null;
}

export function ConflictRow({ conflict, zone, selected, busy, onToggle, onDecide }: Props) {
  const open = conflict.state === 'open';
  const field = conflict.field ? (FIELD_WORDS[conflict.field] ?? conflict.field.replaceAll('_', ' ')) : null;
  const buttons = conflict.actions.filter((a) => a.candidateIds === null);
  const titleId = `conflict-title-${conflict.id}`;
  return (
    <li
      className={`conflict-card${selected ? ' selected' : ''}`}
      data-testid={`conflict-row-${conflict.id}`}
      data-state={conflict.state}
      aria-labelledby={titleId}
    >
      <div className="conflict-head">
        {open ? (
          <input
            type="checkbox"
            checked={selected}
            onChange={() => onToggle(conflict.id)}
            aria-label={`Select ${conflict.title}${field ? ` (${field})` : ''}`}
            data-testid={`conflict-select-${conflict.id}`}
          />
        ) : null}
        <div>
          <h4 id={titleId} className="record-title">
            {conflict.title}
          </h4>
          <span className="muted small">
            {conflict.kindLabel}
            {field ? ` · ${field}` : ''}
          </span>
          {conflict.detail ? <span className="muted small block">{conflict.detail}</span> : null}
        </div>
      </div>
      <div className="sides">
        {(['servicem8', 'stripe'] as const).map((side) => (
          <div key={side} className="side-cell" data-testid={`conflict-${side}-${conflict.id}`}>
            <span className="side-name">{SIDE_LABEL[side]}</span>
            {conflict.kind === 'duplicate' ? (
              <DuplicateSide conflict={conflict} side={side} busy={busy} onDecide={onDecide} />
            ) : conflict.kind === 'deletion' && side === 'stripe' ? (
              <span className="value">Deleted in Stripe</span>
            ) : (
              <DiffValue value={conflict[side].value} other={conflict[side === 'servicem8' ? 'stripe' : 'servicem8'].value} />
            )}
            <EditedLine conflict={conflict} side={side} zone={zone} />
          </div>
        ))}
      </div>
      <div className="decision">
        {open ? null : (
          <p className="pending-apply" data-testid={`conflict-pending-${conflict.id}`}>
            Decided: {decidedLabel(conflict)} · applies at next sync (you can still change it)
          </p>
        )}
        {buttons.length ? (
          <div
            className="row-actions"
            role="group"
            aria-label={open ? `Decide for ${conflict.title}` : `Change the decision for ${conflict.title}`}
          >
            {buttons.map((action) => (
              <button
                key={action.name}
                type="button"
                disabled={busy}
                aria-pressed={conflict.resolution === action.name}
                aria-describedby={`effect-${conflict.id}-${action.name}`}
                onClick={() => onDecide([conflict.id], { action: action.name })}
                data-testid={`${action.name.replaceAll('_', '-')}-${conflict.id}`}
              >
                {action.label}
              </button>
            ))}
          </div>
        ) : null}
        <ul className="effects small">
          {conflict.actions.map((action) => (
            <li key={action.name} id={`effect-${conflict.id}-${action.name}`}>
              <strong>{action.label}:</strong> {action.effect}
            </li>
          ))}
        </ul>
      </div>
    </li>
  );
}
