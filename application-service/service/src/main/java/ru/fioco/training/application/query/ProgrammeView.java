package ru.fioco.training.application.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import ru.fioco.training.application.api.Tutor;

/** A programme as the catalogue shows it. */
public record ProgrammeView(String id, String title, LocalDate startDate, LocalDate endDate, int hours,
        List<String> subjects, BigDecimal pricePerParticipant, String vat, String lmsCourseUrl, List<Tutor> tutors,
        boolean open) {

    /** Educational services are exempt from VAT; every price of the catalogue says so. */
    public static final String VAT_EXEMPT = "Без НДС";
}
