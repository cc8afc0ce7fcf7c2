import { describe, expect, it } from 'vitest';
import { fieldErrors } from './fieldErrors';
import { ApiError, describeError, fieldPath, splitViolations } from './problem';

describe('problem+json in the forms', () => {
  it('turns a violation\'s field into a form path', () => {
    expect(fieldPath('participants[1].documents.SNILS')).toEqual(['participants', 1, 'documents', 'SNILS']);
    expect(fieldPath('applicant.email')).toEqual(['applicant', 'email']);
    expect(fieldPath('attachmentIds[0]')).toEqual(['attachmentIds', 0]);
    expect(fieldPath('body')).toEqual(['body']);
  });

  it('puts each message on its field, and what the form lacks on top', () => {
    const known = (p: (string | number)[]) => p[0] === 'applicant' || (p[0] === 'participants' && p.length === 3);
    const split = splitViolations([
      { field: 'applicant.email', message: 'неверный адрес' },
      { field: 'applicant.email', message: 'не длиннее 254 символов' },
      { field: 'participants[0].snils', message: 'неверное контрольное число СНИЛС' },
      { field: 'participants[1].documents.SNILS', message: 'загрузите скан' },
    ], known);
    expect(split.fields).toEqual([
      { name: ['applicant', 'email'], errors: ['неверный адрес', 'не длиннее 254 символов'] },
      { name: ['participants', 0, 'snils'], errors: ['неверное контрольное число СНИЛС'] },
    ]);
    expect(split.rest).toEqual(['participants[1].documents.SNILS: загрузите скан']);
  });

  it('gathers a small form\'s messages by field', () => {
    const e = new ApiError(400, { type: 't', title: 'Некорректные данные', status: 400, detail: 'Проверьте поля',
      errors: [{ field: 'receivedOn', message: 'дата в формате ГГГГ-ММ-ДД' }, { field: 'receivedOn', message: 'не в будущем' }] });
    expect(fieldErrors(e)).toEqual({ receivedOn: 'дата в формате ГГГГ-ММ-ДД; не в будущем' });
    expect(fieldErrors(new Error('сеть'))).toEqual({});
    expect(fieldErrors(null)).toEqual({});
  });

  it('says in Russian what went wrong', () => {
    const e = new ApiError(422, { type: 't', title: 'Нарушено правило', status: 422, detail: 'Срок прошёл',
      errors: [{ field: 'programmeStartDate', message: 'Срок прошёл' }] });
    expect(describeError(e)).toBe('Срок прошёл\nprogrammeStartDate: Срок прошёл');
    expect(describeError(new ApiError(0, null))).toMatch(/Нет связи/);
  });
});
