package io.vigil.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VigilConfigTest {

    @Test
    void readsTheFileAndListsAndFlags(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vigil.properties");
        Files.writeString(file, "vigil.demo-data=true\nvigil.api.allowed-clients= a, b ,,c\nvigil.empty=\n");
        VigilConfig config = VigilConfig.load(file);
        assertTrue(config.flag("vigil.demo-data"));
        assertEquals(List.of("a", "b", "c"), config.list("vigil.api.allowed-clients"));
        assertTrue(config.get("vigil.empty").isEmpty());
        assertFalse(config.flag("vigil.missing"));
    }

    @Test
    void aMissingRequiredSettingSaysWhichAndWhere() {
        VigilConfig config = VigilConfig.load(null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> config.require("vigil.oidc.issuer-x"));
        assertTrue(e.getMessage().contains("vigil.oidc.issuer-x"));
    }
}
