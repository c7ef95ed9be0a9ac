package com.keyward;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is an application module: others use only what it offers (its own
 * package's public types, or a named interface), and no two modules depend on each other in a
 * cycle. The module documentation (PlantUML and AsciiDoc) is written to target/spring-modulith-docs.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(KeywardApplication.class);

    @Test
    void theModulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theModuleDocumentationIsWritten() {
        new Documenter(MODULES)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
