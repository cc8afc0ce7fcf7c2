package ru.fioco.training.platform.files;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A file name safe to store and to send back: no directories ({@code ../../etc/passwd} becomes
 * {@code passwd}), no control or bidirectional-override characters, no characters Windows forbids,
 * at most {@value #MAX_LENGTH} characters with the extension kept; Cyrillic and other letters stay.
 */
public final class SafeFileName {

    public static final int MAX_LENGTH = 150;

    private SafeFileName() {
    }

    /** The longest name a file system keeps; a longer one was not made by a person's file manager. */
    public static final int REFUSED_LENGTH = 255;

    /** The longest name with its path that is read at all. */
    public static final int REFUSED_PATH_LENGTH = 4096;

    /**
     * Why a client's file name is refused, or empty. A path is not a reason (browsers send
     * {@code C:\fakepath\паспорт.jpg}; only its base name is kept), but control characters, or a base name of
     * more than {@value #REFUSED_LENGTH} characters, mean a crafted request.
     */
    public static Optional<String> problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty(); // no name: the file is stored as "file"
        }
        if (raw.length() > REFUSED_PATH_LENGTH) {
            return Optional.of("имя файла длиннее " + REFUSED_LENGTH + " символов; переименуйте файл");
        }
        if (raw.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)) {
            return Optional.of("имя файла содержит управляющие символы");
        }
        String base = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        if (base.codePointCount(0, base.length()) > REFUSED_LENGTH) {
            return Optional.of("имя файла длиннее " + REFUSED_LENGTH + " символов; переименуйте файл");
        }
        return Optional.empty();
    }

    /**
     * The name with the extension of the type its content has: {@code паспорт.exe} holding a PDF is stored and
     * served as {@code паспорт.pdf}, a name without an extension gets one. A name whose extension already fits
     * the type keeps it ({@code .jpeg} and {@code .jpg} alike).
     *
     * @param extensions the type's extensions, the usual one first (with the dot)
     */
    public static String withExtension(String safeName, List<String> extensions) {
        if (extensions.isEmpty()) {
            return safeName;
        }
        int dot = safeName.lastIndexOf('.');
        String extension = dot > 0 ? safeName.substring(dot).toLowerCase(Locale.ROOT) : "";
        if (extensions.contains(extension)) {
            return safeName;
        }
        String stem = dot > 0 && safeName.length() - dot <= 10 ? safeName.substring(0, dot) : safeName;
        return of(stem + extensions.get(0));
    }

    public static String of(String raw) {
        if (raw == null) {
            return "file";
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT || "<>:\"|?*".indexOf(cp) >= 0) {
                return;
            }
            b.appendCodePoint(cp);
        });
        name = b.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1); // no hidden files, no "..": a leading dot is never part of a document's name
        }
        if (name.isBlank()) {
            return "file";
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            String stem = ext.isEmpty() ? name : name.substring(0, dot);
            int keep = MAX_LENGTH - ext.length();
            stem = stem.substring(0, stem.offsetByCodePoints(0, Math.min(keep, stem.codePointCount(0, stem.length()))));
            name = stem + ext;
        }
        return name;
    }
}
