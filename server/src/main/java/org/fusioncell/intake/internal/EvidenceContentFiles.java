package org.fusioncell.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.fusioncell.intake.ContentFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@link ContentFiles} on an {@link AttachmentStore} of its own ({@code <data-dir>/evidence}). */
@Component
class EvidenceContentFiles implements ContentFiles {

    private final AttachmentStore store;
    private final IntakeSettings settings;

    EvidenceContentFiles(@Value("${fusioncell.data-dir}") Path dataDir, IntakeSettings settings) {
        this.store = new AttachmentStore(dataDir.resolve("evidence"));
        this.settings = settings;
    }

    @Override
    public Stored store(InputStream in) {
        AttachmentStore.Staged staged = store.stage(in, settings.maxBytes());
        store.commit(staged);
        return new Stored(staged.sha256(), staged.size(), staged.prefix());
    }

    @Override
    public CheckedFile storeChecked(String fileName, String declaredType, InputStream in) {
        String name = AttachmentChecks.displayName(fileName);
        AttachmentStore.Staged staged = store.stage(in, settings.maxBytes());
        String type;
        try {
            type = AttachmentChecks.mediaType(staged.prefix(), name, declaredType);
        } catch (RuntimeException e) {
            store.discard(staged.temp());
            throw e;
        }
        store.commit(staged);
        return new CheckedFile(staged.sha256(), staged.size(), type, name);
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(store.pathOf(sha256)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
