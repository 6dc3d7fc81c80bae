package org.fusioncell.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fusioncell.intake.AttachmentTooLargeException;

/**
 * Content-addressed files: {@code <root>/ab/cd/<sha256>}. Content is first written to a temporary file
 * in {@code <root>/tmp} (same file system) while hashed and counted, then moved atomically into place,
 * so a reader never sees half a file and equal content is stored once.
 */
final class AttachmentStore {

    /** Bytes kept in memory for type detection. */
    static final int PREFIX = 64 * 1024;

    private final Path root;

    AttachmentStore(Path root) {
        this.root = root;
    }

    record Staged(Path temp, String sha256, long size, byte[] prefix) {
    }

    /** Streams {@code in} to a temporary file; over {@code maxBytes} deletes it and throws. */
    Staged stage(InputStream in, long maxBytes) {
        Path temp = null;
        try {
            Path tmpDir = Files.createDirectories(root.resolve("tmp"));
            temp = Files.createTempFile(tmpDir, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] prefix = new byte[PREFIX];
            int prefixLength = 0;
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                byte[] buffer = new byte[16 * 1024];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    size += n;
                    if (size > maxBytes) {
                        throw new AttachmentTooLargeException(maxBytes);
                    }
                    if (prefixLength < PREFIX) {
                        int take = Math.min(n, PREFIX - prefixLength);
                        System.arraycopy(buffer, 0, prefix, prefixLength, take);
                        prefixLength += take;
                    }
                    out.write(buffer, 0, n);
                }
            }
            byte[] head = java.util.Arrays.copyOf(prefix, prefixLength);
            return new Staged(temp, HexFormat.of().formatHex(sha.digest()), size, head);
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            discard(temp);
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("could not stage an attachment", e);
        }
    }

    Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /** Moves staged content into place; true when this call created the file (it was not stored yet). */
    boolean commit(Staged staged) {
        Path target = pathOf(staged.sha256());
        try {
            if (Files.exists(target)) {
                discard(staged.temp());
                return false;
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(staged.temp(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged.temp(), target);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            discard(staged.temp());
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void discard(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover in tmp/ holds no reference and is never served
            }
        }
    }

    void remove(String sha256) {
        discard(pathOf(sha256));
    }
}
