import { describe, expect, it } from 'vitest';
import { markOf, plural, summary } from './marks';

describe('document marks', () => {
  it('read as the seed writes them, with words beside the symbol', () => {
    expect(markOf('ACCEPTED')).toEqual({ symbol: '✔', label: 'принят', colour: 'success' });
    expect(markOf('REJECTED').symbol).toBe('✘');
    expect(markOf('ATTENTION').symbol).toBe('!');
    expect(markOf('MISSING').label).toBe('не загружен');
  });

  it('sum up the required and the uploaded slots only', () => {
    expect(summary([
      { indicator: 'ACCEPTED', required: true },
      { indicator: 'ACCEPTED', required: true },
      { indicator: 'REJECTED', required: true },
      { indicator: 'MISSING', required: false },
      { indicator: 'MISSING', required: true },
    ])).toBe('2 принято, 1 отклонён, 1 не загружен');
    expect(summary([{ indicator: 'MISSING', required: false }])).toBe('нет документов');
  });

  it('speaks Russian plurals', () => {
    expect([1, 2, 5, 11, 21, 22, 112].map((n) => `${n} ${plural(n, 'файл', 'файла', 'файлов')}`)).toEqual([
      '1 файл', '2 файла', '5 файлов', '11 файлов', '21 файл', '22 файла', '112 файлов',
    ]);
  });
});
