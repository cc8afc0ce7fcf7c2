package ru.fioco.training.platform.json;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import ru.fioco.training.platform.api.PersonalData;

/**
 * Crypto-shredding in the one JSON shape of events: every record component marked {@link PersonalData} is written
 * as {@code "pd1:t:<ciphertext>"} (text) or {@code "pd1:j:<ciphertext>"} (any other JSON value), encrypted with the
 * key of its data subject, and read back in plaintext. Once the subject's key is destroyed, text reads
 * {@value #ERASED} and other values read null. So the event store, Kafka, the history and every read model that keeps
 * events' records through this mapper hold only ciphertext of those fields, and an erasure reaches all of them.
 *
 * <p>Values written before encryption came (plain JSON) read as they are. Without a cipher installed (the api
 * modules' JSON tests, tools) fields are written in plaintext; a service installs its key vault before it starts.
 */
public final class PersonalDataModule extends SimpleModule {

    /** What an erased person's data read as, everywhere. */
    public static final String ERASED = PersonalData.ERASED;

    static final String SEALED = "pd1:";
    private static final String TEXT = SEALED + "t:";
    private static final String JSON = SEALED + "j:";
    private static final String ENCLOSING = PersonalDataModule.class.getName() + ".enclosing";
    /** A writer attribute: the ids around a record written on its own (a read model keeping a form). */
    static final String AROUND = PersonalDataModule.class.getName() + ".around";
    private static final String APPLICATION_ID = "applicationId";
    private static final String REPRESENTATIVE_ID = "representativeId";

    private static volatile PersonalDataCipher cipher;

    private static final Map<Class<?>, List<Marked>> MARKED = new ConcurrentHashMap<>();

    PersonalDataModule() {
        super("personal-data");
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                    JsonSerializer<?> serializer) {
                Class<?> type = description.getBeanClass();
                return marked(type).isEmpty() ? serializer : new Sealing(type, (JsonSerializer<Object>) serializer);
            }
        });
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return marked(type).isEmpty() ? deserializer : new Opening(type, deserializer);
            }
        });
    }

    /** Installs the service's key vault for every mapper built on {@link EventJson}; null removes it. Returns the one before. */
    public static PersonalDataCipher useCipher(PersonalDataCipher installed) {
        PersonalDataCipher before = cipher;
        cipher = installed;
        return before;
    }

    /** The installed key vault, or null in a process without one. */
    static PersonalDataCipher cipher() {
        return cipher;
    }

    /** Whether a stored JSON value is sealed personal data. */
    public static boolean sealed(String value) {
        return value != null && value.startsWith(SEALED);
    }

    static String sealText(String subject, String plaintext) {
        PersonalDataCipher current = cipher;
        if (plaintext == null || current == null || sealed(plaintext) || ERASED.equals(plaintext)) {
            return plaintext;
        }
        return current.seal(subject, plaintext).map(sealed -> TEXT + sealed).orElse(ERASED);
    }

    static String openText(String stored) {
        if (!sealed(stored)) {
            return stored;
        }
        PersonalDataCipher current = cipher;
        if (current == null) {
            throw new IllegalStateException("personal data are encrypted and this process has no key vault");
        }
        return current.open(stored.substring(TEXT.length())).orElse(ERASED);
    }

    static String blindIndex(String value) {
        PersonalDataCipher current = cipher;
        return value == null || current == null ? value : current.blindIndex(value);
    }

    /** A marked property: its JSON name and whose data it holds. */
    record Marked(String name, PersonalData mark, boolean text) {
    }

    /** A record's marked components, or a class's marked fields (a read model's mutable state). */
    static List<Marked> marked(Class<?> type) {
        return MARKED.computeIfAbsent(type, t -> {
            if (t.isRecord()) {
                return Arrays.stream(t.getRecordComponents()).filter(c -> c.isAnnotationPresent(PersonalData.class))
                        .map(c -> new Marked(c.getName(), c.getAnnotation(PersonalData.class), c.getType() == String.class))
                        .toList();
            }
            if (t.isEnum() || t.isInterface() || t.getName().startsWith("java.")) {
                return List.of();
            }
            return Arrays.stream(t.getFields()).filter(f -> f.isAnnotationPresent(PersonalData.class))
                    .map(f -> new Marked(f.getName(), f.getAnnotation(PersonalData.class), f.getType() == String.class))
                    .toList();
        });
    }

    /** Writes the record through its own serializer, then replaces each marked value by its ciphertext. */
    private static final class Sealing extends JsonSerializer<Object> implements ContextualSerializer,
            ResolvableSerializer {

        private final Class<?> type;
        private final JsonSerializer<Object> delegate;

        Sealing(Class<?> type, JsonSerializer<Object> delegate) {
            this.type = type;
            this.delegate = delegate;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            write(value, gen, provider, null);
        }

        @Override
        public void serializeWithType(Object value, JsonGenerator gen, SerializerProvider provider,
                TypeSerializer typeSerializer) throws IOException {
            write(value, gen, provider, typeSerializer);
        }

        private void write(Object value, JsonGenerator gen, SerializerProvider provider, TypeSerializer typed)
                throws IOException {
            PersonalDataCipher current = cipher;
            if (current == null) {
                if (typed == null) {
                    delegate.serialize(value, gen, provider);
                } else {
                    delegate.serializeWithType(value, gen, provider, typed);
                }
                return;
            }
            Deque<Object> enclosing = enclosing(provider);
            TokenBuffer buffer = new TokenBuffer(gen.getCodec(), false);
            enclosing.push(value);
            try {
                if (typed == null) {
                    delegate.serialize(value, buffer, provider);
                } else {
                    delegate.serializeWithType(value, buffer, provider, typed);
                }
            } finally {
                enclosing.pop();
            }
            JsonNode tree;
            try (JsonParser parser = buffer.asParser(gen.getCodec())) {
                tree = parser.readValueAsTree();
            }
            if (tree instanceof ObjectNode object) {
                for (Marked component : marked(type)) {
                    JsonNode plain = object.get(component.name());
                    if (plain == null || plain.isNull() || plain.isTextual() && (sealed(plain.textValue())
                            || ERASED.equals(plain.textValue()))) {
                        // erased data written again (a rebuild) stay erased, and need no key of the erased person
                        continue;
                    }
                    String subject = subject(component, value, gen, enclosing, provider);
                    // a String reads «удалено» once erased; any other type (a date, a list) reads null
                    boolean text = component.text() && plain.isTextual();
                    Optional<String> sealed = current.seal(subject, text ? plain.textValue() : plain.toString());
                    if (sealed.isPresent()) {
                        object.put(component.name(), (text ? TEXT : JSON) + sealed.get());
                    } else if (text) {
                        object.put(component.name(), ERASED);
                    } else {
                        object.putNull(component.name());
                    }
                }
            }
            gen.writeTree(tree);
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            if (delegate instanceof ContextualSerializer contextual) {
                @SuppressWarnings("unchecked")
                JsonSerializer<Object> resolved = (JsonSerializer<Object>) contextual.createContextual(provider, property);
                return resolved == delegate ? this : new Sealing(type, resolved);
            }
            return this;
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (delegate instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        public Class<Object> handledType() {
            return delegate.handledType();
        }
    }

    @SuppressWarnings("unchecked")
    private static Deque<Object> enclosing(SerializerProvider provider) {
        Object found = provider.getAttribute(ENCLOSING);
        if (found == null) {
            found = new ArrayDeque<>();
            provider.setAttribute(ENCLOSING, found);
        }
        return (Deque<Object>) found;
    }

    /**
     * The key's name for a marked component: {@code participant:<id>} from a sibling id, else {@code <word>:<id>} or
     * {@code application:<id>} from the nearest enclosing record (or writer attribute) with an application id, else
     * {@code representative:<id>}.
     */
    static String subject(Marked component, Object record, JsonGenerator gen, Deque<Object> enclosing,
            SerializerProvider provider) {
        String named = component.mark().subject();
        if (named.endsWith("Id")) {
            Object id = idOf(record, named);
            if (id == null) {
                throw new IllegalStateException(record.getClass().getSimpleName() + "." + component.name()
                        + " is personal data of the person " + named + " names, which is empty");
            }
            return named.substring(0, named.length() - 2) + ":" + id;
        }
        for (String idName : List.of(APPLICATION_ID, REPRESENTATIVE_ID)) {
            Object id = enclosingId(idName, record, gen, enclosing, provider);
            if (id != null) {
                String kind = idName.equals(APPLICATION_ID)
                        ? named.isEmpty() ? "application" : named
                        : named.isEmpty() ? "representative" : "representative-" + named;
                return kind + ":" + id;
            }
        }
        throw new IllegalStateException(record.getClass().getSimpleName() + "." + component.name()
                + " is personal data with no application or representative around it to name its key; write it with"
                + " EventJson.writerAround(applicationId)");
    }

    private static Object enclosingId(String idName, Object record, JsonGenerator gen, Deque<Object> enclosing,
            SerializerProvider provider) {
        Object id = idOf(record, idName);
        for (JsonStreamContext context = gen.getOutputContext(); id == null && context != null;
                context = context.getParent()) {
            id = idOf(context.getCurrentValue(), idName);
        }
        for (Object outer : enclosing) {
            if (id != null) {
                break;
            }
            id = idOf(outer, idName);
        }
        return id != null ? id : idOf(provider.getAttribute(AROUND), idName);
    }

    static Object idOf(Object value, String component) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> attributes) {
            return attributes.get(component);
        }
        if (!value.getClass().isRecord()) {
            // a read model's state or an aggregate in a snapshot keeps its application id in a field
            for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                try {
                    java.lang.reflect.Field field = type.getDeclaredField(component);
                    field.setAccessible(true);
                    return field.get(value);
                } catch (NoSuchFieldException e) {
                    // look in the superclass
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + component + " of " + value.getClass(), e);
                }
            }
            return null;
        }
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            if (c.getName().equals(component)) {
                try {
                    c.getAccessor().setAccessible(true);
                    return c.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component + " of " + value.getClass(), e);
                }
            }
        }
        return null;
    }

    /** Reads the record's JSON as a tree, opens each sealed value, then lets the record's own deserializer bind it. */
    private static final class Opening extends DelegatingDeserializer {

        private final Class<?> type;

        Opening(Class<?> type, JsonDeserializer<?> delegate) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Opening(type, newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try (JsonParser opened = opened(p, ctxt)) {
                return _delegatee.deserialize(opened, ctxt);
            }
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
                throws IOException {
            try (JsonParser opened = opened(p, ctxt)) {
                return _delegatee.deserializeWithType(opened, ctxt, typeDeserializer);
            }
        }

        private JsonParser opened(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = ctxt.readTree(p);
            if (tree instanceof ObjectNode object) {
                for (Marked component : marked(type)) {
                    JsonNode value = object.get(component.name());
                    if (value != null && value.isTextual() && sealed(value.textValue())) {
                        object.set(component.name(), open(value.textValue(), p));
                    }
                }
            }
            JsonParser opened = tree.traverse(p.getCodec());
            opened.nextToken();
            return opened;
        }
    }

    /** A sealed value as the record reads it: its text, its JSON value, «удалено» or null once erased. */
    static JsonNode openNode(String sealed) {
        try {
            return open(sealed, EventJson.plainMapper().createParser("null"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode open(String sealed, JsonParser p) throws IOException {
        PersonalDataCipher current = cipher;
        if (current == null) {
            throw new IllegalStateException("personal data are encrypted and this process has no key vault");
        }
        boolean text = sealed.startsWith(TEXT);
        Optional<String> plain = current.open(sealed.substring(TEXT.length()));
        if (plain.isEmpty()) {
            return text ? TextNode.valueOf(ERASED) : NullNode.getInstance();
        }
        if (text) {
            return TextNode.valueOf(plain.get());
        }
        try (JsonParser inner = p.getCodec().getFactory().createParser(plain.get())) {
            JsonNode node = p.getCodec().readTree(inner);
            return node == null ? NullNode.getInstance() : node;
        }
    }
}
