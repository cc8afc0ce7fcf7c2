import type { NextStepsNext, NextStepsStep } from '../api/types';
import { date } from './format';

/** What the front page shows for one side's step: the text, «до 12.01.2027», overdue or provisional notes. */
export interface StepLine {
  text: string;
  due: string | null;
  tone: 'overdue' | 'soon' | 'normal' | 'none';
  note: string | null;
}

const DAY = 24 * 60 * 60 * 1000;

export function stepLine(step: NextStepsStep | null, today: Date = new Date()): StepLine {
  if (!step) {
    return { text: 'Действий не требуется', due: null, tone: 'none', note: null };
  }
  if (!step.dueDate) {
    return { text: step.text, due: null, tone: 'normal', note: null };
  }
  const due = `до ${date(step.dueDate)}`;
  const [y, m, d] = step.dueDate.split('-').map(Number);
  const daysLeft = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) / DAY);
  const tone = step.overdue || daysLeft < 0 ? 'overdue' : daysLeft <= 3 ? 'soon' : 'normal';
  const note = tone === 'overdue' ? 'срок прошёл' : step.provisional ? 'по предварительному производственному календарю' : null;
  return { text: step.text, due, tone, note };
}

/** The front page's order: what is overdue first, then by the nearest date, what has no date last. */
export function byUrgency(items: NextStepsNext[], side: 'organisation' | 'institute'): NextStepsNext[] {
  const key = (n: NextStepsNext) => {
    const s = n[side];
    if (!s) return [3, ''];
    if (s.overdue) return [0, s.dueDate ?? ''];
    return s.dueDate ? [1, s.dueDate] : [2, ''];
  };
  return [...items].sort((a, b) => {
    const [ka, da] = key(a);
    const [kb, db] = key(b);
    return ka !== kb ? Number(ka) - Number(kb) : String(da).localeCompare(String(db));
  });
}
