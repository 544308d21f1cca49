package org.cofinance.interfaces.web.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The task board shows its rows a page at a time, and a page that claims emptied shows the last one left. */
class RowPagesTest {

    private static List<Integer> rows(int count) {
        return IntStream.rangeClosed(1, count).boxed().toList();
    }

    @Test
    void shouldShowTheFirstPageThenTheNextOnesUpToTheLast() {
        // given 120 rows, 50 a page
        RowPages pages = new RowPages(50);
        List<Integer> rows = rows(120);

        // then the first page holds rows 1 to 50
        assertThat(pages.paged(rows)).isTrue();
        assertThat(pages.of(rows)).containsExactlyElementsOf(rows(50));
        assertThat(pages.first(rows)).isEqualTo(1);
        assertThat(pages.last(rows)).isEqualTo(50);

        // when the next page is asked twice, and once more past the end
        pages.next(rows);
        pages.next(rows);
        pages.next(rows);

        // then the last page holds rows 101 to 120
        assertThat(pages.of(rows)).containsExactly(IntStream.rangeClosed(101, 120).boxed().toArray(Integer[]::new));
        assertThat(pages.first(rows)).isEqualTo(101);
        assertThat(pages.last(rows)).isEqualTo(120);

        // when the previous page is asked, and the list restarts
        pages.previous();
        assertThat(pages.first(rows)).isEqualTo(51);
        pages.restart();
        pages.previous();
        assertThat(pages.first(rows)).isEqualTo(1);
    }

    @Test
    void shouldShowTheLastPageLeftWhenTheListBecameShorter() {
        // given the third page of 120 rows shown
        RowPages pages = new RowPages(50);
        pages.next(rows(120));
        pages.next(rows(120));

        // when the list is read again with 60 rows (the others were claimed)
        List<Integer> fewer = rows(60);

        // then the second page shows, rows 51 to 60
        assertThat(pages.first(fewer)).isEqualTo(51);
        assertThat(pages.last(fewer)).isEqualTo(60);
    }

    @Test
    void shouldShowAnEmptyPageOfNoRowsAndOnePageOfFewRows() {
        RowPages pages = new RowPages(50);
        assertThat(pages.of(List.of())).isEmpty();
        assertThat(pages.first(List.of())).isZero();
        assertThat(pages.last(List.of())).isZero();
        assertThat(pages.paged(rows(50))).isFalse();
        assertThat(pages.paged(rows(51))).isTrue();
        assertThatThrownBy(() -> new RowPages(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
