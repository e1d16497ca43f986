package dev.vigil.job.config;

import dev.vigil.models.Suggestions;
import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How near a known name must be to a misspelt one in a config for a "did you mean": within a third of the
 * misspelt name's length in edits, and at least 2 (a swap of neighbours is one edit).
 */
final class NearestName {

    private NearestName() {}

    /** The known name {@code name} is most likely a misspelling of, if one is near enough. */
    static Optional<String> to(String name, Collection<String> known) {
        return Suggestions.nearest(name, known, UnaryOperator.identity(), true)
                .filter(nearest -> nearest.distance() <= Math.max(2, name.length() / 3))
                .map(Suggestions.Nearest::name);
    }
}
