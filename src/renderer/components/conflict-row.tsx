// One question: both sides' values and edit times side by side, and the two answers.
import type { ConflictView } from '../../shared/api';
import { formatTime, SIDE_LABEL } from '../state/format';
import type { Take } from '../state/use-conflicts';
import { DiffValue } from './diff-value';

const KIND_LABEL: Record<ConflictView['kind'], string> = {
  field: 'Changed on both sides',
  duplicate: 'Possible duplicate',
  deletion: 'Deleted on one side',
  invoice_changed: 'Invoice changed after export',
  stripe_invoice: 'New invoice in Stripe',
  payment: 'Payment needs a decision',
};

/** A duplicate has one record on one side and its candidates on the other. */
function DuplicateSide({ conflict, side }: { conflict: ConflictView; side: Take }) {
  const candidates = conflict.candidates.filter((c) => c.side === side);
  if (candidates.length) {
    return (
      <ul className="candidates" aria-label={`${SIDE_LABEL[side]} candidates`}>
        {candidates.map((candidate) => (
          <li key={candidate.id}>
            {candidate.name ?? candidate.id}
            {candidate.email ? <span className="muted"> {candidate.email}</span> : null}
          </li>
        ))}
      </ul>
    );
  }
  const id = conflict[side].id;
  return <span className="value">{id ? `This record (${id})` : 'No match'}</span>;
}

interface Props {
  conflict: ConflictView;
  zone: string;
  selected: boolean;
  busy: boolean;
  onToggle: (id: number) => void;
  onDecide: (ids: number[], take: Take) => void;
}

export function ConflictRow({ conflict, zone, selected, busy, onToggle, onDecide }: Props) {
  const open = conflict.state === 'open';
  const what = conflict.field ? `${conflict.entity} ${conflict.field}` : conflict.entity;
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
          {KIND_LABEL[conflict.kind]} · {what}
        </span>
        {conflict.detail ? <span className="muted small">{conflict.detail}</span> : null}
      </th>
      {(['servicem8', 'stripe'] as const).map((side) => (
        <td key={side} className="side-cell" data-testid={`conflict-${side}-${conflict.id}`}>
          {conflict.kind === 'duplicate' ? (
            <DuplicateSide conflict={conflict} side={side} />
          ) : (
            <DiffValue value={conflict[side].value} other={conflict[side === 'servicem8' ? 'stripe' : 'servicem8'].value} />
          )}
          {conflict[side].editedAt ? <span className="muted small">edited {formatTime(conflict[side].editedAt, zone)}</span> : null}
        </td>
      ))}
      <td className="decision-cell">
        {open ? (
          <div className="row-actions">
            <button
              type="button"
              disabled={busy}
              onClick={() => onDecide([conflict.id], 'servicem8')}
              data-testid={`keep-servicem8-${conflict.id}`}
            >
              Keep ServiceM8
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => onDecide([conflict.id], 'stripe')}
              data-testid={`keep-stripe-${conflict.id}`}
            >
              Keep Stripe
            </button>
          </div>
        ) : (
          <span className="pending-apply" data-testid={`conflict-pending-${conflict.id}`}>
            Kept{' '}
            {conflict.resolution === 'stripe' || conflict.resolution === 'servicem8'
              ? SIDE_LABEL[conflict.resolution]
              : conflict.resolution}{' '}
            · applies at next sync
          </span>
        )}
      </td>
    </tr>
  );
}
