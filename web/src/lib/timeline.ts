/**
 * The picture of an application's history: one lane per service, each event a mark on a shared time axis. Marks
 * closer than a mark's width stack in rows inside their lane, so none hides another.
 */

export const LANES = [
  { service: 'application-service', label: 'Заявка' },
  { service: 'document-service', label: 'Документы' },
  { service: 'contract-service', label: 'Договор' },
  { service: 'messaging-service', label: 'Переписка' },
] as const;

export interface TimelineInput {
  service: string;
  time: string;
}

export interface PlacedMark {
  /** Index of the event in the input. */
  index: number;
  x: number;
  y: number;
  lane: number;
}

export interface LaidOutLane {
  service: string;
  label: string;
  top: number;
  height: number;
}

export interface Tick {
  x: number;
  time: number;
}

export interface Layout {
  lanes: LaidOutLane[];
  marks: PlacedMark[];
  ticks: Tick[];
  width: number;
  height: number;
  from: number;
  to: number;
}

export interface LayoutOptions {
  width: number;
  labelWidth?: number;
  markSize?: number;
  rowHeight?: number;
  lanePadding?: number;
  ticks?: number;
}

export function layoutTimeline(events: TimelineInput[], options: LayoutOptions): Layout {
  const labelWidth = options.labelWidth ?? 110;
  const mark = options.markSize ?? 12;
  const rowHeight = options.rowHeight ?? 16;
  const padding = options.lanePadding ?? 10;
  const left = labelWidth + mark;
  const right = options.width - mark;
  const times = events.map((e) => Date.parse(e.time));
  const from = times.length ? Math.min(...times) : 0;
  const to = times.length ? Math.max(...times) : 1;
  const span = Math.max(to - from, 1);
  const x = (t: number) => (times.length <= 1 ? (left + right) / 2 : left + ((t - from) / span) * (right - left));

  // rows per lane: a mark goes into the first row whose last mark is far enough to its left
  const rowsEnd: number[][] = LANES.map(() => []);
  const placedRows: { lane: number; row: number; x: number; index: number }[] = [];
  const order = events.map((_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
  for (const i of order) {
    const lane = Math.max(0, LANES.findIndex((l) => l.service === events[i].service));
    const xi = x(times[i]);
    const rows = rowsEnd[lane];
    let row = rows.findIndex((end) => xi - end >= mark + 2);
    if (row < 0) {
      row = rows.length;
      rows.push(xi);
    } else {
      rows[row] = xi;
    }
    placedRows.push({ lane, row, x: xi, index: i });
  }
  const lanes: LaidOutLane[] = [];
  let top = 0;
  LANES.forEach((l, i) => {
    const height = Math.max(1, rowsEnd[i].length) * rowHeight + 2 * padding;
    lanes.push({ service: l.service, label: l.label, top, height });
    top += height;
  });
  const marks = placedRows
    .map((p) => ({ index: p.index, lane: p.lane, x: p.x, y: lanes[p.lane].top + padding + p.row * rowHeight + rowHeight / 2 }))
    .sort((a, b) => a.index - b.index);
  const tickCount = options.ticks ?? 5;
  const ticks: Tick[] = times.length
    ? Array.from({ length: tickCount }, (_, k) => {
      const t = from + (span * k) / Math.max(tickCount - 1, 1);
      return { x: x(t), time: t };
    })
    : [];
  return { lanes, marks, ticks, width: options.width, height: top, from, to };
}

/** The events up to a moment: the moment picker's state is folded from these. */
export function countUpTo(events: TimelineInput[], moment: number): number {
  return events.filter((e) => Date.parse(e.time) <= moment).length;
}
