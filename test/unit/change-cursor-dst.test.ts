// The ServiceM8 cursor across daylight saving. Sydney leaves AEDT (+11) for AEST (+10) on
// the first Sunday of April: 2026-04-05 03:00 AEDT (16:00Z) becomes 02:00 AEST, so every
// local 02:xx stamp happens twice. Oracles are written out by hand from that rule, not
// computed by the code under test.
import { describe, expect, it } from 'vitest';
import { advanceCursor, backwardShiftNear, lowerBound, seenKey } from '../../src/main/core/connectors/servicem8/change-cursor';

const SYDNEY = 'Australia/Sydney';
const settings = { overlapSeconds: 60, walkSafetySeconds: 900 };
const at = (iso: string) => new Date(iso);

describe('ServiceM8 cursor: daylight saving ends', () => {
  it('reads back far enough for an edit made in the repeated hour, stamped before the cursor', () => {
    // Cursor set at 02:40 in the first pass (AEDT); now 02:20 in the second pass (AEST, 16:20Z).
    const cursor = { editDate: '2026-04-05 02:40:00', seen: [] };
    const editedInRepeatedHour = '2026-04-05 02:10:00';
    const context = { zone: SYDNEY, now: at('2026-04-04T16:20:00Z') };
    expect(backwardShiftNear(cursor.editDate, context, 60)).toBe(3600);
    const bound = lowerBound(cursor, settings, context)!;
    expect(bound).toBe('2026-04-05 01:39:00'); // 02:40 − (1 h transition + 60 s overlap)
    expect(editedInRepeatedHour > bound).toBe(true);
    // Without the zone, the fixed overlap alone misses that edit: the bug this guards against.
    expect(editedInRepeatedHour > lowerBound(cursor, settings)!).toBe(false);
  });

  it('widens only around a backward transition that has happened', () => {
    const cursor = { editDate: '2026-04-05 02:40:00', seen: [] };
    // Still in the first pass (02:50 AEDT): nothing is stamped in the second 02:xx yet.
    expect(lowerBound(cursor, settings, { zone: SYDNEY, now: at('2026-04-04T15:50:00Z') })).toBe('2026-04-05 02:39:00');
    // The app was off for months: the transition after the cursor still counts.
    expect(lowerBound(cursor, settings, { zone: SYDNEY, now: at('2026-09-01T00:00:00Z') })).toBe('2026-04-05 01:39:00');
    // A cursor just past the repeated hour (03:30 AEST = 17:30Z) is near it, well past it (06:00) is not.
    expect(lowerBound({ editDate: '2026-04-05 03:30:00', seen: [] }, settings, { zone: SYDNEY, now: at('2026-04-04T19:00:00Z') })).toBe(
      '2026-04-05 02:29:00',
    );
    expect(lowerBound({ editDate: '2026-04-05 06:00:00', seen: [] }, settings, { zone: SYDNEY, now: at('2026-04-04T21:00:00Z') })).toBe(
      '2026-04-05 05:59:00',
    );
    // A cursor a month before the transition: stamps after it are far above the cursor anyway.
    expect(lowerBound({ editDate: '2026-03-01 10:00:00', seen: [] }, settings, { zone: SYDNEY, now: at('2026-04-10T00:00:00Z') })).toBe(
      '2026-03-01 09:59:00',
    );
  });

  it('ignores the spring-forward transition and zones without daylight saving; sizes Lord Howe’s half hour', () => {
    // 2026-10-04 02:00 AEST jumps to 03:00 AEDT (16:00Z on the 3rd): no stamp repeats.
    const spring = { editDate: '2026-10-04 01:50:00', seen: [] };
    expect(lowerBound(spring, settings, { zone: SYDNEY, now: at('2026-10-03T17:30:00Z') })).toBe('2026-10-04 01:49:00');
    expect(
      lowerBound({ editDate: '2026-04-05 02:40:00', seen: [] }, settings, { zone: 'Australia/Brisbane', now: at('2026-09-01T00:00:00Z') }),
    ).toBe('2026-04-05 02:39:00');
    // Lord Howe Island goes from +11 to +10:30 at 02:00 local on the same Sunday (15:00Z).
    expect(backwardShiftNear('2026-04-05 01:50:00', { zone: 'Australia/Lord_Howe', now: at('2026-04-04T16:00:00Z') }, 60)).toBe(1800);
    expect(
      lowerBound({ editDate: '2026-07-01 10:00:00', seen: [] }, settings, { zone: 'Not/AZone', now: at('2026-07-01T00:00:00Z') }),
    ).toBe('2026-07-01 09:59:00');
  });

  it('keeps delivered keys as far back as a widened read reaches, so nothing is delivered twice', () => {
    const firstPass = seenKey({ uuid: 'a', edit_date: '2026-04-05 02:40:00' });
    const secondPass = seenKey({ uuid: 'b', edit_date: '2026-04-05 02:10:00' });
    const next = advanceCursor(
      { editDate: '2026-04-05 02:40:00', seen: [firstPass] },
      '2026-04-05 02:20:00',
      '2026-04-05 02:10:00',
      [secondPass],
      settings,
      { zone: SYDNEY },
    );
    expect(next.editDate).toBe('2026-04-05 02:40:00'); // never backwards
    expect(next.seen).toEqual([secondPass, firstPass].sort());
    // Far from any transition the keys are pruned to the plain overlap as before.
    const july = advanceCursor(
      { editDate: '2026-07-01 09:00:00', seen: [] },
      '2026-07-01 12:00:00',
      null,
      [seenKey({ uuid: 'c', edit_date: '2026-07-01 08:58:00' })],
      settings,
      {
        zone: SYDNEY,
      },
    );
    expect(july.seen).toEqual([]);
  });
});
