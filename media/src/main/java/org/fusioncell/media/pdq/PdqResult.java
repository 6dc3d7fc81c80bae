package org.fusioncell.media.pdq;

import java.util.Map;

/**
 * A PDQ hash with its quality (0..100: how much gradient the 64×64 downsample has; below 50 the image is too flat
 * for its hash to mean much) and, when asked for, the hashes of its seven other dihedral transforms.
 */
public record PdqResult(PdqHash hash, int quality, Map<Dihedral, PdqHash> dihedral) {

    public PdqResult {
        dihedral = Map.copyOf(dihedral);
    }

    /** The hash of one transform; the original's hash for {@link Dihedral#ORIGINAL}. */
    public PdqHash hash(Dihedral transform) {
        if (transform == Dihedral.ORIGINAL) {
            return hash;
        }
        PdqHash h = dihedral.get(transform);
        if (h == null) {
            throw new IllegalStateException("the dihedral hashes were not computed; use PdqHasher.hashAllDihedral");
        }
        return h;
    }
}
