package ru.fioco.training.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Wire names of events from their sealed interface (plain objects). */
class EventTypesTest {

    sealed interface Parcel permits Posted, Delivered {
    }

    record Posted(String id) implements Parcel {
    }

    record Delivered(String id) implements Parcel {
    }

    @Test
    void namesEventsByPrefixAndRecordName() {
        EventTypes<Parcel> types = EventTypes.ofSealed(Parcel.class, "ru.example.parcels");

        assertThat(types.typeOf(new Posted("p"))).isEqualTo("ru.example.parcels.Posted");
        assertThat(types.classOf("ru.example.parcels.Delivered")).contains(Delivered.class);
        assertThat(types.knows("ru.example.parcels.Lost")).isFalse();
        assertThat(types.classOf("Posted")).isEmpty();
    }

    @Test
    void refusesAnInterfaceThatIsNotSealed() {
        assertThatThrownBy(() -> EventTypes.ofSealed(Runnable.class, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
