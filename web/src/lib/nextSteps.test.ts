import { describe, expect, it } from 'vitest';
import type { NextStepsNext } from '../api/types';
import { byUrgency, stepLine } from './nextSteps';

const today = new Date(2027, 0, 10);

function next(id: string, dueDate: string | null, overdue = false): NextStepsNext {
  return {
    applicationId: id, number: null, status: 'IN_WORK', statusTitle: 'исполнение', contractStatus: null,
    organisation: { text: id, dueDate, provisional: false, overdue }, institute: null,
    unreadForOrganisation: 0, unreadForInstitute: 0,
  };
}

describe('next steps', () => {
  it('say what to do and by when, and whether it is late or close', () => {
    expect(stepLine({ text: 'Оплатите счёт № СЧ-2027-000001', dueDate: '2027-01-12', provisional: false, overdue: false }, today))
      .toEqual({ text: 'Оплатите счёт № СЧ-2027-000001', due: 'до 12.01.2027', tone: 'soon', note: null });
    expect(stepLine({ text: 'Загрузите СНИЛС: Петров П. П.', dueDate: '2027-01-09', provisional: false, overdue: true }, today).tone)
      .toBe('overdue');
    expect(stepLine({ text: 'x', dueDate: '2028-03-01', provisional: true, overdue: false }, today).note)
      .toBe('по предварительному производственному календарю');
    expect(stepLine(null, today).text).toBe('Действий не требуется');
  });

  it('put the overdue first, then the nearest date, the undated last', () => {
    const order = byUrgency([next('later', '2027-02-01'), next('none', null), next('late', '2027-01-01', true),
      next('soon', '2027-01-11')], 'organisation').map((n) => n.applicationId);
    expect(order).toEqual(['late', 'soon', 'later', 'none']);
  });
});
