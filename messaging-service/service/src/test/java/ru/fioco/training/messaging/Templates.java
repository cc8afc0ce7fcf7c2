package ru.fioco.training.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.Variant;

import ru.fioco.training.messaging.query.NoticeTexts;

/** The service's Qute templates outside Quarkus, configured as Quarkus configures them: for plain unit tests. */
public final class Templates {

    private Templates() {
    }

    /** An engine that finds {@code templates/<id>} on the class path and escapes what goes into HTML. */
    public static Engine engine() {
        return Engine.builder().addDefaults().addResultMapper(new HtmlEscaper(List.of("text/html")))
                .addLocator(id -> Optional.ofNullable(read("templates/" + id)).map(Templates::location)).build();
    }

    public static NoticeTexts noticeTexts() {
        return NoticeTexts.with(engine());
    }

    /** A template's text from the class path, or null. */
    public static String read(String name) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TemplateLocation location(String text) {
        return new TemplateLocation() {
            @Override
            public Reader read() {
                return new StringReader(text);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.empty();
            }
        };
    }
}
