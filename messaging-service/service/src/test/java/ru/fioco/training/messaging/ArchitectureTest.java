package ru.fioco.training.messaging;

import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.testing.LayerRules;

/** The layers of ARCHITECTURE §2 hold in messaging-service (bytecode analysis, no infrastructure). */
class ArchitectureTest {

    @Test
    void layersHold() {
        LayerRules.check("ru.fioco.training.messaging");
    }
}
