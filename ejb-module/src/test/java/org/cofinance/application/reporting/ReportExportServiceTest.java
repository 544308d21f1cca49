package org.cofinance.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.application.support.SignedIn.as;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cofinance.application.access.Callers;
import org.cofinance.application.reporting.ReportExportService.ExportView;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.MutableClock;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.cofinance.reports.ReportDefinition;
import org.cofinance.reports.ReportFormat;
import org.cofinance.reports.ReportRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Background exports: queued for a finance user or an administrator and handed to the worker once committed; their
 * progress, file and failure read by their requester or an administrator only; one whose node died failed after an
 * hour.
 */
class ReportExportServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    /** The exports kept in memory, as the table keeps them. */
    private static final class Kept implements ReportExports {
        private final Map<UUID, Standing> standings = new HashMap<>();
        private final Map<UUID, Order> orders = new HashMap<>();
        private final Map<UUID, byte[]> files = new HashMap<>();

        @Override
        public void queue(UUID id, Order order, Instant at) {
            orders.put(id, order);
            standings.put(id, new Standing(order.requestedBy(), order.name(), order.format(), "QUEUED", null, 0, at,
                    null, null, null));
        }

        @Override
        public Optional<Standing> find(UUID id) {
            return Optional.ofNullable(standings.get(id));
        }

        @Override
        public Optional<Order> order(UUID id) {
            return Optional.ofNullable(orders.get(id));
        }

        @Override
        public Optional<byte[]> content(UUID id) {
            return Optional.ofNullable(files.get(id));
        }

        @Override
        public void progress(UUID id, String status, int total, int done) {
            Standing s = standings.get(id);
            standings.put(id, new Standing(s.requestedBy(), s.name(), s.format(), status, total, done,
                    s.requestedAt(), null, null, null));
        }

        @Override
        public void done(UUID id, int total, byte[] content, String fileName, Instant at) {
            Standing s = standings.get(id);
            files.put(id, content);
            standings.put(id, new Standing(s.requestedBy(), s.name(), s.format(), "DONE", total, total,
                    s.requestedAt(), at, fileName, null));
        }

        @Override
        public void failed(UUID id, String error, Instant at) {
            Standing s = standings.get(id);
            standings.put(id, new Standing(s.requestedBy(), s.name(), s.format(), "FAILED", s.rowsTotal(),
                    s.rowsDone(), s.requestedAt(), at, null, error));
        }
    }

    /** The worker, remembering what it was handed after the commit instead of producing it. */
    private static final class HandedOver extends ReportExportWorker {
        private final List<UUID> handed = new ArrayList<>();

        @Override
        public void produceAfterCommit(UUID id) {
            handed.add(id);
        }
    }

    /** The catalogue of the reports the application has: the commitments register only. */
    private static final class OneReport extends ReportCatalog {
        @Override
        public Optional<ReportSource> source(String name) {
            return "commitments".equals(name) ? Optional.of(new ReportSource() {
                @Override
                public ReportDefinition definition() {
                    return ReportDefinition.COMMITMENTS;
                }

                @Override
                public ReportRows rows(ReportFilters filters, ReportScope scope) {
                    throw new UnsupportedOperationException("the worker reads the rows");
                }
            }) : Optional.empty();
        }
    }

    private final Kept exports = new Kept();
    private final HandedOver worker = new HandedOver();
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryUsers users = new InMemoryUsers();
    private final ReportExportService service = new ReportExportService(exports, worker, new OneReport(),
            new Callers(users), clock);

    @BeforeEach
    void users() {
        users.add(new AppUser("finance", "hash", "finance", null, 1L, Set.of(Role.FINANCE)));
        users.add(new AppUser("finance2", "hash", "finance2", null, 1L, Set.of(Role.FINANCE)));
        users.add(new AppUser("admin", "hash", "admin", null, null, Set.of(Role.ADMIN)));
        users.add(new AppUser("officer", "hash", "officer", null, null, Set.of(Role.OFFICER)));
    }

    private ExportView started() {
        return as("finance", () -> service.start("commitments", ReportFormat.XLSX, Locale.FRANCE,
                ReportFilters.none()));
    }

    @Test
    void shouldQueueAnExportForItsRequesterAndHandItToTheWorker() {
        ExportView view = started();

        assertThat(view.status()).isEqualTo("QUEUED");
        assertThat(view.name()).isEqualTo("commitments");
        assertThat(view.format()).isEqualTo("XLSX");
        assertThat(view.percent()).isZero();
        assertThat(view.requestedAt()).isEqualTo(NOW);
        assertThat(worker.handed).containsExactly(view.id());
        assertThat(exports.orders.get(view.id())).isEqualTo(new ReportExports.Order("commitments", ReportFormat.XLSX,
                Locale.FRANCE, ReportFilters.none(), "finance"));
    }

    @Test
    void shouldShowItsProgressBelowAHundredUntilDoneAndThenItsFile() {
        UUID id = started().id();

        exports.progress(id, "RUNNING", 0, 0);
        assertThat(as("finance", () -> service.status(id)).percent()).isZero();
        exports.progress(id, "RUNNING", 300, 100);
        assertThat(as("finance", () -> service.status(id)).percent()).isEqualTo(33);
        exports.progress(id, "RUNNING", 300, 300);
        assertThat(as("finance", () -> service.status(id)).percent()).isEqualTo(99);
        assertThatThrownBy(() -> as("finance", () -> service.content(id))).isInstanceOf(DomainException.class)
                .hasMessageContaining("RUNNING");

        exports.done(id, 300, new byte[] {1, 2, 3}, "engagements.xlsx", NOW.plusSeconds(5));

        ExportView done = as("finance", () -> service.status(id));
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.fileName()).isEqualTo("engagements.xlsx");
        assertThat(done.finishedAt()).isEqualTo(NOW.plusSeconds(5));
        ReportExportService.Content content = as("admin", () -> service.content(id));
        assertThat(content.bytes()).containsExactly(1, 2, 3);
        assertThat(content.format()).isEqualTo(ReportFormat.XLSX);
        assertThat(content.fileName()).isEqualTo("engagements.xlsx");
    }

    @Test
    void shouldReportFailedAnExportLeftUnfinishedForMoreThanAnHour() {
        UUID queued = started().id();
        UUID running = started().id();
        exports.progress(running, "RUNNING", 10, 5);

        clock.advance(Duration.ofHours(1));
        assertThat(as("finance", () -> service.status(queued)).status()).isEqualTo("QUEUED");
        clock.advance(Duration.ofSeconds(1));

        assertThat(as("finance", () -> service.status(queued)).status()).isEqualTo("FAILED");
        assertThat(as("finance", () -> service.status(running)).status()).isEqualTo("FAILED");
        exports.failed(queued, "the export failed", NOW.plusSeconds(10));
        assertThat(as("finance", () -> service.status(queued)).error()).isEqualTo("the export failed");
    }

    @Test
    void shouldShowAnExportToItsRequesterAndAnAdministratorOnly() {
        UUID id = started().id();

        assertThatThrownBy(() -> as("finance2", () -> service.status(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("finance2", () -> service.content(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("officer", () -> service.status(id))).isInstanceOf(AccessDeniedException.class);
        assertThat(as("admin", () -> service.status(id)).id()).isEqualTo(id);
        assertThatThrownBy(() -> as("finance", () -> service.status(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldRefuseAnUnknownReportOrAUserWithoutTheRoleAndQueueNothing() {
        assertThatThrownBy(() -> as("finance", () -> service.start("secrets", ReportFormat.CSV, Locale.FRANCE,
                ReportFilters.none()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("officer", () -> service.start("commitments", ReportFormat.CSV, Locale.FRANCE,
                ReportFilters.none()))).isInstanceOf(AccessDeniedException.class);

        assertThat(exports.orders).isEmpty();
        assertThat(worker.handed).isEmpty();
    }
}
