package ru.fioco.training.application.query.history;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The application, its documents, its contract and its thread as they stood after a list of events: a
 * fold over the history, so that «as of a moment» is the history cut at that moment.
 */
public record StateAsOf(ApplicationState application, DocumentsState documents, ContractState contract,
        ThreadState thread) {

    public record ApplicationState(String status, String number) {
    }

    /** Per document slot (and participant), the state of its current version. */
    public record DocumentsState(int uploaded, int accepted, int rejected, int awaitingReview, boolean allAccepted) {
    }

    /** {@code label}: the contract's stage in Russian, e.g. «заключён, не оплачен». */
    public record ContractState(String status, String label, BigDecimal invoiced, BigDecimal paid, boolean fullyPaid,
            int certificates, String trackingNumber) {
    }

    public record ThreadState(boolean open, int messages, int notices) {
    }

    static StateAsOf fold(List<Entry> events) {
        String appStatus = null;
        String number = null;
        Map<String, String> slots = new HashMap<>();
        boolean allAccepted = false;
        String contract = null;
        BigDecimal invoiced = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        boolean fullyPaid = false;
        int certificates = 0;
        String tracking = null;
        boolean threadOpen = false;
        int messages = 0;
        int notices = 0;
        for (Entry e : events) {
            JsonNode p = e.payload();
            switch (e.type()) {
                case "ApplicationDrafted" -> appStatus = "DRAFT";
                case "ApplicationSubmitted" -> {
                    appStatus = "SUBMITTED";
                    number = p.path("number").asText(null);
                }
                case "ApplicationReturned" -> appStatus = "RETURNED";
                case "ApplicationTakenIntoWork" -> appStatus = "IN_WORK";
                case "ApplicationWithdrawn" -> appStatus = "WITHDRAWN";
                case "ApplicationCompleted" -> appStatus = "COMPLETED";
                case "DocumentUploaded" -> slots.put(slotKey(p), "UPLOADED");
                case "DocumentAccepted" -> slots.put(slotKey(p), "ACCEPTED");
                case "DocumentRejected" -> slots.put(slotKey(p), "REJECTED");
                case "ApplicationDocumentsAccepted" -> allAccepted = true;
                case "ContractOpened" -> contract = "OPENED";
                case "ContractDraftsIssued" -> contract = "DRAFTS_ISSUED";
                case "ContractConcluded" -> contract = "CONCLUDED";
                case "CourseAccessGranted" -> contract = "ACCESS_GRANTED";
                case "InvoiceIssued" -> invoiced = invoiced.add(p.path("amount").decimalValue());
                case "PaymentRecorded" -> {
                    paid = p.path("totalPaid").decimalValue();
                    fullyPaid = p.path("fullyPaid").asBoolean();
                }
                case "ServiceActIssued" -> contract = "ACT_ISSUED";
                case "SignedActAccepted" -> contract = "ACT_SIGNED";
                case "OriginalsReceived" -> contract = "ORIGINALS_RECEIVED";
                case "CertificateIssued" -> certificates++;
                case "PackageShipped" -> {
                    contract = "SHIPPED";
                    tracking = p.path("trackingNumber").asText(null);
                }
                case "ContractClosed" -> contract = "CLOSED";
                case "ThreadOpened" -> threadOpen = true;
                case "ThreadClosed" -> threadOpen = false;
                case "MessagePosted" -> messages++;
                case "SystemNoticePosted" -> notices++;
                default -> {
                    // other events do not change these states
                }
            }
        }
        int accepted = (int) slots.values().stream().filter("ACCEPTED"::equals).count();
        int rejected = (int) slots.values().stream().filter("REJECTED"::equals).count();
        int awaiting = (int) slots.values().stream().filter("UPLOADED"::equals).count();
        return new StateAsOf(new ApplicationState(appStatus, number),
                new DocumentsState(slots.size(), accepted, rejected, awaiting, allAccepted),
                contract == null ? null : new ContractState(contract, label(contract, fullyPaid, paid), invoiced, paid,
                        fullyPaid, certificates, tracking),
                new ThreadState(threadOpen, messages, notices));
    }

    private static String slotKey(JsonNode p) {
        return p.path("participantId").asText("") + "|" + p.path("slot").asText();
    }

    private static String label(String status, boolean fullyPaid, BigDecimal paid) {
        String stage = switch (status) {
            case "OPENED" -> "открыт";
            case "DRAFTS_ISSUED" -> "проекты выпущены";
            case "CONCLUDED", "ACCESS_GRANTED" -> "заключён";
            case "ACT_ISSUED" -> "акт выпущен";
            case "ACT_SIGNED" -> "акт подписан";
            case "ORIGINALS_RECEIVED" -> "оригиналы получены";
            case "SHIPPED" -> "документы отправлены";
            case "CLOSED" -> "закрыт";
            default -> status;
        };
        if ("OPENED".equals(status) || "DRAFTS_ISSUED".equals(status)) {
            return stage;
        }
        return stage + ", " + (fullyPaid ? "оплачен" : paid.signum() > 0 ? "оплачен частично" : "не оплачен");
    }

    /** An event of the history with its payload as published (unmasked: the fold needs the facts). */
    record Entry(String type, JsonNode payload) {
    }
}
