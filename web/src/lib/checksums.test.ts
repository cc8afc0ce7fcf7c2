import { describe, expect, it } from 'vitest';
import { bikProblem, correspondentAccountProblem, formatSnils, innProblem, kppProblem, ogrnProblem, settlementAccountProblem, snilsProblem } from './checksums';

describe('requisite hints', () => {
  it('accepts real INNs and names what is wrong with others', () => {
    expect(innProblem('7707083893')).toBeNull(); // Сбербанк
    expect(innProblem('500100732259')).toBeNull();
    expect(innProblem('7707083890')).toBe('неверная контрольная сумма ИНН');
    expect(innProblem('770708389')).toMatch(/10 цифр/);
    expect(innProblem('0000000000')).toMatch(/нулей/);
    expect(innProblem('77 0708 3893')).toBeNull();
  });

  it('checks KPP and BIK by their shape', () => {
    expect(kppProblem('773601001')).toBeNull();
    expect(kppProblem('7736AB001')).toBeNull();
    expect(kppProblem('77360100')).not.toBeNull();
    expect(bikProblem('044525225')).toBeNull();
    expect(bikProblem('144525225')).toMatch(/04/);
    expect(bikProblem('04452522')).toMatch(/9 цифр/);
  });

  it('checks the SNILS check number, also in its written form', () => {
    expect(snilsProblem('11223344595')).toBeNull();
    expect(snilsProblem('112-233-445 95')).toBeNull();
    expect(snilsProblem('112-233-445 96')).toBe('неверное контрольное число СНИЛС');
    expect(snilsProblem('001-001-997 00')).toBeNull(); // old numbers carry no check
    expect(snilsProblem('1122334459')).toMatch(/11 цифр/);
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
  });

  it('checks OGRN and the accounts against the BIK as the service does', () => {
    expect(ogrnProblem('1027700132195')).toBeNull(); // Сбербанк
    expect(ogrnProblem('304500116000157')).toBeNull();
    expect(ogrnProblem('1027700132196')).toBe('неверное контрольное число ОГРН');
    expect(ogrnProblem('10277001321')).toMatch(/13 цифр/);
    expect(settlementAccountProblem('40702810938000012345', '044525225')).toBeNull();
    expect(settlementAccountProblem('40702810038000012345', '044525225')).toMatch(/неверный контрольный ключ/);
    expect(settlementAccountProblem('40702810038000012345', '0445')).toBeNull(); // the BIK is wrong: said there
    expect(settlementAccountProblem('407028109', '044525225')).toMatch(/20 цифр/);
    expect(correspondentAccountProblem('30101810400000000225', '044525225')).toBeNull();
    expect(correspondentAccountProblem('30101810500000000225', '044525225')).toMatch(/неверный контрольный ключ/);
    expect(correspondentAccountProblem('30101810400000000226', '044525225')).toMatch(/последние три цифры/);
    expect(correspondentAccountProblem('40101810400000000225', '044525225')).toMatch(/30101/);
  });
});
