package io.vigil.discovery.application;

import io.vigil.keys.KeySettings;
import io.vigil.platform.VigilConfig;
import io.vigil.tenancy.TenantId;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Where exports live on disk ({@code vigil.export-dir}, by default {@code exports} beside the blob store):
 * {@code <tenant>/<export>/staging/...} while building, then {@code bundle.zip} (or {@code bundle.zip.p7m} when
 * encrypted for a recipient) once done; the staging area is removed then.
 */
public final class ExportFiles {

    public static final String BUNDLE = "bundle.zip";
    public static final String ENCRYPTED = "bundle.zip.p7m";

    private ExportFiles() {
    }

    public static Path root() {
        return VigilConfig.current().get("vigil.export-dir").map(Path::of)
                .orElseGet(() -> KeySettings.fromSystem().blobDir().toAbsolutePath().resolveSibling("exports"));
    }

    public static Path directory(TenantId tenant, UUID exportId) {
        return root().resolve(tenant.toString()).resolve(exportId.toString());
    }

    public static Path bundle(TenantId tenant, UUID exportId, boolean encrypted) {
        return directory(tenant, exportId).resolve(encrypted ? ENCRYPTED : BUNDLE);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
