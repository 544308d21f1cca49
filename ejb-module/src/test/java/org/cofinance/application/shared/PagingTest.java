package org.cofinance.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cofinance.domain.model.shared.ValidationException;
import org.junit.jupiter.api.Test;

/** A page is 0 or more, 1 to 500 rows, 50 by default; its offset is the rows of the pages before it. */
class PagingTest {

    @Test
    void shouldDefaultToTheFirstPageOfFifty() {
        Paging paging = Paging.of(null, null);

        assertThat(paging.page()).isZero();
        assertThat(paging.size()).isEqualTo(50);
        assertThat(paging.offset()).isZero();
    }

    @Test
    void shouldStartAPageAfterTheRowsOfThePagesBeforeIt() {
        assertThat(Paging.of(3, 20).offset()).isEqualTo(60);
        assertThat(Paging.of(0, 1).size()).isEqualTo(1);
        assertThat(Paging.of(2, 500).offset()).isEqualTo(1000);
    }

    @Test
    void shouldRefuseANegativePageOrASizeOutOfOneToFiveHundredNamingTheField() {
        assertThatThrownBy(() -> Paging.of(-1, 10)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.violations()).extracting(v -> v.field()).containsExactly("page"));
        assertThatThrownBy(() -> Paging.of(0, 0)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.violations()).extracting(v -> v.field()).containsExactly("size"));
        assertThatThrownBy(() -> Paging.of(0, 501)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.violations()).extracting(v -> v.field()).containsExactly("size"));
    }
}
