package ru.fioco.training.platform.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Personal data a read model keeps in a field of its own rather than in an event's record (a recipient's address,
 * a name on a board): sealed with the subject's key like {@link PersonalDataModule} seals events, and opened when
 * read, «удалено» once the subject is erased.
 */
public final class PersonalText {

    private PersonalText() {
    }

    /** The value to store: ciphertext under the subject's key ({@code participant:<id>}, {@code applicant:<id>}). */
    public static String seal(String subject, String plaintext) {
        return PersonalDataModule.sealText(subject, plaintext);
    }

    /** The stored value read back: plaintext, {@value PersonalDataModule#ERASED}, or as stored if never sealed. */
    public static String open(String stored) {
        return PersonalDataModule.openText(stored);
    }

    /**
     * A stored value with every sealed value in it opened: a sealed text itself, or a JSON text (a form kept as JSON)
     * whose values are sealed. To compare read models by content, which random IVs would otherwise always tell apart.
     */
    public static String openWithin(String stored) {
        if (stored == null || !stored.contains(PersonalDataModule.SEALED)) {
            return stored;
        }
        if (PersonalDataModule.sealed(stored)) {
            return open(stored);
        }
        try {
            JsonNode tree = EventJson.plainMapper().readTree(stored);
            return openAll(tree).toString();
        } catch (JsonProcessingException e) {
            return stored; // a text that merely mentions the prefix
        }
    }

    private static JsonNode openAll(JsonNode node) {
        return replaceSealed(node, PersonalDataModule::openNode);
    }

    /**
     * Every sealed value in a JSON tree (as stored or published) replaced by what {@code replacement} makes of its
     * text: opened, or hidden from a reader who may not see it. Changes the tree in place and returns it.
     */
    public static JsonNode replaceSealed(JsonNode node, Function<String, JsonNode> replacement) {
        if (node.isTextual() && PersonalDataModule.sealed(node.textValue())) {
            return replacement.apply(node.textValue());
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> object.set(name, replaceSealed(object.get(name), replacement)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replaceSealed(array.get(i), replacement));
            }
        }
        return node;
    }

    /**
     * Bytes of a file (a scan's piece) sealed with the subject's key; empty when the subject was erased. Without a key
     * vault installed (tools, the api modules' tests) there is nothing to seal with: an {@link IllegalStateException},
     * since a file must never be kept in the clear by mistake.
     */
    public static Optional<byte[]> sealBytes(String subject, byte[] plaintext) {
        return required().sealBytes(subject, plaintext);
    }

    /** Sealed bytes opened, or empty when the subject's key was destroyed. */
    public static Optional<byte[]> openBytes(byte[] sealed) {
        return required().openBytes(sealed);
    }

    /** Whether this process has a key vault to seal with. */
    public static boolean canSeal() {
        return PersonalDataModule.cipher() != null;
    }

    private static PersonalDataCipher required() {
        PersonalDataCipher cipher = PersonalDataModule.cipher();
        if (cipher == null) {
            throw new IllegalStateException("personal data must be sealed and this process has no key vault");
        }
        return cipher;
    }

    /** A blind index of a normalised value (a lower-case surname, SNILS digits) to search by exact match. */
    public static String blindIndex(String value) {
        return PersonalDataModule.blindIndex(value);
    }
}
