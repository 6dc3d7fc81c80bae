package org.fusioncell.monitoring.trends.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The boundaries shipped in {@code geo/boundaries.zip} (see geo/PROVENANCE.md): per country
 * {@code <iso3>.topo.json} with its first-level areas, and {@code world.topo.json}. A country is
 * decoded on first use and kept (Syria's areas are a few thousand points); nothing is fetched from
 * the network. Thread-safe.
 */
public final class Boundaries {

    public static final String RESOURCE = "geo/boundaries.zip";
    private static final Pattern ISO3 = Pattern.compile("[A-Za-z]{3}");

    private final ClassLoader loader;
    private final String resource;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Optional<List<AdminArea>>> cache = new ConcurrentHashMap<>();

    public Boundaries() {
        this(Boundaries.class.getClassLoader(), RESOURCE);
    }

    Boundaries(ClassLoader loader, String resource) {
        this.loader = loader;
        this.resource = resource;
    }

    /** The first-level areas of a country by ISO 3166-1 alpha-3 code; empty when none are shipped. */
    public Optional<List<AdminArea>> country(String iso3) {
        if (iso3 == null || !ISO3.matcher(iso3).matches()) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(iso3.toLowerCase(Locale.ROOT), code -> load(code + ".topo.json"));
    }

    /** The countries of the world, each an area whose id is its ISO3 code. */
    public List<AdminArea> world() {
        return cache.computeIfAbsent("world", code -> load("world.topo.json")).orElse(List.of());
    }

    private Optional<List<AdminArea>> load(String entryName) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            try (ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (e.getName().equals(entryName)) {
                        return Optional.of(List.copyOf(TopoJson.areas(json.readTree(zip.readAllBytes()))));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
