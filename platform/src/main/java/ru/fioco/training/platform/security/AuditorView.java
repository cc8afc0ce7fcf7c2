package ru.fioco.training.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * What an auditor reads of a view, by an allow-list (152-FZ: an auditor follows the procedure, not the people): only
 * the fields the list names keep their values; every other value is «скрыто» (an empty one stays empty), so a field a
 * view gains later is hidden until someone decides an auditor may read it. A path names a field from the top,
 * {@code []} stands for any element of a list and {@code *} for any key of a map: {@code drafts[].version},
 * {@code results.*}.
 */
public final class AuditorView {

    public static final String HIDDEN = "скрыто";

    private AuditorView() {
    }

    /** The view as JSON (the REST layer's own mapper), with everything not allowed hidden. */
    public static JsonNode of(ObjectMapper mapper, Object view, Set<String> allowed) {
        return mask(mapper.valueToTree(view), "", allowed);
    }

    private static JsonNode mask(JsonNode node, String path, Set<String> allowed) {
        if (node instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                object.set(field, mask(object.get(field), child(path, field, allowed), allowed));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mask(array.get(i), path + "[]", allowed));
            }
            return array;
        }
        return node.isNull() || node.isMissingNode() || allowed.contains(path) ? node : TextNode.valueOf(HIDDEN);
    }

    /** A field's path: its name, or {@code *} under a map the list allows as a whole. */
    private static String child(String path, String field, Set<String> allowed) {
        String any = path.isEmpty() ? "*" : path + ".*";
        if (allowed.contains(any)) {
            return any;
        }
        return path.isEmpty() ? field : path + "." + field;
    }

    /**
     * The paths whose values an auditor reads in an answer (neither hidden nor empty), written as the allow-list
     * writes them except for maps' keys: for tests that check a view field by field.
     */
    public static List<String> shownPaths(JsonNode answer) {
        List<String> shown = new ArrayList<>();
        collect(answer, "", shown);
        return shown;
    }

    private static void collect(JsonNode node, String path, List<String> shown) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(),
                    shown));
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, path + "[]", shown));
        } else if (!node.isNull() && !HIDDEN.equals(node.asText())) {
            shown.add(path);
        }
    }

    /** Whether an auditor may read the value at {@code path} (a path from {@link #shownPaths}). */
    public static boolean allows(Set<String> allowed, String path) {
        if (allowed.contains(path)) {
            return true;
        }
        // a map's key in the path: its parent allowed as a whole
        int dot = path.lastIndexOf('.');
        return dot > 0 && allowed.contains(path.substring(0, dot) + ".*");
    }
}
