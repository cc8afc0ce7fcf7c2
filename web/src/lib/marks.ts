import type { SlotIndicator } from '../api/types';

/** How a document slot's state reads on screen: the seed's marks ✔ / ✘ / ! and an empty slot, each with words. */
export interface Mark {
  symbol: string;
  label: string;
  /** antd Tag colour. */
  colour: 'success' | 'error' | 'warning' | 'default';
}

const MARKS: Record<SlotIndicator, Mark> = {
  ACCEPTED: { symbol: '✔', label: 'принят', colour: 'success' },
  REJECTED: { symbol: '✘', label: 'отклонён', colour: 'error' },
  ATTENTION: { symbol: '!', label: 'на проверке', colour: 'warning' },
  MISSING: { symbol: '—', label: 'не загружен', colour: 'default' },
};

export function markOf(indicator: SlotIndicator): Mark {
  return MARKS[indicator];
}

/** Counts of a participant's (or the application's) slots by state, only the required or uploaded ones. */
export function tally(slots: { indicator: SlotIndicator; required: boolean }[]): Record<SlotIndicator, number> {
  const counts: Record<SlotIndicator, number> = { ACCEPTED: 0, REJECTED: 0, ATTENTION: 0, MISSING: 0 };
  for (const s of slots) {
    if (s.required || s.indicator !== 'MISSING') {
      counts[s.indicator] += 1;
    }
  }
  return counts;
}

/** One line for a set of slots: «3 принято, 1 отклонён, 1 не загружен». */
export function summary(slots: { indicator: SlotIndicator; required: boolean }[]): string {
  const t = tally(slots);
  const parts: string[] = [];
  if (t.ACCEPTED) parts.push(`${t.ACCEPTED} ${plural(t.ACCEPTED, 'принят', 'принято', 'принято')}`);
  if (t.ATTENTION) parts.push(`${t.ATTENTION} на проверке`);
  if (t.REJECTED) parts.push(`${t.REJECTED} ${plural(t.REJECTED, 'отклонён', 'отклонено', 'отклонено')}`);
  if (t.MISSING) parts.push(`${t.MISSING} ${plural(t.MISSING, 'не загружен', 'не загружено', 'не загружено')}`);
  return parts.length ? parts.join(', ') : 'нет документов';
}

/** Russian plural: 1 документ, 2 документа, 5 документов. */
export function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}
