package ru.fioco.training.application.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import ru.fioco.training.platform.api.PersonalData;

/**
 * The application form of the cabinet (seed 002, Рис. 2 and 3), as the representative filled it in.
 * Values are normalised (phones as +7..., SNILS as 11 digits) but otherwise stored as given.
 */
public record ApplicationForm(Applicant applicant, ResultDelivery resultDelivery, boolean viaProcurementPlatform,
        String comment, PaymentTerms paymentTerms, String programmeId, Organisation organisation,
        boolean personalDataConsent, List<Participant> participants) {

    public ApplicationForm {
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /** «Заявитель»: the organisation's representative who files the application. */
    public record Applicant(@PersonalData(subject = "applicant") String surname, @PersonalData(subject = "applicant") String name, @PersonalData(subject = "applicant") String patronymic,
            String position, @PersonalData(subject = "applicant") String workPhone, @PersonalData(subject = "applicant") String mobilePhone,
            @PersonalData(subject = "applicant") String email) {

        /** «Фамилия Имя Отчество». */
        public String fullName() {
            return PersonNames.full(surname, name, patronymic);
        }
    }

    /** «Получение результатов». */
    public enum ResultDelivery { ELECTRONIC, PAPER }

    /** «Условия оплаты»: 100 % prepayment or payment after the services. */
    public enum PaymentTerms { PREPAYMENT, POSTPAYMENT }

    /**
     * The organisation and the requisites its contract needs: OGRN, the bank (name, BIK, settlement and
     * correspondent accounts) and who signs for it.
     *
     * @param ogrn                 «ОГРН», 13 digits; null in forms filed before the contract's requisites were asked
     * @param settlementAccount    «расчётный счёт», 20 digits matching the BIK; null as above
     * @param correspondentAccount «корреспондентский счёт» of the bank, 30101…; null as above
     * @param bankName             the bank's name; null as above
     * @param signatory            who signs the contract for the organisation; null as above
     */
    public record Organisation(String region, String fullName, String shortName, String officialEmail,
            String fisOkoLogin, String legalAddress, String postalAddress, String inn, String kpp, String bik,
            String ogrn, String settlementAccount, String correspondentAccount, String bankName, Signatory signatory) {

        /** An organisation as filed before the contract's requisites were asked. */
        public Organisation(String region, String fullName, String shortName, String officialEmail, String fisOkoLogin,
                String legalAddress, String postalAddress, String inn, String kpp, String bik) {
            this(region, fullName, shortName, officialEmail, fisOkoLogin, legalAddress, postalAddress, inn, kpp, bik,
                    null, null, null, null, null);
        }
    }

    /**
     * Who signs the contract for the organisation («в лице … действующего на основании …»): the head on the
     * charter, or another person on a power of attorney with its number and date.
     */
    public record Signatory(String position, @PersonalData(subject = "signatory") String fullName, SignatoryBasis basis,
            String powerOfAttorneyNumber, LocalDate powerOfAttorneyDate) {

        /** «Устава» or «доверенности № 12 от 10.01.2027», as the contract's preamble puts it. */
        public String basisInGenitive() {
            if (basis == SignatoryBasis.POWER_OF_ATTORNEY) {
                return "доверенности № " + powerOfAttorneyNumber + (powerOfAttorneyDate == null ? ""
                        : " от " + java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(powerOfAttorneyDate));
            }
            return "Устава";
        }
    }

    /** On what authority the signatory signs. */
    public enum SignatoryBasis { CHARTER, POWER_OF_ATTORNEY }

    /** One participant studying one subject («слушатель»); a person with two subjects is two participants. */
    public record Participant(String participantId, @PersonalData(subject = "participantId") String surname, @PersonalData(subject = "participantId") String name,
            @PersonalData(subject = "participantId") String patronymic, Sex sex, String position, @PersonalData(subject = "participantId") LocalDate birthDate,
            String subject, EducationLevel educationLevel, @PersonalData(subject = "participantId") String diplomaSurname,
            @PersonalData(subject = "participantId") String diplomaSeries, @PersonalData(subject = "participantId") String diplomaNumber, @PersonalData(subject = "participantId") String snils,
            @PersonalData(subject = "participantId") String email) {

        /** «Фамилия Имя Отчество». */
        public String fullName() {
            return PersonNames.full(surname, name, patronymic);
        }

        /** «Фамилия И. О.». */
        public String shortName() {
            return PersonNames.initials(surname, name, patronymic);
        }

        /** The full name and the subject: one person studying two subjects is two participants. */
        public String displayName() {
            return fullName() + (subject == null || subject.isBlank() ? "" : " (" + subject.strip() + ")");
        }

        /**
         * A document of the change of surname is needed when the diploma was issued under another surname; case,
         * spaces and «ё» written as «е» make no difference.
         */
        public boolean nameChangeRequired() {
            if (surname == null || diplomaSurname == null || diplomaSurname.isBlank()) {
                return false;
            }
            return !comparable(surname).equals(comparable(diplomaSurname));
        }

        private static String comparable(String surname) {
            return surname.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
        }

        /** The same person and subject with other data (a correction): the id stays. */
        public Participant withId(String id) {
            return new Participant(id, surname, name, patronymic, sex, position, birthDate, subject, educationLevel,
                    diplomaSurname, diplomaSeries, diplomaNumber, snils, email);
        }
    }

    public enum Sex { MALE, FEMALE }

    /** «Уровень предыдущего образования»: higher (ВО) or secondary vocational (СПО). */
    public enum EducationLevel { HIGHER, SECONDARY_VOCATIONAL }
}
