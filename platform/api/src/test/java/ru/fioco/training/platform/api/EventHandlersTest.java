package ru.fioco.training.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Declarations of what a reader does with each event of a sealed interface (plain objects). */
class EventHandlersTest {

    sealed interface Parcel permits Posted, Delivered, Lost {
    }

    record Posted(String id) implements Parcel {
    }

    record Delivered(String id) implements Parcel {
    }

    record Lost(String id) implements Parcel {
    }

    record Other() {
    }

    @Test
    void routesEachEventToItsHandlerWithTheContext() {
        List<String> seen = new ArrayList<>();
        EventHandlers<Parcel, String> handlers = EventHandlers.<Parcel, String>of(Parcel.class, "post-office")
                .handle(Posted.class, (e, at) -> seen.add("posted " + e.id() + " at " + at))
                .handle(Delivered.class, e -> seen.add("delivered " + e.id()))
                .ignore(Lost.class)
                .build();

        assertThat(handlers.handle(new Posted("p1"), "09:00")).isTrue();
        assertThat(handlers.handle(new Delivered("p1"), "12:00")).isTrue();
        assertThat(handlers.handle(new Lost("p2"), "13:00")).isFalse();

        assertThat(seen).containsExactly("posted p1 at 09:00", "delivered p1");
        assertThat(handlers.handled()).containsExactlyInAnyOrder(Posted.class, Delivered.class);
    }

    @Test
    void buildingFailsNamingTheReaderAndEveryEventItLeftOut() {
        assertThatThrownBy(() -> EventHandlers.<Parcel, Void>of(Parcel.class, "post-office")
                .handle(Posted.class, e -> { })
                .build())
                .isInstanceOf(UndeclaredEventException.class)
                .hasMessageContaining("post-office")
                .hasMessageContaining("Delivered, Lost")
                .satisfies(e -> {
                    UndeclaredEventException undeclared = (UndeclaredEventException) e;
                    assertThat(undeclared.owner()).isEqualTo("post-office");
                    assertThat(undeclared.events()).containsExactly("Delivered", "Lost");
                });
    }

    @Test
    void anEventDeclaredTwiceOrNotPermittedIsRefused() {
        assertThatThrownBy(() -> EventHandlers.<Parcel, Void>of(Parcel.class, "post-office")
                .handle(Posted.class, e -> { }).ignore(Posted.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Parcel> notAnEvent = (Class) Other.class;
        assertThatThrownBy(() -> EventHandlers.<Parcel, Void>of(Parcel.class, "post-office").ignore(notAnEvent))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not permit");
        assertThatThrownBy(() -> EventHandlers.of(Other.class, "post-office"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sealed");
    }

    @Test
    void aMappingGivesAValuePerEventAndNothingForIgnoredOnes() {
        EventMapping<Parcel, String> status = EventMapping.<Parcel, String>of(Parcel.class, "parcel status")
                .map(Posted.class, e -> "в пути")
                .map(Delivered.class, e -> "вручено")
                .ignore(Lost.class)
                .build();

        assertThat(status.apply(new Posted("p1"))).contains("в пути");
        assertThat(status.apply(new Delivered("p1"))).contains("вручено");
        assertThat(status.apply(new Lost("p1"))).isEmpty();
        assertThatThrownBy(() -> EventMapping.<Parcel, String>of(Parcel.class, "parcel status")
                .map(Posted.class, e -> "в пути").build())
                .isInstanceOf(UndeclaredEventException.class).hasMessageContaining("parcel status")
                .hasMessageContaining("Delivered, Lost");
    }
}
