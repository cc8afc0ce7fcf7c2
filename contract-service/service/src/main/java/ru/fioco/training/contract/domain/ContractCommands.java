package ru.fioco.training.contract.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import ru.fioco.training.contract.api.ContractTerms;

/** The commands of a contract. */
public final class ContractCommands {

    private ContractCommands() {
    }

    /** The application was taken into work: open its contract and issue the first drafts. */
    public record OpenContract(String applicationId, ContractTerms terms) {
    }

    /** Staff issue a revised draft (a new version; the earlier ones are kept). */
    public record ReviseDrafts(@TargetAggregateIdentifier String applicationId, String note) {
    }

    /** Staff conclude the contract. */
    public record Conclude(@TargetAggregateIdentifier String applicationId) {
    }

    /** Staff record a payment order. */
    public record RecordPayment(@TargetAggregateIdentifier String applicationId, String paymentOrderNumber,
            LocalDate paidOn, BigDecimal amount) {
    }
}
