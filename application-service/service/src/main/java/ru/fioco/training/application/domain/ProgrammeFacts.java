package ru.fioco.training.application.domain;

import java.time.LocalDate;
import java.util.List;

/** What an application's rules need to know of its programme, looked up by the caller from the catalogue. */
public record ProgrammeFacts(String programmeId, String title, LocalDate startDate, List<String> subjects, boolean open) {

    public ProgrammeFacts {
        subjects = List.copyOf(subjects);
    }
}
