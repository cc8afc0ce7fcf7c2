package ru.fioco.training.application.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The subjects of the Russian Federation the form offers as «Субъект РФ» (data: {@code reference/regions.txt}). */
public final class Regions {

    private static final List<String> ALL = load();
    private static final Set<String> NORMALISED = ALL.stream().map(Regions::normalise)
            .collect(Collectors.toUnmodifiableSet());

    private Regions() {
    }

    public static List<String> all() {
        return ALL;
    }

    /** Case, «ё», dashes and repeated spaces do not matter: the list is what the SPA offers, typing may vary. */
    public static boolean isKnown(String region) {
        return region != null && NORMALISED.contains(normalise(region));
    }

    private static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[—–-]", "-").replaceAll("\\s+", " ");
    }

    private static List<String> load() {
        try (InputStream in = Regions.class.getResourceAsStream("/reference/regions.txt")) {
            if (in == null) {
                throw new IllegalStateException("reference/regions.txt is missing");
            }
            Set<String> regions = new LinkedHashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    regions.add(l);
                }
            }
            return List.copyOf(regions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
