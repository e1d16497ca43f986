package dev.vigil.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertThat(Suggestions.editDistance("stride", "strid", false)).isEqualTo(1);
        assertThat(Suggestions.editDistance("", "abc", false)).isEqualTo(3);
        assertThat(Suggestions.editDistance("kitten", "sitting", false)).isEqualTo(3);
        assertThat(Suggestions.editDistance("same", "same", true)).isZero();
    }

    @Test
    void aSwapOfNeighboursIsOneEditOnlyWhenAskedFor() {
        assertThat(Suggestions.editDistance("preson", "person", false)).isEqualTo(2);
        assertThat(Suggestions.editDistance("preson", "person", true)).isEqualTo(1);
        assertThat(Suggestions.editDistance("ab", "ba", true)).isEqualTo(1);
        assertThat(Suggestions.editDistance("abcdef", "badcfe", true)).isEqualTo(3);
        assertThat(Suggestions.editDistance("ca", "abc", true)).isEqualTo(3);
    }

    @Test
    void nearestIsTheFirstOfTheClosestNamesComparedAsAsked() {
        List<String> known = List.of("car", "bus", "cat");
        assertThat(Suggestions.nearest("cab", known, UnaryOperator.identity(), false))
                .contains(new Suggestions.Nearest("car", 1));
        assertThat(Suggestions.nearest("BUS", known, s -> s.toLowerCase(java.util.Locale.ROOT), false))
                .contains(new Suggestions.Nearest("bus", 0));
        assertThat(Suggestions.nearest("x", List.of(), UnaryOperator.identity(), true)).isEmpty();
    }
}
