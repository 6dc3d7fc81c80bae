package org.fusioncell.safeguards.redress;

import org.jspecify.annotations.Nullable;

/** What an officer files for a person; checked by {@link Redress#file}. */
public record RedressFiling(RedressPerson person, String language, @Nullable String representative, String contact,
                            @Nullable String statement) {
}
