/**
 * Hints as one types the requisites of the application form (ИНН, КПП, БИК, СНИЛС): the same rules the services
 * check, so a typo shows at the field before the form is sent. The services stay the judges; a hint only helps.
 */

const digitsOnly = (value: string) => value.replace(/[\s-]/g, '');

function weighted(digits: string, weights: number[]): number {
  return weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0);
}

/** ИНН: 10 digits (an organisation) or 12 (a person), with their check digits. Null: fine. */
export function innProblem(raw: string): string | null {
  const v = digitsOnly(raw);
  if (!/^\d+$/.test(v) || (v.length !== 10 && v.length !== 12)) {
    return 'ИНН — 10 цифр (организация) или 12 (индивидуальный предприниматель)';
  }
  if (/^0+$/.test(v)) {
    return 'ИНН не может состоять из одних нулей';
  }
  if (v.length === 10) {
    const c = (weighted(v, [2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
    return c === Number(v[9]) ? null : 'неверная контрольная сумма ИНН';
  }
  const c11 = (weighted(v, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  const c12 = (weighted(v, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  return c11 === Number(v[10]) && c12 === Number(v[11]) ? null : 'неверная контрольная сумма ИНН';
}

/** КПП: 9 characters, the 5th and 6th may be capital Latin letters. */
export function kppProblem(raw: string): string | null {
  const v = digitsOnly(raw).toUpperCase();
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(v) ? null : 'КПП — 9 знаков: 4 цифры, 2 цифры или латинские буквы, 3 цифры';
}

/** БИК: 9 digits, a Russian bank's starting with 04. */
export function bikProblem(raw: string): string | null {
  const v = digitsOnly(raw);
  if (!/^\d{9}$/.test(v)) {
    return 'БИК — 9 цифр';
  }
  return v.startsWith('04') ? null : 'БИК российского банка начинается с 04';
}

/** СНИЛС: 11 digits, the last two the check number of the first nine (numbers up to 001-001-998 have none). */
export function snilsProblem(raw: string): string | null {
  const v = raw.replace(/[\s-]/g, '');
  if (!/^\d{11}$/.test(v)) {
    return 'СНИЛС — 11 цифр, например 112-233-445 95';
  }
  if (/^0+$/.test(v)) {
    return 'СНИЛС не может состоять из одних нулей';
  }
  const body = v.slice(0, 9);
  const check = Number(v.slice(9));
  if (Number(body) <= 1001998) {
    return null;
  }
  const sum = weighted(body, [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const expected = sum < 100 ? sum : sum === 100 || sum === 101 ? 0 : (sum % 101) % 100;
  return expected === check ? null : 'неверное контрольное число СНИЛС';
}

/** СНИЛС as people write it: 112-233-445 95. */
export function formatSnils(raw: string): string {
  const v = raw.replace(/\D/g, '');
  if (v.length !== 11) {
    return raw;
  }
  return `${v.slice(0, 3)}-${v.slice(3, 6)}-${v.slice(6, 9)} ${v.slice(9)}`;
}

/** ОГРН: 13 digits, the last the remainder of the first 12 by 11 (10 becomes 0); ОГРНИП: 15, by 13. */
export function ogrnProblem(raw: string): string | null {
  const v = digitsOnly(raw);
  if (!/^\d{13}$/.test(v) && !/^\d{15}$/.test(v)) {
    return 'ОГРН — 13 цифр (ОГРНИП — 15)';
  }
  // OGRNIP's 14-digit body is past what a double holds exactly: BigInt for both
  const body = BigInt(v.slice(0, v.length - 1));
  const check = Number((body % BigInt(v.length === 13 ? 11 : 13)) % 10n);
  return check === Number(v[v.length - 1]) ? null : 'неверное контрольное число ОГРН';
}

/** The Central Bank's key of an account: weights 7, 1, 3 over the 23 digits, a multiple of 10 when right. */
function accountKeyFits(digits23: string): boolean {
  const weights = [7, 1, 3];
  let sum = 0;
  for (let i = 0; i < digits23.length; i++) {
    sum += (Number(digits23[i]) * weights[i % 3]) % 10;
  }
  return sum % 10 === 0;
}

/** Расчётный счёт: 20 digits whose key fits the bank's BIK (its last three digits); unchecked while the BIK is wrong. */
export function settlementAccountProblem(raw: string, bik: string | null | undefined): string | null {
  const v = digitsOnly(raw);
  if (!/^\d{20}$/.test(v)) {
    return 'расчётный счёт — 20 цифр';
  }
  const b = digitsOnly(bik ?? '');
  if (bikProblem(b)) {
    return null;
  }
  return accountKeyFits(b.slice(6, 9) + v) ? null : 'расчётный счёт не соответствует БИК: неверный контрольный ключ';
}

/** Корреспондентский счёт: 20 digits, 30101…, ending with the BIK's last three, its key over «0» + BIK digits 5–6. */
export function correspondentAccountProblem(raw: string, bik: string | null | undefined): string | null {
  const v = digitsOnly(raw);
  if (!/^\d{20}$/.test(v)) {
    return 'корреспондентский счёт — 20 цифр';
  }
  if (!v.startsWith('30101')) {
    return 'корреспондентский счёт банка начинается с 30101';
  }
  const b = digitsOnly(bik ?? '');
  if (bikProblem(b)) {
    return null;
  }
  if (!v.endsWith(b.slice(6, 9))) {
    return 'корреспондентский счёт не соответствует БИК: последние три цифры должны совпадать';
  }
  return accountKeyFits(`0${b.slice(4, 6)}${v}`) ? null : 'корреспондентский счёт не соответствует БИК: неверный контрольный ключ';
}
