package ru.fioco.training.application.api;

/** Staff checked the form and took the application into work («исполнение»); contract-service opens the contract. */
public record ApplicationTakenIntoWork(String applicationId, String number, String organisationInn, String programmeId,
        ApplicationForm.PaymentTerms paymentTerms, int participantCount) implements ApplicationEvent {
}
