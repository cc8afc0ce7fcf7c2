package ru.fioco.training.application.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Staff publish a programme in the catalogue. */
public record PublishProgramme(String programmeId, String title, LocalDate startDate, LocalDate endDate, int hours,
        List<String> subjects, BigDecimal pricePerParticipant) {
}
