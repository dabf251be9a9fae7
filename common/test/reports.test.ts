import { describe, expect, it } from 'vitest';
import {
  defaultReportRange,
  defaultWeeksRange,
  reportRangeQuery,
  resolveReportRange,
  todayIn,
} from '../src/contract/reports.js';

describe('a report’s days', () => {
  it('are the twelve calendar months up to today unless chosen, across a year’s turn', () => {
    expect(defaultReportRange('2026-11-30')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(defaultReportRange('2026-01-15')).toEqual({ from: '2025-02-01', to: '2026-01-15' });
  });

  it('fill in only the end that is missing', () => {
    expect(resolveReportRange({}, '2026-11-30')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(resolveReportRange({ from: '2026-06-01' }, '2026-11-30')).toEqual({ from: '2026-06-01', to: '2026-11-30' });
    expect(resolveReportRange({ to: '2026-03-31' }, '2026-11-30')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    // A start after today is a range of that one day, not an empty one.
    expect(resolveReportRange({ from: '2027-01-05' }, '2026-11-30')).toEqual({ from: '2027-01-05', to: '2027-01-05' });
  });

  it("are, for the technicians' weeks, twelve weeks back and four ahead of this one, Monday to Sunday", () => {
    // 2026-11-30 is a Monday, 2026-12-02 the Wednesday of the same week.
    const weeks = { from: '2026-09-07', to: '2027-01-03' };
    expect(defaultWeeksRange('2026-11-30')).toEqual(weeks);
    expect(defaultWeeksRange('2026-12-06')).toEqual(weeks);
    expect(resolveReportRange({}, '2026-12-02', defaultWeeksRange)).toEqual(weeks);
  });

  it('are today’s on the dealership’s calendar', () => {
    const evening = new Date('2026-12-01T03:00:00Z');
    expect(todayIn('UTC', evening)).toBe('2026-12-01');
    expect(todayIn('America/Chicago', evening)).toBe('2026-11-30');
  });

  it('refuse a range backwards or longer than ten years, in words', () => {
    const backwards = reportRangeQuery.safeParse({ from: '2026-02-01', to: '2026-01-01' });
    expect(backwards.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['to'], 'Choose a "to" date on or after the "from" date'],
    ]);
    const long = reportRangeQuery.safeParse({ from: '2000-01-01', to: '2026-01-01' });
    expect(long.error?.issues[0]?.message).toBe('Choose a range of at most ten years');
    expect(reportRangeQuery.parse({ from: '2026-01-01', to: '2026-01-01' })).toEqual({
      from: '2026-01-01',
      to: '2026-01-01',
    });
  });
});
