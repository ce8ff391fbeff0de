// One question: both sides' values and edit times side by side, and the two answers.
import type { ConflictView } from '../../shared/api';
import { formatTime, SIDE_LABEL } from '../state/format';
import type { Decision, Take } from '../state/use-conflicts';
import { DiffValue } from './diff-value';

/** A duplicate has one record on one side and its candidates on the other. */
function DuplicateSide({ conflict, side, busy, onDecide }: { conflict: ConflictView; side: Take; busy: boolean; onDecide: OnDecide }) {
  const candidates = conflict.candidates.filter((c) => c.side === side);
  const link = conflict.actions.find((a) => a.candidateIds !== null);
  if (candidates.length) {
    return (
      <ul className="candidates" aria-label={`${SIDE_LABEL[side]} candidates`}>
        {candidates.map((candidate) => (
          <li key={candidate.id}>
            {candidate.name ?? candidate.id}
            {candidate.email ? <span className="muted"> {candidate.email}</span> : null}
            {link?.candidateIds?.includes(candidate.id) ? (
              <button
                type="button"
                className="link-candidate"
                disabled={busy}
                title={link.effect}
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
  const id = conflict[side].id;
  return <span className="value">{id ? `This record (${id})` : 'No match'}</span>;
}

type OnDecide = (ids: number[], decision: Decision) => void;

interface Props {
  conflict: ConflictView;
  zone: string;
  selected: boolean;
  busy: boolean;
  onToggle: (id: number) => void;
  onDecide: OnDecide;
}

/** "Kept Stripe" for the two keep answers (and their older side form), the action's own label otherwise. */
function decidedLabel(conflict: ConflictView): string {
  const resolution = conflict.resolution ?? '';
  const side = resolution.replace(/^keep_/, '');
  if (side === 'servicem8' || side === 'stripe') return `Kept ${SIDE_LABEL[side]}`;
  return conflict.actions.find((a) => a.name === resolution)?.label ?? resolution.replaceAll('_', ' ');
}

export function ConflictRow({ conflict, zone, selected, busy, onToggle, onDecide }: Props) {
  const open = conflict.state === 'open';
  const what = conflict.field ? `${conflict.entity} ${conflict.field}` : conflict.entity;
  const buttons = conflict.actions.filter((a) => a.candidateIds === null);
  return (
    <tr data-testid={`conflict-row-${conflict.id}`} data-state={conflict.state} className={selected ? 'selected' : undefined}>
      <td className="select-cell">
        {open ? (
          <input
            type="checkbox"
            checked={selected}
            onChange={() => onToggle(conflict.id)}
            aria-label={`Select ${conflict.title} ${conflict.field ?? ''}`.trim()}
            data-testid={`conflict-select-${conflict.id}`}
          />
        ) : null}
      </td>
      <th scope="row" className="record-cell">
        <span className="record-title">{conflict.title}</span>
        <span className="muted small">
          {conflict.kindLabel} · {what}
        </span>
        {conflict.detail ? <span className="muted small">{conflict.detail}</span> : null}
      </th>
      {(['servicem8', 'stripe'] as const).map((side) => (
        <td key={side} className="side-cell" data-testid={`conflict-${side}-${conflict.id}`}>
          {conflict.kind === 'duplicate' ? (
            <DuplicateSide conflict={conflict} side={side} busy={busy} onDecide={onDecide} />
          ) : (
            <DiffValue value={conflict[side].value} other={conflict[side === 'servicem8' ? 'stripe' : 'servicem8'].value} />
          )}
          {conflict[side].editedAt ? <span className="muted small">edited {formatTime(conflict[side].editedAt, zone)}</span> : null}
        </td>
      ))}
      <td className="decision-cell">
        {open ? null : (
          <span className="pending-apply" data-testid={`conflict-pending-${conflict.id}`}>
            {decidedLabel(conflict)} · applies at next sync
          </span>
        )}
        {buttons.length ? (
          <div className="row-actions" role="group" aria-label={open ? 'Decide' : 'Change the decision'}>
            {buttons.map((action) => (
              <button
                key={action.name}
                type="button"
                disabled={busy}
                title={action.effect}
                aria-pressed={conflict.resolution === action.name}
                onClick={() => onDecide([conflict.id], { action: action.name })}
                data-testid={`${action.name.replaceAll('_', '-')}-${conflict.id}`}
              >
                {action.label}
              </button>
            ))}
          </div>
        ) : null}
      </td>
    </tr>
  );
}
