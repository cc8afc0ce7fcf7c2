import { describe, expect, it } from 'vitest';
import { claims } from './session';

function token(payload: object): string {
  const json = JSON.stringify(payload);
  const bytes = new TextEncoder().encode(json);
  const base64 = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `header.${base64}.signature`;
}

describe('the signed-in person', () => {
  it('is read from the access token, names in Cyrillic included', () => {
    const c = claims(token({ sub: 'u1', name: 'Фёдор Сумкин', groups: ['representative'], org: '7707083893' }));
    expect(c.name).toBe('Фёдор Сумкин');
    expect(c.org).toBe('7707083893');
    expect(c.groups).toEqual(['representative']);
  });
});
