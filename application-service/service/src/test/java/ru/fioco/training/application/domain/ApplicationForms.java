package ru.fioco.training.application.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ru.fioco.training.application.api.ApplicationForm;
import ru.fioco.training.application.api.ApplicationForm.Applicant;
import ru.fioco.training.application.api.ApplicationForm.EducationLevel;
import ru.fioco.training.application.api.ApplicationForm.Organisation;
import ru.fioco.training.application.api.ApplicationForm.Signatory;
import ru.fioco.training.application.api.ApplicationForm.SignatoryBasis;
import ru.fioco.training.application.api.ApplicationForm.Participant;
import ru.fioco.training.application.api.ApplicationForm.PaymentTerms;
import ru.fioco.training.application.api.ApplicationForm.ResultDelivery;
import ru.fioco.training.application.api.ApplicationForm.Sex;
import ru.fioco.training.application.domain.requisites.ValidRequisites;

/** Complete, valid application forms with real checksum-valid requisites, to vary one field at a time. */
public final class ApplicationForms {

    /** Sberbank's INN, KPP and BIK: real and checksum-valid. */
    public static final String INN = "7707083893";
    public static final String KPP = "773601001";
    public static final String BIK = "044525225";

    private ApplicationForms() {
    }

    public static ApplicationForm complete(String programmeId, int participants) {
        return complete(programmeId, INN, participants);
    }

    public static ApplicationForm complete(String programmeId, String inn, int participants) {
        List<Participant> list = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            list.add(participant(i, "Математика"));
        }
        return new ApplicationForm(
                new Applicant("Сумкин", "Фёдор", "Иванович", "Заместитель директора", "+7(495)-123-45-67",
                        "8 916 123-45-67", "Sarazied@Yandex.ru"),
                ResultDelivery.PAPER, false, null, PaymentTerms.PREPAYMENT, programmeId,
                new Organisation("г. Москва", "Муниципальное бюджетное общеобразовательное учреждение «Пример»",
                        "МБОУ \"Пример\"", "mail@school.ru", null, "111111, Москва, ул. Кремлёвская, д. 1",
                        "111111, Москва, ул. Кремлёвская, д. 1", inn, KPP, BIK, ValidRequisites.OGRN,
                        ValidRequisites.SETTLEMENT_ACCOUNT, ValidRequisites.SBERBANK_CORRESPONDENT_ACCOUNT,
                        "ПАО Сбербанк", new Signatory("Директор", "Иванов Иван Иванович", SignatoryBasis.CHARTER, null,
                                null)),
                true, list);
    }

    public static Participant participant(int seed, String subject) {
        return new Participant(null, "Петров" + (seed == 0 ? "" : "-" + seed), "Пётр", "Петрович", Sex.MALE,
                "Учитель", LocalDate.of(1980, 1, 1).plusDays(seed), subject, EducationLevel.HIGHER, "Петров", "АП",
                "12345" + seed, ValidRequisites.snils(1000 + seed), "petrov" + seed + "@school.ru");
    }
}
