package ru.fioco.training.application.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Staff published a further-training programme in the catalogue. Other services keep their own copy
 * of the catalogue from these events. No personal data.
 *
 * @param programmeId         the programme's id
 * @param title               «Наименование программы»
 * @param startDate           first day of the course (Europe/Moscow)
 * @param endDate             last day of the course
 * @param hours               academic hours
 * @param subjects            the subjects a participant may study (at least one)
 * @param pricePerParticipant roubles per participant; educational services carry no VAT («Без НДС»)
 */
public record ProgrammePublished(String programmeId, String title, LocalDate startDate, LocalDate endDate,
        int hours, List<String> subjects, BigDecimal pricePerParticipant) implements ApplicationEvent {

    public ProgrammePublished {
        subjects = List.copyOf(subjects);
    }
}
