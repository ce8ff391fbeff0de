import { describe, expect, it } from 'vitest';
import { activityCsv, neutraliseCell } from '../../src/main/core/app/activity-csv';
import { diffParts, valueDiff } from '../../src/renderer/state/diff';
import type { ActivityEntry } from '../../src/shared/api';

describe('activity CSV', () => {
  it.each(['=1+1', '+61412345678', '-5', '@SUM(A1)', '\tcmd', '\rcmd'])('defuses %j as text', (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text alone', () => {
    for (const cell of ['Harbour Plumbing', '0412 345 678', '1,320.00', '', "O'Brien"]) expect(neutraliseCell(cell)).toBe(cell);
  });

  it('writes BOM, header, CRLF rows and RFC 4180 quoting, with times in the given zone', () => {
    const entry: ActivityEntry = {
      id: 1,
      at: '2026-06-30T14:30:00.000Z',
      direction: 'local',
      entity: 'client',
      operation: 'resolve_conflict',
      servicem8Id: 's1',
      stripeId: null,
      before: { address_street: '1 George St', phone: '0412 345 678' },
      after: null,
      outcome: 'success',
      message: 'Line one\nline "two"',
      name: 'Harbour View Cafe',
    };
    const csv = activityCsv([entry], 'Australia/Perth');
    const [header, ...rest] = csv.slice(1).split('\r\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(header).toBe('Time,Name,What happened,Outcome,Direction,Record type,Before,After,ServiceM8 ID,Stripe ID');
    expect(rest.join('\r\n')).toBe(
      '2026-06-30 22:30:00 +08:00,Harbour View Cafe,"Line one\nline ""two""",Done,Your decision,client,Address street: 1 George St; Phone: 0412 345 678,,s1,\r\n',
    );
  });
});

describe('value diff', () => {
  it('marks only the differing middle', () => {
    expect(diffParts('0412 345 678', '0412 345 999')).toEqual({ before: '0412 345 ', changed: '678', after: '' });
    expect(diffParts('accounts@x.au', 'billing@x.au')).toEqual({ before: '', changed: 'accounts', after: '@x.au' });
    expect(diffParts('same', 'same')).toEqual({ before: 'same', changed: '', after: '' });
    expect(diffParts('abc', 'abXc')).toEqual({ before: 'ab', changed: '', after: 'c' });
  });

  it('marks the whole value when the other side is empty (no bracket shared with "(empty)")', () => {
    expect(valueDiff('Total $220.00 (GST $20.00)', null)).toEqual({ before: '', changed: 'Total $220.00 (GST $20.00)', after: '' });
    expect(valueDiff(null, 'x')).toEqual({ before: '', changed: '(empty)', after: '' });
  });
});
