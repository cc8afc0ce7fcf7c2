import { describe, expect, it } from 'vitest';
import { countUpTo, layoutTimeline } from './timeline';

const at = (minutes: number) => new Date(Date.UTC(2027, 0, 10, 9, minutes)).toISOString();

describe('the history picture', () => {
  it('puts each event in its service lane, in time order along the axis', () => {
    const layout = layoutTimeline([
      { service: 'application-service', time: at(0) },
      { service: 'contract-service', time: at(60) },
      { service: 'document-service', time: at(30) },
    ], { width: 1000 });
    expect(layout.marks.map((m) => m.lane)).toEqual([0, 2, 1]);
    expect(layout.marks[0].x).toBeLessThan(layout.marks[2].x);
    expect(layout.marks[2].x).toBeLessThan(layout.marks[1].x);
    expect(layout.marks[1].x).toBeLessThanOrEqual(1000);
    expect(layout.lanes.map((l) => l.label)).toEqual(['Заявка', 'Документы', 'Договор', 'Переписка']);
    expect(layout.ticks).toHaveLength(5);
  });

  it('stacks marks that would overlap so that none hides another', () => {
    const layout = layoutTimeline([
      { service: 'document-service', time: at(0) },
      { service: 'document-service', time: at(0) },
      { service: 'document-service', time: at(0) },
      { service: 'document-service', time: at(600) },
    ], { width: 800 });
    const ys = layout.marks.slice(0, 3).map((m) => m.y);
    expect(new Set(ys).size).toBe(3);
    expect(layout.lanes[1].height).toBeGreaterThan(layout.lanes[0].height);
    // a lane's marks stay inside it
    for (const m of layout.marks) {
      const lane = layout.lanes[m.lane];
      expect(m.y).toBeGreaterThan(lane.top);
      expect(m.y).toBeLessThan(lane.top + lane.height);
    }
  });

  it('counts the events up to a moment', () => {
    const events = [{ service: 'application-service', time: at(0) }, { service: 'contract-service', time: at(60) }];
    expect(countUpTo(events, Date.parse(at(30)))).toBe(1);
    expect(countUpTo(events, Date.parse(at(60)))).toBe(2);
  });
});
