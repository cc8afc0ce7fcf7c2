package ru.fioco.training.contract;

import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.testing.LayerRules;

/** The layers of ARCHITECTURE §2 hold in contract-service (bytecode analysis, no infrastructure). */
class ArchitectureTest {

    @Test
    void layersHold() {
        LayerRules.check("ru.fioco.training.contract");
    }
}
