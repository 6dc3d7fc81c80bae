package org.fusioncell.screening.web;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.fusioncell.screening.Watchlist;
import org.fusioncell.screening.lists.WatchlistFiles;
import org.fusioncell.screening.lists.WatchlistFormatException;
import org.fusioncell.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded list file (UN XML, FollowTheMoney JSON lines, national CSV) or OFAC's set of files read
 * by the list readers, for the import API and the import page alike. The upload is written to a
 * folder of its own under the data directory, read whole, and removed.
 */
@Component
class ListUploads {

    /** The list does not read; the message names the uploaded file (never the server's path) and the place. */
    static final class Unreadable extends RuntimeException {
        private final transient @Nullable String location;

        Unreadable(String message, @Nullable String location) {
            super(message);
            this.location = location;
        }

        @Nullable String location() {
            return location;
        }
    }

    private final Path uploads;

    ListUploads(@Value("${fusioncell.data-dir}") Path dataDir) {
        this.uploads = dataDir.resolve("tmp").resolve("list-imports");
    }

    /**
     * @param sourceName the list's name when given, else the format's own
     * @throws Unreadable            when a file does not read as its format says
     * @throws InvalidInputException when no file is given or one file name is given twice
     */
    Watchlist read(List<MultipartFile> files, @Nullable String sourceName) throws IOException {
        Path folder = uploads.resolve(UUID.randomUUID().toString());
        Files.createDirectories(folder);
        try {
            return WatchlistFiles.read(write(folder, files), sourceName);
        } catch (WatchlistFormatException e) {
            throw new Unreadable(e.getMessage().replace(folder + File.separator, ""), e.location());
        } finally {
            delete(folder);
        }
    }

    /** Writes the parts under their own names; one part is read as a file, several (OFAC's set) as a folder. */
    private static Path write(Path folder, List<MultipartFile> files) throws IOException {
        if (files.isEmpty()) {
            throw new InvalidInputException("file", "required");
        }
        Path only = null;
        for (int i = 0; i < files.size(); i++) {
            String original = files.get(i).getOriginalFilename() == null ? "" : files.get(i).getOriginalFilename();
            Path target = folder.resolve(safeName(original));
            if (Files.exists(target)) {
                throw new InvalidInputException("file[" + i + "]", "the same file name is given twice");
            }
            try (InputStream in = files.get(i).getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            only = target;
        }
        return files.size() == 1 ? only : folder;
    }

    /**
     * The uploaded name without any folder, other characters replaced: the readers tell formats by name
     * (OFAC's sdn.csv and alt.csv, a .csv or .jsonl extension), and nothing may be written outside the folder.
     */
    static String safeName(String original) {
        String base = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[._]+", "");
        safe = safe.length() > 100 ? safe.substring(safe.length() - 100) : safe;
        return safe.isEmpty() ? "upload" : safe;
    }

    private static void delete(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LoggerFactory.getLogger(ListUploads.class).warn("Could not remove an import folder", e);
        }
    }
}
