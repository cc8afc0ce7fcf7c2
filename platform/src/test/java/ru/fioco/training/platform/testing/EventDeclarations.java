package ru.fioco.training.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import ru.fioco.training.platform.api.EventHandlers;
import ru.fioco.training.platform.api.EventMapping;
import ru.fioco.training.platform.api.UndeclaredEventException;

/**
 * Builds every declaration of event handling ({@link EventHandlers}, {@link EventMapping}) a service holds, as
 * its classes would at start, without starting anything: each class with such a field is initialised (static
 * fields) and constructed (instance fields), so a reader that leaves an event of its sealed interface undeclared
 * fails here, named, before any event reaches it.
 */
public final class EventDeclarations {

    private EventDeclarations() {
    }

    /**
     * Checks every class of the package (main code only).
     *
     * @return the owners of the declarations found, so a test can show the scan saw the readers it expects
     */
    public static Set<String> check(String servicePackage) {
        List<Class<?>> classes = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage)) {
            classes.add(c.reflect());
        }
        return check(classes);
    }

    /** Checks the given classes; fails naming every reader that left events undeclared. */
    public static Set<String> check(List<Class<?>> classes) {
        Set<String> owners = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (Class<?> type : classes) {
            List<Field> fields = declarationFields(type);
            if (fields.isEmpty()) {
                continue;
            }
            try {
                Object instance = fields.stream().allMatch(f -> Modifier.isStatic(f.getModifiers())) ? null : construct(type);
                for (Field f : fields) {
                    f.setAccessible(true);
                    Object declared = f.get(Modifier.isStatic(f.getModifiers()) ? null : instance);
                    if (declared instanceof EventHandlers<?, ?> handlers) {
                        owners.add(handlers.owner());
                    } else if (declared instanceof EventMapping<?, ?> mapping) {
                        owners.add(mapping.owner());
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException | ExceptionInInitializerError e) {
                RuntimeException cause = unwrap(e);
                if (!(cause instanceof UndeclaredEventException)) {
                    throw new AssertionError("cannot build the declarations of " + type.getName(), e);
                }
                failures.add(type.getName() + ": " + cause.getMessage());
            }
        }
        assertThat(failures).as("readers that leave events of their sealed interface undeclared").isEmpty();
        return owners;
    }

    private static List<Field> declarationFields(Class<?> type) {
        List<Field> found = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (EventHandlers.class.isAssignableFrom(f.getType()) || EventMapping.class.isAssignableFrom(f.getType())) {
                found.add(f);
            }
        }
        return found;
    }

    private static Object construct(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }

    /** A failure while building the declarations arrives wrapped: by class initialisation or by the constructor. */
    private static RuntimeException unwrap(Throwable e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof UndeclaredEventException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            return (UndeclaredEventException) cause;
        }
        return new IllegalStateException(e);
    }
}
