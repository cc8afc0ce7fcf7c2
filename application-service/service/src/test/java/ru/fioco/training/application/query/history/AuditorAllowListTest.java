package ru.fioco.training.application.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.api.Confidential;
import ru.fioco.training.platform.api.PersonalData;

/**
 * Every event of every service, as its golden file pins it, masked for an auditor and checked field by field: a text
 * field shows only if the allow-list names it (and is not an e-mail address), a person's name only as initials, any
 * other personal or confidential field as «скрыто»; what is not text shows as it is. A new event or field is covered
 * as soon as its golden file exists.
 */
class AuditorAllowListTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each service's events: the api module's package and its golden files. */
    private static final Map<String, String> SERVICES = Map.of(
            "application-service", "ru.fioco.training.application.api",
            "document-service", "ru.fioco.training.document.api",
            "contract-service", "ru.fioco.training.contract.api",
            "messaging-service", "ru.fioco.training.messaging.api");

    @Test
    void everyFieldOfEveryEventAnAuditorSeesIsAllowed() throws Exception {
        List<String> problems = new ArrayList<>();
        TreeSet<String> shown = new TreeSet<>();
        int events = 0;
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            Path golden = Path.of("..", "..", service.getKey(), "api", "src", "test", "resources", "events");
            assertThat(golden).as("golden events of " + service.getKey()).isDirectory();
            try (Stream<Path> files = Files.list(golden)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    String name = file.getFileName().toString().replaceFirst("(\\.v\\d+)?\\.json$", "");
                    Class<?> type = Class.forName(service.getValue() + "." + name);
                    JsonNode original = JSON.readTree(Files.readString(file));
                    check(type, original, PersonalDataMask.mask(original, type), name, problems, shown);
                    events++;
                }
            }
        }
        assertThat(events).as("golden events read").isGreaterThan(50);
        assertThat(problems).as("fields an auditor sees against the allow-list").isEmpty();
        // what auditors do see, so that a reviewer of this test reads the allow-list at work
        assertThat(shown).contains("ApplicationSubmitted.number", "ApplicationSubmitted.form.organisation.inn",
                "ProgrammePublished.title", "DocumentUploaded.contentType");
        assertThat(shown).doesNotContain("ApplicationWithdrawn.reason", "DocumentUploaded.fileName",
                "DocumentRejected.reason", "MessagePosted.text");
    }

    private static void check(Type type, JsonNode original, JsonNode masked, String path, List<String> problems,
            TreeSet<String> shown) {
        if (original == null || original.isNull()) {
            return;
        }
        if (type instanceof ParameterizedType p && original.isArray()) {
            Type element = p.getActualTypeArguments()[0];
            for (int i = 0; i < original.size(); i++) {
                check(element, original.get(i), masked.get(i), path, problems, shown);
            }
            return;
        }
        if (!(type instanceof Class<?> record) || !record.isRecord()) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            String field = component.getName();
            String at = path + "." + field;
            JsonNode before = original.get(field);
            JsonNode after = masked.get(field);
            if (before == null || before.isNull()) {
                continue;
            }
            if (component.isAnnotationPresent(PersonalData.class)) {
                boolean name = PersonalDataMask.NAME_FIELDS.contains(field) && before.isTextual();
                if (name ? !after.asText().equals(PersonalDataMask.initials(before.asText())) : !hidden(after)) {
                    problems.add(at + " (personal) shows " + after);
                }
            } else if (component.isAnnotationPresent(Confidential.class)) {
                if (!hidden(after)) {
                    problems.add(at + " (confidential) shows " + after);
                }
            } else if (PersonalDataMask.isText(component.getGenericType())) {
                boolean allowed = AuditorAllowList.allows(record, field);
                boolean email = before.isTextual() && PersonalDataMask.EMAIL.matcher(before.asText()).matches();
                if (allowed && !email) {
                    if (!after.equals(before)) {
                        problems.add(at + " is allowed but masked: " + after);
                    }
                    shown.add(at);
                } else if (!hidden(after)) {
                    problems.add(at + " is not on the allow-list and shows " + after);
                }
            } else if (isRecordOrRecords(component.getGenericType())) {
                check(component.getGenericType(), before, after, at, problems, shown);
            } else if (!after.equals(before)) {
                problems.add(at + " (not text) changed to " + after);
            }
        }
    }

    private static boolean isRecordOrRecords(Type type) {
        if (type instanceof Class<?> c) {
            return c.isRecord();
        }
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord();
    }

    /** «скрыто», or a list or object of nothing but «скрыто». */
    private static boolean hidden(JsonNode value) {
        if (value.isTextual()) {
            return PersonalDataMask.HIDDEN.equals(value.asText());
        }
        if (value.isArray() || value.isObject()) {
            for (JsonNode v : value) {
                if (!hidden(v)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
