package org.fusioncell.names;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The watched names of a {@link NameSpotter} and their lookup: every distinct name part (and pair of
 * neighbouring parts read joined) is numbered once; its {@link ScreeningIndex#keys} point to it, and it
 * points to the watched names that use it. A word of a text reaches watched names in two steps —
 * keys to parts, then only the parts that really sound like the word ({@link #meets}) to the names —
 * so the common Arabic and French words that share a consonant skeleton with some name stop at the
 * first. One writer at a time (the methods that change it are synchronised); readers never lock.
 */
final class WatchedNames {

    /** A name part's index in its watched name is kept in 5 bits; bit 5 marks two neighbours read joined. */
    static final int MAX_PARTS = 31;
    static final int JOINED = 32;
    private static final double JOINED_MARGIN = 0.1;

    /**
     * A watched name ready to look for.
     *
     * @param partWeight    per part index, the weight of a name part (0 for particles)
     * @param particleWeight what the particles (abu, bin, abd, titles) weigh together
     * @param nameParts     bits of the name parts
     * @param maxWords      the longest run of words it may be written as in a text
     */
    record Watched(String id, NameMatcher.Prepared prepared, float[] partWeight, float particleWeight, long nameParts,
                   int maxWords, int[] partIds) {
    }

    private final NameMatcher matcher;
    private final Map<String, NameMatcher.Part> parts = new HashMap<>();
    private volatile NameMatcher.Part[] partById = new NameMatcher.Part[256];
    private volatile Postings[] namesByPart = new Postings[256];
    private volatile int partCount;
    private final Map<String, Postings> partsByKey = new ConcurrentHashMap<>();
    private final Map<String, Integer> slots = new ConcurrentHashMap<>();
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    private volatile Watched[] watched = new Watched[64];
    private int nextSlot;

    WatchedNames(NameMatcher matcher) {
        this.matcher = matcher;
    }

    int size() {
        return slots.size();
    }

    /** Grows whenever a new part is numbered: what was learnt about words before may miss it. */
    int partCount() {
        return partCount;
    }

    Watched[] watched() {
        return watched;
    }

    synchronized void put(String watchId, ParsedName name) {
        NameMatcher.Prepared p = matcher.prepare(name, parts);
        int n = Math.min(p.tokens.size(), MAX_PARTS);
        float[] partWeight = new float[n];
        float particles = 0;
        long nameParts = 0;
        for (int i = 0; i < p.tokens.size(); i++) {
            if (p.tokens.get(i).role() != NameToken.Role.NAME) {
                particles += p.weights[i];
            } else if (i < n) {
                partWeight[i] = p.weights[i];
                nameParts |= 1L << i;
            }
        }
        if (nameParts == 0) {
            throw new IllegalArgumentException(
                    "the watched name has no name part to look for (only particles or titles)");
        }
        remove(watchId);
        List<Integer> ids = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        for (NameMatcher.Unit u : p.units) {
            boolean single = u.span() == 1 && p.tokens.get(u.start()).role() == NameToken.Role.NAME;
            if ((single || u.span() == 2) && u.start() + u.span() <= n) {
                register(u.part());
                ids.add(u.part().id());
                codes.add(u.span() == 2 ? JOINED | u.start() : u.start());
            }
        }
        int slot = freeSlots.isEmpty() ? nextSlot++ : freeSlots.pop();
        Watched w = new Watched(watchId, p, partWeight, particles, nameParts, p.tokens.size() + 2,
                ids.stream().mapToInt(Integer::intValue).toArray());
        Watched[] array = watched;
        if (slot >= array.length) {
            array = Arrays.copyOf(array, Math.max(slot + 1, array.length * 2));
        }
        array[slot] = w;
        watched = array;
        // published after the name they point to: a reader that finds the code finds the name
        for (int i = 0; i < ids.size(); i++) {
            namesByPart[ids.get(i)].add(slot << 6 | codes.get(i));
        }
        slots.put(watchId, slot);
    }

    synchronized void remove(String watchId) {
        Integer slot = slots.remove(watchId);
        if (slot == null) {
            return;
        }
        for (int id : watched[slot].partIds()) {
            namesByPart[id].removeSlot(slot);
        }
        watched[slot] = null;
        freeSlots.push(slot);
    }

    /** Numbers a part the first time it is seen and files it under its keys. */
    private void register(NameMatcher.Part part) {
        int id = part.id();
        if (id < partById.length && partById[id] != null) {
            return;
        }
        NameMatcher.Part[] byId = partById;
        Postings[] names = namesByPart;
        if (id >= byId.length) {
            byId = Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
            names = Arrays.copyOf(names, byId.length);
        }
        byId[id] = part;
        names[id] = new Postings();
        partById = byId;
        namesByPart = names;
        NameToken token = new NameToken(part.text(), part.sounds(), part.skeleton(), NameToken.Role.NAME,
                part.script());
        for (String key : keys(token)) {
            partsByKey.computeIfAbsent(key, k -> new Postings()).add(id);
        }
        partCount++;
    }

    /**
     * The {@link ScreeningIndex#keys} of a part, and those of its readings with a final Latin t/d or s
     * that may be silent read as d or dropped: "Mohammed" ends in a possibly silent d (skeleton mt)
     * and must still meet محمد (md), "Arnaud" ارنو.
     */
    static List<String> keys(NameToken token) {
        List<String> keys = ScreeningIndex.keys(token);
        String sounds = token.sounds();
        int last = sounds.length() - 1;
        if (last < 1 || (sounds.charAt(last) != Sounds.SILENT_T && sounds.charAt(last) != Sounds.SILENT_S)) {
            return keys;
        }
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(keys);
        List<String> readings = sounds.charAt(last) == Sounds.SILENT_T
                ? List.of(sounds.substring(0, last) + "d", sounds.substring(0, last))
                : List.of(sounds.substring(0, last));
        for (String reading : readings) {
            all.addAll(ScreeningIndex.keys(new NameToken(token.text(), reading, Sounds.skeleton(reading), token.role(),
                    token.script())));
        }
        return List.copyOf(all);
    }

    /**
     * The numbered parts that a name part of a text pairs with (as the matcher would pair them): found by
     * its keys, kept when their similarity reaches {@code floor}.
     */
    int[] meets(NameToken token, double floor) {
        if (token.role() != NameToken.Role.NAME) {
            return new int[0];
        }
        NameMatcher.Part mine = new NameMatcher.Part(-1, token.text(), token.sounds(), token.skeleton(), token.role(),
                token.script(), SoundDistance.weight(token.sounds()));
        NameMatcher.Part[] byId = partById;
        int[] out = new int[8];
        int count = 0;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (String key : keys(token)) {
            Postings list = partsByKey.get(key);
            if (list == null) {
                continue;
            }
            int n = list.size();
            int[] ids = list.codes();
            for (int i = 0; i < n && i < ids.length; i++) {
                int id = ids[i];
                if (id >= byId.length || byId[id] == null || !seen.add(id)) {
                    continue;
                }
                NameMatcher.Part theirs = byId[id];
                // a joined reading stands for two parts at once: it must be closer to count
                double needed = theirs.text().indexOf('+') >= 0 ? floor + JOINED_MARGIN : floor;
                if (NameMatcher.similarity(mine, theirs) >= needed) {
                    if (count == out.length) {
                        out = Arrays.copyOf(out, count * 2);
                    }
                    out[count++] = id;
                }
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** Records in {@code hits} that word {@code word} pairs with part {@code partId} of every name using it. */
    void hit(int partId, int word, WatchHits hits) {
        Postings[] names = namesByPart;
        if (partId >= names.length || names[partId] == null) {
            return;
        }
        Postings list = names[partId];
        int n = list.size();
        int[] codes = list.codes();
        int capacity = hits.capacity();
        for (int i = 0; i < n && i < codes.length; i++) {
            int code = codes[i];
            int slot = code >>> 6;
            if (slot < capacity) {
                int part = code & MAX_PARTS;
                hits.add(slot, word, (code & JOINED) != 0 ? 3L << part : 1L << part);
            }
        }
    }
}
