package org.cofinance.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportExportWorkerTest {

    /** A production that fails the way a database does: its message names tables and queries. */
    private static final class FailingWorker extends ReportExportWorker {
        private final List<String> recorded = new ArrayList<>();

        FailingWorker() {
            self = this;
        }

        @Override
        public void run(UUID id) {
            throw new IllegalStateException("ERROR: relation \"commitment_secret\" does not exist at /srv/sql/q.sql");
        }

        @Override
        public void failed(UUID id, String error) {
            recorded.add(error);
        }
    }

    @Test
    void shouldTellTheRequesterOfAFailedExportAGenericMessageAndKeepTheCauseForTheLog() {
        // given an export whose production fails
        FailingWorker worker = new FailingWorker();
        UUID id = UUID.randomUUID();

        // when it is produced
        worker.produce(id);

        // then what the requester reads names the export, not the tables, queries or paths of the server
        assertThat(worker.recorded).singleElement().satisfies(error -> assertThat(error)
                .contains(id.toString()).doesNotContain("commitment_secret").doesNotContain("/srv")
                .doesNotContain("relation"));
    }
}
