package ru.fioco.training.application.domain.requisites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The requisites of an application form: what each identifier accepts, how it is kept, what it refuses. */
class RequisitesTest {

    private static final String REQUIRED = "обязательное поле";

    @Nested
    class EveryRequisite {

        private final Map<String, Function<String, Optional<String>>> problems = Map.of(
                "ИНН", Inn::problem, "КПП", Kpp::problem, "БИК", Bik::problem,
                "счёт", SettlementAccount::problem, "ОГРН", Ogrn::problem, "СНИЛС", Snils::problem,
                "телефон", PhoneNumber::problem, "почта", EmailAddress::problem);

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "\t\n", "\u00A0"})
        void isRequired(String blank) {
            problems.forEach((name, problem) -> assertThat(problem.apply(blank)).as(name).contains(REQUIRED));
            assertThatThrownBy(() -> Inn.parse(blank)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(REQUIRED);
        }

        @Test
        void aFormCollectsAllItsErrorsWithoutExceptions() {
            Map<String, Optional<String>> form = new LinkedHashMap<>();
            form.put("inn", Inn.problem("11111111111"));
            form.put("kpp", Kpp.problem(ValidRequisites.KPP));
            form.put("snils", Snils.problem("123-456-789 00"));
            form.put("account", SettlementAccount.problem(
                    ValidRequisites.withLastDigitChanged(ValidRequisites.SETTLEMENT_ACCOUNT), ValidRequisites.BIK));
            form.put("email", EmailAddress.problem("priem school.ru"));

            assertThat(form).containsEntry("inn", Optional.of("ИНН должен состоять из 10 или 12 цифр"))
                    .containsEntry("kpp", Optional.empty())
                    .containsEntry("snils", Optional.of("неверная контрольная сумма СНИЛС"))
                    .containsEntry("account",
                            Optional.of("расчётный счёт не соответствует БИК: неверный контрольный ключ"))
                    .containsEntry("email",
                            Optional.of("адрес электронной почты не должен содержать пробелов и служебных символов"));
        }

        @Test
        void theConstructorKeepsTheSameRulesAsParse() {
            assertThat(new Inn(" 7707083893 ")).isEqualTo(Inn.parse("7707083893"));
            assertThatThrownBy(() -> new Inn("7707083894")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("неверная контрольная сумма ИНН");
            assertThatThrownBy(() -> new Snils("123-456-789 00")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Inns {

        @Test
        void acceptsAWellKnownOrganisationInnAndTrimsIt() {
            Inn inn = Inn.parse("  7707083893\u00A0");

            assertThat(inn.value()).isEqualTo("7707083893");
            assertThat(inn.isOrganisation()).isTrue();
            assertThat(Inn.problem("7707083893")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"7736207543", "7736050003"})
        void acceptsOtherPublishedOrganisationInns(String inn) {
            assertThat(Inn.problem(inn)).isEmpty();
        }

        @Test
        void acceptsATwelveDigitInnOfAnIndividual() {
            Inn inn = Inn.parse(ValidRequisites.INN_INDIVIDUAL);

            assertThat(inn.value()).isEqualTo("500100732259");
            assertThat(inn.isOrganisation()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"7707083894", "500100732258", "500100732269", "1111111111"})
        void refusesAWrongCheckDigit(String inn) {
            assertThat(Inn.problem(inn)).contains("неверная контрольная сумма ИНН");
            assertThatThrownBy(() -> Inn.parse(inn)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("неверная контрольная сумма ИНН");
        }

        @ParameterizedTest
        @ValueSource(strings = {"11111111111", "770708389", "7707 083893", "77070838931234", "770708389O",
            "٧٧٠٧٠٨٣٨٩٣"})
        void refusesOtherLengthsAndNonDigits(String inn) {
            assertThat(Inn.problem(inn)).contains("ИНН должен состоять из 10 или 12 цифр");
        }

        @Test
        void refusesAllZerosThoughTheyPassTheChecksum() {
            assertThat(Inn.problem("0000000000")).contains("ИНН не может состоять из одних нулей");
            assertThat(Inn.problem("000000000000")).contains("ИНН не может состоять из одних нулей");
        }

        @Test
        void acceptsGeneratedFixtures() {
            LongStream.range(0, 500).forEach(seed -> {
                assertThat(Inn.problem(ValidRequisites.inn10(seed))).as("inn10(%d)", seed).isEmpty();
                assertThat(Inn.problem(ValidRequisites.inn12(seed))).as("inn12(%d)", seed).isEmpty();
                assertThat(Inn.problem(ValidRequisites.withLastDigitChanged(ValidRequisites.inn10(seed))))
                        .contains("неверная контрольная сумма ИНН");
            });
            assertThat(ValidRequisites.inn10(1)).isNotEqualTo(ValidRequisites.inn10(2));
        }
    }

    @Nested
    class Kpps {

        @Test
        void acceptsNineDigits() {
            assertThat(Kpp.parse(" 773601001 ").value()).isEqualTo("773601001");
        }

        @Test
        void acceptsLatinLettersInTheReasonCodeAndUpperCasesThem() {
            assertThat(Kpp.parse("7736AB001").value()).isEqualTo("7736AB001");
            assertThat(Kpp.parse("7736ab001").value()).isEqualTo("7736AB001");
        }

        @ParameterizedTest
        @ValueSource(strings = {"77360100", "7736010011", "7736 01001"})
        void refusesOtherLengths(String kpp) {
            assertThat(Kpp.problem(kpp)).contains("КПП должен состоять из 9 символов");
        }

        @ParameterizedTest
        @ValueSource(strings = {"77A601001", "7736АБ001", "773601A01", "7736-1001"})
        void refusesLettersOutsideTheReasonCodeAndCyrillicLetters(String kpp) {
            assertThat(Kpp.problem(kpp))
                    .contains("КПП: 4 цифры, затем 2 цифры или латинские буквы A–Z, затем 3 цифры");
        }
    }

    @Nested
    class Biks {

        @Test
        void acceptsARussianBankCode() {
            assertThat(Bik.parse(" 044525225 ").value()).isEqualTo("044525225");
        }

        @Test
        void refusesACodeNotStartingWith04() {
            assertThat(Bik.problem("054525225")).contains("БИК российского банка начинается с 04");
        }

        @ParameterizedTest
        @ValueSource(strings = {"04452522", "0445252250", "04452522X"})
        void refusesOtherLengths(String bik) {
            assertThat(Bik.problem(bik)).contains("БИК должен состоять из 9 цифр");
        }
    }

    @Nested
    class SettlementAccounts {

        @Test
        void acceptsAnAccountWhoseKeyFitsTheBik() {
            SettlementAccount account = SettlementAccount.parse(" 40702810938000012345 ", Bik.parse("044525225"));

            assertThat(account.value()).isEqualTo("40702810938000012345");
            assertThat(SettlementAccount.problem("40702810938000012345", "044525225")).isEmpty();
        }

        @Test
        void refusesAnAccountWhoseKeyDoesNotFitTheBik() {
            String wrong = "40702810038000012345";

            assertThat(SettlementAccount.problem(wrong, ValidRequisites.BIK))
                    .contains("расчётный счёт не соответствует БИК: неверный контрольный ключ");
            assertThatThrownBy(() -> SettlementAccount.parse(wrong, Bik.parse(ValidRequisites.BIK)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("расчётный счёт не соответствует БИК: неверный контрольный ключ");
            assertThat(SettlementAccount.parse(ValidRequisites.SETTLEMENT_ACCOUNT).matches(Bik.parse("044525999")))
                    .isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"4070281093800001234", "407028109380000123456", "4070 2810 9380 0001 2345"})
        void refusesOtherLengths(String account) {
            assertThat(SettlementAccount.problem(account)).contains("расчётный счёт должен состоять из 20 цифр");
            assertThat(SettlementAccount.problem(account, ValidRequisites.BIK))
                    .contains("расчётный счёт должен состоять из 20 цифр");
        }

        @Test
        void leavesAnInvalidBikToTheBikField() {
            assertThat(SettlementAccount.problem(ValidRequisites.SETTLEMENT_ACCOUNT, "12345")).isEmpty();
            assertThat(SettlementAccount.problem(ValidRequisites.SETTLEMENT_ACCOUNT, null)).isEmpty();
        }

        @Test
        void acceptsGeneratedFixturesForSeveralBanks() {
            for (String bik : new String[] {"044525225", "044525593", "044030653", "040349602"}) {
                LongStream.range(0, 200).forEach(seed -> assertThat(
                        SettlementAccount.problem(ValidRequisites.settlementAccount(bik, seed), bik)).isEmpty());
            }
        }

        @Test
        void theAlgorithmConfirmsSberbanksPublishedCorrespondentAccount() {
            // Cross-check of the 7-1-3 weighting on a real pair: for a correspondent account the prefix is
            // "0" + BIK digits 5–6 instead of digits 7–9.
            String digits = "0" + ValidRequisites.BIK.substring(4, 6) + ValidRequisites.SBERBANK_CORRESPONDENT_ACCOUNT;
            int[] weights = {7, 1, 3};
            int sum = 0;
            for (int i = 0; i < digits.length(); i++) {
                sum += (digits.charAt(i) - '0') * weights[i % 3] % 10;
            }
            assertThat(sum % 10).isZero();
        }
    }

    @Nested
    class Ogrns {

        @Test
        void acceptsAPublishedOgrnOfALegalEntity() {
            Ogrn ogrn = Ogrn.parse(" 1027700132195 ");

            assertThat(ogrn.value()).isEqualTo("1027700132195");
            assertThat(ogrn.isIndividualEntrepreneur()).isFalse();
            assertThat(Ogrn.problem("1027700229193")).isEmpty();
        }

        @Test
        void acceptsAnOgrnipOfAnIndividualEntrepreneur() {
            Ogrn ogrnip = Ogrn.parse(ValidRequisites.OGRNIP);

            assertThat(ogrnip.isIndividualEntrepreneur()).isTrue();
            // Here the remainder mod 13 (1) differs from the one mod 11 (5).
            assertThat(Ogrn.problem("321500000012341")).isEmpty();
            assertThat(Ogrn.problem("321500000012345")).contains("неверная контрольная сумма ОГРНИП");
        }

        @Test
        void refusesAWrongCheckDigit() {
            assertThat(Ogrn.problem("1027700132196")).contains("неверная контрольная сумма ОГРН");
            assertThat(Ogrn.problem("304500116000158")).contains("неверная контрольная сумма ОГРНИП");
        }

        @Test
        void theUnverifiedOgrnipChecksumCanBeSwitchedOff() {
            assertThat(Ogrn.problem("304500116000158", Ogrn.OgrnipCheck.LENGTH_ONLY)).isEmpty();
            assertThat(Ogrn.parse("304500116000158", Ogrn.OgrnipCheck.LENGTH_ONLY).value())
                    .isEqualTo("304500116000158");
            assertThat(Ogrn.problem("1027700132196", Ogrn.OgrnipCheck.LENGTH_ONLY))
                    .contains("неверная контрольная сумма ОГРН");
        }

        @ParameterizedTest
        @ValueSource(strings = {"102770013219", "10277001321950", "3045001160001570", "1027700I32195"})
        void refusesOtherLengths(String ogrn) {
            assertThat(Ogrn.problem(ogrn)).contains("ОГРН должен состоять из 13 цифр (ОГРНИП — из 15)");
        }

        @Test
        void acceptsGeneratedFixtures() {
            LongStream.range(0, 500).forEach(seed -> {
                assertThat(Ogrn.problem(ValidRequisites.ogrn(seed))).isEmpty();
                assertThat(Ogrn.problem(ValidRequisites.ogrnip(seed))).isEmpty();
            });
        }
    }

    @Nested
    class Snilses {

        @ParameterizedTest
        @ValueSource(strings = {"11223344595", "112-233-445 95", "112-233-445-95", "112 233 445 95",
            " 112-233-445  95 ", "112\u00A0233\u00A0445\u00A095"})
        void acceptsTheUsualWritingsAndKeepsElevenDigits(String written) {
            Snils snils = Snils.parse(written);

            assertThat(snils.value()).isEqualTo("11223344595");
            assertThat(snils.formatted()).isEqualTo("112-233-445 95");
        }

        @ParameterizedTest
        @ValueSource(strings = {"123-456-789 00", "112-233-445 96", "112-233-445 59"})
        void refusesAWrongCheckNumber(String snils) {
            assertThat(Snils.problem(snils)).contains("неверная контрольная сумма СНИЛС");
        }

        @Test
        void checksNumbersAboveTheOldRangeOnly() {
            // 001-001-998 and below were issued before check numbers existed.
            assertThat(Snils.problem("001-001-998 00")).isEmpty();
            assertThat(Snils.problem("001-001-999 00")).contains("неверная контрольная сумма СНИЛС");
        }

        @Test
        void mapsTheSumsOf100And101AndAbove101AsTheReferenceSays() {
            // 100-000-000: S = 9 → 09 (S below 100).
            assertThat(Snils.problem("100-000-000 09")).isEmpty();
            // 900-000-001: S = 81 + 1 = 82.
            assertThat(Snils.problem("900-000-001 82")).isEmpty();
            // 911-000-000: S = 81 + 8 + 7 = 96; 911-100-000: 96 + 6 = 102 → 102 mod 101 = 01.
            assertThat(Snils.problem("911-100-000 01")).isEmpty();
            // 911-000-020: 96 + 2·2 = 100 → 00; 911-000-021: 101 → 00.
            assertThat(Snils.problem("911-000-020 00")).isEmpty();
            assertThat(Snils.problem("911-000-021 00")).isEmpty();
            // 999-999-991: S = 9·45 − 8 = 397 → 397 mod 101 = 94.
            assertThat(Snils.problem("999-999-991 94")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1122334459", "112233445950", "11-22-33-44-595", "112-233-445 9 5", "112_233_445 95",
            "ABC-DEF-GHI 95"})
        void refusesOtherLengthsAndSeparatorsInsideGroups(String snils) {
            assertThat(Snils.problem(snils)).contains("СНИЛС должен состоять из 11 цифр (XXX-XXX-XXX YY)");
        }

        @Test
        void refusesAllZeros() {
            assertThat(Snils.problem("000-000-000 00")).contains("СНИЛС не может состоять из одних нулей");
        }

        @Test
        void acceptsGeneratedFixtures() {
            LongStream.range(0, 2000).forEach(seed -> {
                String snils = ValidRequisites.snils(seed * 449_999L);
                assertThat(Snils.problem(snils)).as(snils).isEmpty();
                assertThat(Snils.problem(ValidRequisites.withLastDigitChanged(snils)))
                        .contains("неверная контрольная сумма СНИЛС");
            });
        }
    }

    @Nested
    class PhoneNumbers {

        @ParameterizedTest
        @ValueSource(strings = {"8 (495) 123-45-67", "+7 495 1234567", "7-495-123-45-67", "(495) 123-45-67",
            "+7(495)123-45-67", "84951234567", "4951234567", "+7 495 123 45 67", "8.495.123.45.67",
            "+7\u00A0495\u00A0123\u201145\u201167"})
        void normalisesTheUsualWritingsOfARussianNumber(String written) {
            PhoneNumber phone = PhoneNumber.parse(written);

            assertThat(phone.value()).isEqualTo("+74951234567");
            assertThat(phone.extension()).isEmpty();
            assertThat(phone.formatted()).isEqualTo("+7 (495) 123-45-67");
        }

        @Test
        void acceptsMobileAndTollFreeNumbers() {
            assertThat(PhoneNumber.parse("8 916 123-45-67").value()).isEqualTo("+79161234567");
            assertThat(PhoneNumber.parse("8 800 555-35-35").value()).isEqualTo("+78005553535");
        }

        @ParameterizedTest
        @ValueSource(strings = {"8 (495) 123-45-67 доб. 123", "8 (495) 123-45-67, доб.123", "+7 495 1234567 ДОБ 123",
            "+7 495 1234567 ext. 123", "+7 495 1234567 x123", "+7 495 1234567 доп. 123"})
        void keepsAnExtension(String written) {
            PhoneNumber phone = PhoneNumber.parse(written);

            assertThat(phone.value()).isEqualTo("+74951234567 доб. 123");
            assertThat(phone.number()).isEqualTo("+74951234567");
            assertThat(phone.extension()).contains("123");
            assertThat(phone.formatted()).isEqualTo("+7 (495) 123-45-67 доб. 123");
            assertThat(new PhoneNumber(phone.value())).isEqualTo(phone);
        }

        @ParameterizedTest
        @ValueSource(strings = {"123-45-67", "8 495 123-45-6", "8 (49) 123-45-67", "7-495-123-45-6",
            "8 495 123-45-678", "+7 8 495 123-45-67", "доб. 123"})
        void refusesOtherLengths(String phone) {
            assertThat(PhoneNumber.problem(phone)).contains(
                    "номер телефона должен содержать 10 цифр с кодом города или оператора, например +7 495 123-45-67");
        }

        @Test
        void refusesAnExtensionOfMoreThanSixDigits() {
            assertThat(PhoneNumber.problem("8 495 123-45-67 доб. 1234567")).isPresent();
        }

        @ParameterizedTest
        @ValueSource(strings = {"тел. 8 495 123-45-67", "8 495 CALL-NOW", "+7 495 123+45-67", "8 495 123/45/67"})
        void refusesGarbage(String phone) {
            assertThat(PhoneNumber.problem(phone))
                    .contains("номер телефона может содержать только цифры, пробелы, дефисы, скобки и знак +");
        }

        @Test
        void refusesForeignNumbers() {
            assertThat(PhoneNumber.problem("+375 17 123-45-67"))
                    .contains("укажите российский номер телефона: +7 и 10 цифр");
            assertThat(PhoneNumber.problem("+7 701 123-45-67"))
                    .contains("код города или оператора должен начинаться с 3, 4, 8 или 9");
        }
    }

    @Nested
    class EmailAddresses {

        @Test
        void acceptsAnOrdinaryAddressAndLowerCasesTheDomainOnly() {
            EmailAddress email = EmailAddress.parse("  Priem.Komissiya+2027@School-42.RU ");

            assertThat(email.value()).isEqualTo("Priem.Komissiya+2027@school-42.ru");
            assertThat(email.localPart()).isEqualTo("Priem.Komissiya+2027");
            assertThat(email.domain()).isEqualTo("school-42.ru");
        }

        @ParameterizedTest
        @ValueSource(strings = {"info@школа.рф", "info@ШКОЛА.РФ", "директор@школа.рф", "a@b.co",
            "o'brien@mail.example.org"})
        void acceptsCyrillicDomainsAndLocalParts(String address) {
            assertThat(EmailAddress.problem(address)).isEmpty();
            assertThat(EmailAddress.parse("info@ШКОЛА.РФ").domain()).isEqualTo("школа.рф");
        }

        @Test
        void composesADecomposedLetter() {
            assertThat(EmailAddress.parse("info@ши\u0306ка.рф").domain()).isEqualTo("шйка.рф");
        }

        @ParameterizedTest
        @ValueSource(strings = {"priem school@mail.ru", "priem@mail .ru", "priem@\u200Bmail.ru", "pri\u0007em@mail.ru"})
        void refusesSpacesAndInvisibleCharacters(String address) {
            assertThat(EmailAddress.problem(address))
                    .contains("адрес электронной почты не должен содержать пробелов и служебных символов");
        }

        @ParameterizedTest
        @ValueSource(strings = {"priem.mail.ru", "priem@@mail.ru", "a@b@mail.ru"})
        void requiresExactlyOneAt(String address) {
            assertThat(EmailAddress.problem(address))
                    .contains("адрес электронной почты должен содержать ровно один знак @");
        }

        @Test
        void requiresALocalPartOfAtMost64Characters() {
            assertThat(EmailAddress.problem("@mail.ru")).contains("укажите имя почтового ящика перед знаком @");
            assertThat(EmailAddress.problem("a".repeat(64) + "@mail.ru")).isEmpty();
            assertThat(EmailAddress.problem("a".repeat(65) + "@mail.ru"))
                    .contains("имя почтового ящика (до знака @) не может быть длиннее 64 символов");
        }

        @Test
        void refusesMoreThan254Characters() {
            String domain = "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + ".ru";
            String local = "a".repeat(254 - 1 - domain.length());

            assertThat(EmailAddress.problem(local + "@" + domain)).isEmpty();
            assertThat(EmailAddress.problem(local + "a@" + domain))
                    .contains("адрес электронной почты не может быть длиннее 254 символов");
        }

        @ParameterizedTest
        @ValueSource(strings = {".priem@mail.ru", "priem.@mail.ru", "pri..em@mail.ru", "\"priem\"@mail.ru",
            "pri,em@mail.ru", "<priem>@mail.ru"})
        void refusesMalformedLocalParts(String address) {
            assertThat(EmailAddress.problem(address))
                    .contains("недопустимые символы или точки в имени почтового ящика (до знака @)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"priem@localhost", "priem@", "priem@mail.", "priem@.mail.ru", "priem@mail..ru",
            "priem@-mail.ru", "priem@mail-.ru", "priem@mail_box.ru", "priem@10.0.0.1", "priem@[10.0.0.1]"})
        void refusesMalformedDomains(String address) {
            assertThat(EmailAddress.problem(address)).contains(
                    "неверный домен в адресе электронной почты (после знака @), например school.ru или школа.рф");
        }

        @Test
        void refusesADomainLabelLongerThan63CharactersInAscii() {
            assertThat(EmailAddress.problem("a@" + "x".repeat(63) + ".ru")).isEmpty();
            assertThat(EmailAddress.problem("a@" + "x".repeat(64) + ".ru")).isPresent();
            // 60 Cyrillic letters fit in 63 characters of text but not in their punycode form.
            assertThat(EmailAddress.problem("a@" + "ш".repeat(60) + ".рф")).isPresent();
        }
    }

    @Nested
    class Fixtures {

        @Test
        void theConstantsAreValid() {
            assertThat(Inn.parse(ValidRequisites.INN_ORGANISATION).isOrganisation()).isTrue();
            assertThat(Inn.parse(ValidRequisites.INN_INDIVIDUAL).isOrganisation()).isFalse();
            assertThat(Kpp.problem(ValidRequisites.KPP)).isEmpty();
            assertThat(Ogrn.problem(ValidRequisites.OGRN)).isEmpty();
            assertThat(Ogrn.problem(ValidRequisites.OGRNIP)).isEmpty();
            assertThat(Bik.problem(ValidRequisites.BIK)).isEmpty();
            assertThat(SettlementAccount.problem(ValidRequisites.SETTLEMENT_ACCOUNT, ValidRequisites.BIK)).isEmpty();
            assertThat(ValidRequisites.settlementAccount(ValidRequisites.BIK, 38_000_012_345L))
                    .isEqualTo(ValidRequisites.SETTLEMENT_ACCOUNT);
            assertThat(Snils.parse(ValidRequisites.SNILS_FORMATTED).value()).isEqualTo(ValidRequisites.SNILS);
            assertThat(PhoneNumber.parse(ValidRequisites.PHONE).value()).isEqualTo(ValidRequisites.PHONE);
            assertThat(EmailAddress.parse(ValidRequisites.EMAIL).value()).isEqualTo(ValidRequisites.EMAIL);
        }
    }
}
