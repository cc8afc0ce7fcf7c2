package ru.fioco.training.document.domain;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.fioco.training.document.api.ApplicationDocumentsAccepted;
import ru.fioco.training.document.api.DocumentAccepted;
import ru.fioco.training.document.api.DocumentFileOpened;
import ru.fioco.training.document.api.DocumentRejected;
import ru.fioco.training.document.api.DocumentSlot;
import ru.fioco.training.document.api.DocumentUploaded;
import ru.fioco.training.document.api.ParticipantDocumentsAccepted;
import ru.fioco.training.document.api.ParticipantSlots;
import ru.fioco.training.document.api.ParticipantsFixed;
import ru.fioco.training.document.api.UploadsClosed;
import ru.fioco.training.document.domain.DocumentCommands.Acting;
import ru.fioco.training.document.domain.DocumentCommands.ReviewDocument;
import ru.fioco.training.document.domain.DocumentCommands.UploadDocument;
import ru.fioco.training.platform.errors.AccessDeniedException;
import ru.fioco.training.platform.errors.ConflictException;
import ru.fioco.training.platform.errors.InvalidInputException;
import ru.fioco.training.platform.errors.NotFoundException;
import ru.fioco.training.platform.files.StoredFile;

/** The document file's rules, given/when/then on Axon's fixture. */
class DocumentFileTest {

    static final String APP = "a1";
    static final String INN = "7707083893";
    static final Acting SCHOOL = new Acting("school@example.ru", "representative", INN);
    static final Acting STAFF = new Acting("staff@fioco.ru", "staff", null);
    static final StoredFile FILE = new StoredFile("f1", 10, "ab", "application/pdf", "p.pdf");
    static final List<ParticipantSlots> ONE = List.of(new ParticipantSlots("p1", "Петров", false));

    private AggregateTestFixture<DocumentFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DocumentFile.class);
    }

    @Test
    void everyUploadIsANewVersion() {
        fixture.given(opened(), uploaded("p1", DocumentSlot.PASSPORT, 1))
                .when(new UploadDocument(APP, "p1", DocumentSlot.PASSPORT, FILE, SCHOOL))
                .expectEvents(new DocumentUploaded(APP, "p1", DocumentSlot.PASSPORT, 2, "f1", 10, "ab",
                        "application/pdf", "p.pdf", "school@example.ru"))
                .expectResultMessagePayload(2);
    }

    @Test
    void acceptingTheLastRequiredDocumentAnnouncesTheParticipantAndTheApplicationOnce() {
        fixture.given(opened(), fixed(), uploaded("p1", DocumentSlot.PASSPORT, 1), uploaded("p1", DocumentSlot.SNILS, 1),
                        uploaded("p1", DocumentSlot.EDUCATION, 1),
                        new DocumentAccepted(APP, "p1", DocumentSlot.PASSPORT, 1),
                        new DocumentAccepted(APP, "p1", DocumentSlot.SNILS, 1))
                .when(new ReviewDocument(APP, "p1", DocumentSlot.EDUCATION, 1, true, null, STAFF))
                .expectEvents(new DocumentAccepted(APP, "p1", DocumentSlot.EDUCATION, 1),
                        new ParticipantDocumentsAccepted(APP, "p1"), new ApplicationDocumentsAccepted(APP));
    }

    @Test
    void anUploadedSignedContractMustBeAcceptedToo() {
        fixture.given(opened(), fixed(), uploaded("p1", DocumentSlot.PASSPORT, 1), uploaded("p1", DocumentSlot.SNILS, 1),
                        uploaded("p1", DocumentSlot.EDUCATION, 1), uploaded(null, DocumentSlot.SIGNED_CONTRACT, 1),
                        new DocumentAccepted(APP, "p1", DocumentSlot.PASSPORT, 1),
                        new DocumentAccepted(APP, "p1", DocumentSlot.SNILS, 1))
                .when(new ReviewDocument(APP, "p1", DocumentSlot.EDUCATION, 1, true, null, STAFF))
                .expectEvents(new DocumentAccepted(APP, "p1", DocumentSlot.EDUCATION, 1),
                        new ParticipantDocumentsAccepted(APP, "p1"));
    }

    @Test
    void aRequiredNameChangeDocumentHoldsTheParticipantBack() {
        fixture.given(new DocumentFileOpened(APP, INN, List.of(new ParticipantSlots("p1", "Иванова", true))),
                        new ParticipantsFixed(APP, List.of(new ParticipantSlots("p1", "Иванова", true)), true),
                        uploaded("p1", DocumentSlot.PASSPORT, 1), uploaded("p1", DocumentSlot.SNILS, 1),
                        uploaded("p1", DocumentSlot.EDUCATION, 1),
                        new DocumentAccepted(APP, "p1", DocumentSlot.PASSPORT, 1),
                        new DocumentAccepted(APP, "p1", DocumentSlot.SNILS, 1))
                .when(new ReviewDocument(APP, "p1", DocumentSlot.EDUCATION, 1, true, null, STAFF))
                .expectEvents(new DocumentAccepted(APP, "p1", DocumentSlot.EDUCATION, 1));
    }

    @Test
    void onlyTheCurrentVersionIsReviewedAndARejectionNeedsAReason() {
        fixture.given(opened(), uploaded("p1", DocumentSlot.SNILS, 1), uploaded("p1", DocumentSlot.SNILS, 2))
                .when(new ReviewDocument(APP, "p1", DocumentSlot.SNILS, 1, true, null, STAFF))
                .expectException(ConflictException.class);
        fixture.given(opened(), uploaded("p1", DocumentSlot.SNILS, 1))
                .when(new ReviewDocument(APP, "p1", DocumentSlot.SNILS, 1, false, "", STAFF))
                .expectException(InvalidInputException.class);
        fixture.given(opened(), uploaded("p1", DocumentSlot.SNILS, 1))
                .when(new ReviewDocument(APP, "p1", DocumentSlot.SNILS, 1, false, "Нечитаемо", STAFF))
                .expectEvents(new DocumentRejected(APP, "p1", DocumentSlot.SNILS, 1, "Нечитаемо"));
        fixture.given(opened(), uploaded("p1", DocumentSlot.SNILS, 1))
                .when(new ReviewDocument(APP, "p1", DocumentSlot.SNILS, 1, true, null, SCHOOL))
                .expectException(AccessDeniedException.class);
    }

    @Test
    void noUploadsAfterWithdrawalToAnUnknownSlotOrByAnotherOrganisation() {
        fixture.given(opened(), new UploadsClosed(APP, "снята"))
                .when(new UploadDocument(APP, "p1", DocumentSlot.PASSPORT, FILE, SCHOOL))
                .expectException(ConflictException.class);
        fixture.given(opened()).when(new UploadDocument(APP, "p9", DocumentSlot.PASSPORT, FILE, SCHOOL))
                .expectException(NotFoundException.class);
        fixture.given(opened()).when(new UploadDocument(APP, "p1", DocumentSlot.SIGNED_CONTRACT, FILE, SCHOOL))
                .expectException(NotFoundException.class);
        fixture.given(opened()).when(new UploadDocument(APP, "p1", DocumentSlot.PASSPORT, FILE,
                        new Acting("x@y.ru", "representative", "500100732259")))
                .expectException(NotFoundException.class);
    }

    private static Object opened() {
        return new DocumentFileOpened(APP, INN, ONE);
    }

    private static Object fixed() {
        return new ParticipantsFixed(APP, ONE, true);
    }

    private static Object uploaded(String participant, DocumentSlot slot, int version) {
        return new DocumentUploaded(APP, participant, slot, version, "f" + version, 10, "ab", "application/pdf", "p.pdf",
                "school@example.ru");
    }
}
