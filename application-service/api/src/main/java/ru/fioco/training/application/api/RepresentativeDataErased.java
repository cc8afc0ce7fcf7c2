package ru.fioco.training.application.api;

import java.time.Instant;

import ru.fioco.training.application.api.PersonalDataErased.ErasureBasis;

/**
 * Staff destroyed a former representative's personal data (152-FZ art. 21): their key ({@value #KEY_PREFIX}<id>) is
 * destroyed, so their profile, reasons and every copy read «удалено», and their account at the identity provider is
 * deleted. Only a request refused or a representation revoked can be erased: an acting representative is processed
 * under the agreement still. The event names the person by id only.
 *
 * @param erasureId the erasure's own id (its act of destruction is named after it)
 * @param basis     why the data were destroyed
 * @param erasedBy  the staff member who did it (their account's subject)
 * @param erasedAt  when
 */
public record RepresentativeDataErased(String representativeId, String erasureId, ErasureBasis basis, String erasedBy,
        Instant erasedAt) implements RepresentativeEvent {

    public static final String KEY_PREFIX = "representative:";

    /** The destroyed key's name in the key vault. */
    public String keyName() {
        return KEY_PREFIX + representativeId;
    }
}
