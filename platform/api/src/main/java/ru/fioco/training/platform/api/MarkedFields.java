package ru.fioco.training.platform.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** The fields of a record marked {@link PersonalData} or {@link Confidential}, and the record without them. */
public final class MarkedFields {

    private MarkedFields() {
    }

    public static boolean marked(RecordComponent component) {
        return component.isAnnotationPresent(PersonalData.class) || component.isAnnotationPresent(Confidential.class);
    }

    /**
     * A copy of the record for a reader who may not see marked fields: marked text (and lists of text) reads
     * {@code placeholder}, any other marked value is empty; unmarked records inside are treated the same way.
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R hidden(R record, String placeholder) {
        if (record == null) {
            return null;
        }
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                Object value = components[i].getAccessor().invoke(record);
                values[i] = marked(components[i]) ? hide(value, placeholder)
                        : value instanceof Record inner ? hidden(inner, placeholder) : value;
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return (R) canonical.newInstance(values);
        } catch (IllegalAccessException | InvocationTargetException | NoSuchMethodException | InstantiationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getName() + " without its marked fields", e);
        }
    }

    private static Object hide(Object value, String placeholder) {
        if (value == null) {
            return null;
        }
        if (value instanceof String) {
            return placeholder;
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(v -> v instanceof String ? placeholder : null).toList();
        }
        return value instanceof Boolean ? Boolean.FALSE : null;
    }

    /** The names of the record's marked fields, in declaration order. */
    public static List<String> of(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).filter(MarkedFields::marked).map(RecordComponent::getName)
                .toList();
    }
}
