package org.cofinance.application.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** A page of tasks found tells their total when it can, so that the total is counted only when a page is full. */
class TaskSearchTest {

    private static final TaskSearch.Filter ANY = new TaskSearch.Filter("officer", Set.of("officers"), null, null, null,
            null, null, null, null, null, null, null, null);

    /** A search over {@code n} tasks that counts how many times it counted them. */
    private static final class Tasks implements TaskSearch {
        private final List<Task> all;
        private int counts;

        Tasks(int n) {
            all = IntStream.range(0, n).mapToObj(i -> (Task) new TaskEntity()).toList();
        }

        @Override
        public List<Task> page(Filter filter, int first, int max) {
            return all.subList(Math.min(first, all.size()), Math.min(first + max, all.size()));
        }

        @Override
        public long count(Filter filter) {
            counts++;
            return all.size();
        }
    }

    @Test
    void shouldTellTheTotalOfAPageNotFullWithoutCounting() {
        Tasks three = new Tasks(3);

        TaskSearch.Found first = three.find(ANY, 0, 5);
        TaskSearch.Found last = three.find(ANY, 2, 2);
        TaskSearch.Found none = new Tasks(0).find(ANY, 0, 5);

        assertThat(List.of(first.total(), last.total(), none.total())).containsExactly(3L, 3L, 0L);
        assertThat(first.page()).hasSize(3);
        assertThat(last.page()).hasSize(1);
        assertThat(three.counts).isZero();
    }

    @Test
    void shouldCountWhenThePageIsFullOrLiesBeyondTheLastTask() {
        Tasks three = new Tasks(3);

        TaskSearch.Found full = three.find(ANY, 0, 3);
        TaskSearch.Found beyond = three.find(ANY, 4, 2);

        assertThat(List.of(full.total(), beyond.total())).containsExactly(3L, 3L);
        assertThat(beyond.page()).isEmpty();
        assertThat(three.counts).isEqualTo(2);
    }
}
