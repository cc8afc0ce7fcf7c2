import { describe, expect, it } from 'vitest';
import { ApiError } from './problem';
import {
  DEAD_LETTER_FILTERS, deadLetterStateLabel, pollInterval, publishesNothing, quarantineStateLabel, readablePayload,
  serviceTitle, shortType,
} from './operations';

describe('the operations page', () => {
  it('names the dead letters\' and the quarantine\'s states in Russian', () => {
    expect(deadLetterStateLabel('WAITING')).toBe('ждёт решения');
    expect(deadLetterStateLabel('REDRIVING')).toBe('отправлена повторно');
    expect(deadLetterStateLabel('REDRIVEN')).toBe('применена');
    expect(quarantineStateLabel('PARKED')).toBe('в карантине');
    expect(quarantineStateLabel('SKIPPED')).toBe('пропущено');
    expect(DEAD_LETTER_FILTERS.map((f) => f.value)).toEqual(['', 'WAITING', 'REDRIVEN']);
  });

  it('shows an event type by its short name', () => {
    expect(shortType('ru.fioco.training.application.api.events.ApplicationSubmitted')).toBe('ApplicationSubmitted');
    expect(shortType('Plain')).toBe('Plain');
    expect(shortType(null)).toBe('—');
    expect(shortType('odd.')).toBe('odd.');
  });

  it('indents a JSON payload and leaves any other as it came', () => {
    expect(readablePayload('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(readablePayload('not json')).toBe('not json');
    expect(readablePayload(null)).toBe('(пусто)');
  });

  it('tells a service without a publisher from a failure', () => {
    expect(publishesNothing(new ApiError(404, { type: 'x/not-found', title: 'Не найдено', status: 404 }))).toBe(true);
    expect(publishesNothing(new ApiError(500, null))).toBe(false);
    expect(publishesNothing(new Error('x'))).toBe(false);
  });

  it('names a service and polls quickly only while something is under way', () => {
    expect(serviceTitle('messaging-service')).toBe('Переписка (messaging-service)');
    expect(pollInterval(true)).toBe(2_000);
    expect(pollInterval(false)).toBe(15_000);
  });
});
