package ru.fioco.training.document;

import org.junit.jupiter.api.Test;

import ru.fioco.training.platform.testing.LayerRules;

/** The layers of ARCHITECTURE §2 hold in document-service (bytecode analysis, no infrastructure). */
class ArchitectureTest {

    @Test
    void layersHold() {
        LayerRules.check("ru.fioco.training.document");
    }
}
