package io.vigil.crypto.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Blobs as files under one directory: blob {@code a/b/c.vgrc} is the file {@code <root>/a/b/c.vgrc}.
 *
 * <p>{@link #put} writes a temp file next to the target, forces it to disk and renames it into place with
 * {@code ATOMIC_MOVE}, so a crash never leaves a half-written blob under its real name. Temp files start with
 * {@code .} (blob ids cannot), hold the same ciphertext, and are removed on failure. Live blobs are appended
 * in place because the recording format itself tells a complete recording from one whose writer died.
 */
public final class FileSystemBlobStore implements BlobStore {

    private final Path root;

    private FileSystemBlobStore(Path root) {
        this.root = root;
    }

    /** A store rooted at {@code directory}, created if missing. */
    public static FileSystemBlobStore open(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Files.createDirectories(directory);
        return new FileSystemBlobStore(directory.toRealPath());
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(BlobId id, InputStream content) throws IOException {
        Path target = pathOf(id);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                content.transferTo(out);
                channel.force(false);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public LiveBlob create(BlobId id) throws IOException {
        Path target = pathOf(id);
        Files.createDirectories(target.getParent());
        return new LiveBlob(id, FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    @Override
    public SeekableByteChannel open(BlobId id) throws IOException {
        return FileChannel.open(pathOf(id), StandardOpenOption.READ);
    }

    @Override
    public boolean exists(BlobId id) {
        return Files.isRegularFile(pathOf(id));
    }

    @Override
    public long size(BlobId id) throws IOException {
        return Files.size(pathOf(id));
    }

    @Override
    public boolean delete(BlobId id) throws IOException {
        return Files.deleteIfExists(pathOf(id));
    }

    private Path pathOf(BlobId id) {
        Path path = root.resolve(id.value()).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Blob id " + id + " escapes the store root");
        }
        return path;
    }
}
