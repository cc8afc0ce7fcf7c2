package ru.fioco.training.application.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import ru.fioco.training.application.api.Tutor;
import ru.fioco.training.application.domain.ProgrammeCommands.ProgrammeDescription;

/**
 * A programme as staff enter it: presence and length of each field. The programme's own rules (the period, the
 * price in roubles and kopecks, distinct subjects, tutors) are the domain's ({@code Programme}). Messages are
 * Russian: they reach the cabinet as they are.
 */
public record ProgrammeRequest(
        @NotBlank(message = "укажите наименование программы") @Size(max = 500, message = "не длиннее 500 символов") String title,
        @NotNull(message = "укажите дату начала") LocalDate startDate,
        @NotNull(message = "укажите дату окончания") LocalDate endDate,
        @NotNull(message = "укажите количество часов") @Min(value = 1, message = "не меньше 1 часа")
        @Max(value = 2000, message = "не больше 2000 часов") Integer hours,
        @NotEmpty(message = "укажите хотя бы один предмет") @Size(max = 50, message = "не больше 50 предметов")
        List<@NotBlank(message = "пустое название предмета") @Size(max = 200, message = "не длиннее 200 символов") String> subjects,
        @NotNull(message = "укажите стоимость обучения одного участника") BigDecimal pricePerParticipant,
        @Size(max = 1000, message = "не длиннее 1000 символов")
        @Pattern(regexp = "https?://\\S+", message = "адрес курса должен начинаться с http:// или https://") String lmsCourseUrl,
        @Size(max = 20, message = "не больше 20 тьюторов") List<@NotNull(message = "пустой тьютор") Tutor> tutors) {

    /** The description as the domain takes it. */
    ProgrammeDescription description() {
        return new ProgrammeDescription(title, startDate, endDate, hours == null ? 0 : hours, subjects, pricePerParticipant,
                lmsCourseUrl, tutors);
    }
}
