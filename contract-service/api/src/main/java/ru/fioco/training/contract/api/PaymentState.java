package ru.fioco.training.contract.api;

import java.math.BigDecimal;

/** How much of the contract's invoice is paid: one wording for the contract's view and the history. */
public enum PaymentState {
    UNPAID("не оплачен"),
    PARTLY_PAID("оплачен частично"),
    PAID("оплачен");

    private final String title;

    PaymentState(String title) {
        this.title = title;
    }

    /** @param invoiced null while no invoice is issued */
    public static PaymentState of(BigDecimal invoiced, BigDecimal paid) {
        if (invoiced != null && paid != null && paid.compareTo(invoiced) >= 0) {
            return PAID;
        }
        return paid != null && paid.signum() > 0 ? PARTLY_PAID : UNPAID;
    }

    public String title() {
        return title;
    }
}
