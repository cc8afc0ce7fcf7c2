package ru.fioco.training.application.query.history;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import ru.fioco.training.platform.api.Confidential;
import ru.fioco.training.platform.api.PersonalData;

/**
 * Masks an event for an auditor (ARCHITECTURE §4): a field marked {@link PersonalData} that names a person becomes
 * initials («Петров Пётр» -> «П. П.»); any other personal field (SNILS, passport data, birth date, e-mail, phone) and
 * every {@link Confidential} one (the enrolment key) becomes «скрыто»; and a text field shows only when the
 * {@link AuditorAllowList} names it: reasons, notes, comments, file names and whatever a new event brings are hidden
 * until someone decides otherwise. As a safety net, an allowed text that is an e-mail address is hidden too: auditors
 * see that someone acted, not who.
 */
final class PersonalDataMask {

    static final String HIDDEN = "скрыто";
    /** Fields that hold a person's name (initials are enough to follow a history, not to identify). */
    static final Set<String> NAME_FIELDS = Set.of("surname", "name", "patronymic", "diplomaSurname", "fullName",
            "holderName", "displayName", "applicantName", "participantName", "tutorName");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private PersonalDataMask() {
    }

    /** The event's JSON with what an auditor may not see masked; the JSON given is left as it was. */
    static JsonNode mask(JsonNode json, Class<?> recordType) {
        JsonNode copy = json.deepCopy();
        maskValue(copy, recordType);
        return copy;
    }

    /**
     * One field of an event as a reader sees it: as it is when {@code masked} is false, else masked as
     * {@link #mask} masks it; «—» when it has no value.
     */
    static String shown(Record event, String component, boolean masked) {
        RecordComponent field = Arrays.stream(event.getClass().getRecordComponents())
                .filter(c -> c.getName().equals(component)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(event.getClass().getSimpleName() + " has no " + component));
        Object value;
        try {
            value = field.getAccessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
        if (value == null) {
            return "—";
        }
        String text = value instanceof Collection<?> many
                ? many.stream().map(String::valueOf).collect(Collectors.joining(", ")) : String.valueOf(value);
        if (!masked) {
            return text;
        }
        if (field.isAnnotationPresent(PersonalData.class)) {
            return NAME_FIELDS.contains(component) ? initials(text) : HIDDEN;
        }
        if (field.isAnnotationPresent(Confidential.class) || EMAIL.matcher(text).matches()
                || isText(field.getGenericType()) && !AuditorAllowList.allows(event.getClass(), component)) {
            return HIDDEN;
        }
        return text;
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
                if (component.isAnnotationPresent(PersonalData.class)) {
                    object.set(component.getName(), personal(component.getName(), child));
                } else if (component.isAnnotationPresent(Confidential.class)
                        || isText(component.getGenericType()) && !AuditorAllowList.allows(c, component.getName())) {
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

    /** Text, or a collection or map of texts: what the allow-list decides on. */
    static boolean isText(Type type) {
        if (type == String.class || type == CharSequence.class) {
            return true;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && (Collection.class.isAssignableFrom(raw) || java.util.Map.class.isAssignableFrom(raw))) {
            Type[] args = p.getActualTypeArguments();
            return isText(args[args.length - 1]);
        }
        return false;
    }

    /** Unmarked text fields holding an e-mail address. */
    private static void hideEmails(ObjectNode object) {
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            JsonNode value = object.get(field);
            if (value.isTextual() && EMAIL.matcher(value.asText()).matches()) {
                object.set(field, TextNode.valueOf(HIDDEN));
            }
        }
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
        if (value.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            value.fieldNames().forEachRemaining(f -> object.put(f, HIDDEN));
            return object;
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
