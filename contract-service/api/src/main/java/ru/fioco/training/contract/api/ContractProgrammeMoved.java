package ru.fioco.training.contract.api;

import java.time.LocalDate;

/**
 * The programme's dates changed after the contract opened: the contract's deadlines (conclusion, act) follow the new
 * dates, as messaging's reminders do.
 *
 * @param conflict what the move breaks, shown to staff (the conclusion's last day already past, an act issued before
 *                 the new end); null when nothing
 */
public record ContractProgrammeMoved(String applicationId, LocalDate programmeStart, LocalDate programmeEnd,
        String conflict) implements ContractEvent {
}
