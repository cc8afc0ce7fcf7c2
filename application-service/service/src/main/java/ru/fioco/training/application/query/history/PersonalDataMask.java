package ru.fioco.training.application.query.history;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Masks an event's JSON for an auditor, from the marks on its record's fields (ARCHITECTURE §4): a field
 * marked {@code @PersonalData} that names a person becomes initials («Петров Пётр» -> «П. П.»); any other
 * personal field (SNILS, passport data, birth date, e-mail, phone, free text) and every
 * {@code @Confidential} one (the enrolment key) becomes «скрыто». The marks are recognised by name, as each
 * api module declares its own, so a new event is masked correctly without touching this class. As a safety
 * net, any other text that is an e-mail address (token subjects such as {@code uploadedBy}, an institute
 * address) is hidden too: auditors see that someone acted, not who.
 */
final class PersonalDataMask {

    static final String HIDDEN = "скрыто";
    /** Fields that hold a person's name (initials are enough to follow a history, not to identify). */
    static final Set<String> NAME_FIELDS = Set.of("surname", "name", "patronymic", "diplomaSurname", "fullName",
            "holderName", "displayName", "applicantName");

    private PersonalDataMask() {
    }

    static JsonNode mask(JsonNode json, Class<?> recordType) {
        JsonNode copy = json.deepCopy();
        maskValue(copy, recordType);
        return copy;
    }

    private static void maskValue(JsonNode node, Type type) {
        if (node == null || node.isNull()) {
            return;
        }
        if (type instanceof Class<?> c && c.isRecord() && node instanceof ObjectNode object) {
            hideEmails(object);
            for (RecordComponent component : c.getRecordComponents()) {
                JsonNode child = object.get(component.getName());
                if (child == null || child.isNull()) {
                    continue;
                }
                if (marked(component, "PersonalData")) {
                    object.set(component.getName(), personal(component.getName(), child));
                } else if (marked(component, "Confidential")) {
                    object.set(component.getName(), hidden(child));
                } else {
                    maskValue(child, component.getGenericType());
                }
            }
        } else if (type instanceof ParameterizedType p && node instanceof ArrayNode array
                && p.getActualTypeArguments().length == 1) {
            array.forEach(element -> maskValue(element, p.getActualTypeArguments()[0]));
        }
    }

    /** Unmarked text fields holding an e-mail address. */
    private static void hideEmails(ObjectNode object) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode value = object.get(field);
            if (value.isTextual() && EMAIL.matcher(value.asText()).matches()) {
                object.set(field, TextNode.valueOf(HIDDEN));
            }
        }
    }

    static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static boolean marked(RecordComponent component, String mark) {
        return Arrays.stream(component.getAnnotations()).map(Annotation::annotationType)
                .anyMatch(a -> a.getSimpleName().equals(mark));
    }

    private static JsonNode personal(String field, JsonNode value) {
        if (NAME_FIELDS.contains(field) && value.isTextual()) {
            return TextNode.valueOf(initials(value.asText()));
        }
        return hidden(value);
    }

    private static JsonNode hidden(JsonNode value) {
        if (value.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            value.forEach(v -> array.add(HIDDEN));
            return array;
        }
        return TextNode.valueOf(HIDDEN);
    }

    /** «Петров Пётр Петрович (Математика)» -> «П. П. П. (Математика)»: only the name's words are cut. */
    static String initials(String name) {
        int bracket = name.indexOf('(');
        String person = bracket < 0 ? name : name.substring(0, bracket);
        String rest = bracket < 0 ? "" : " " + name.substring(bracket).strip();
        String cut = Arrays.stream(person.strip().split("\\s+")).filter(w -> !w.isBlank())
                .map(w -> new String(Character.toChars(w.codePointAt(0))) + ".").collect(Collectors.joining(" "));
        return cut + rest;
    }
}
