package org.cofinance.application.support;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cofinance.domain.model.request.Decision;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.request.PlanLine;
import org.cofinance.domain.model.request.RequestSearch;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.request.Tranche;

/**
 * Funding requests kept in memory; locks are written to the {@link LockLog}. Searches filter by status, theme and the
 * caller's organisation only: the other criteria are JPQL, tested by the ITs.
 */
public final class InMemoryFundingRequests implements FundingRequestRepository {

    private final Map<Long, FundingRequest> requests = new LinkedHashMap<>();
    private final LockLog locks;
    private int references;

    public InMemoryFundingRequests(LockLog locks) {
        this.locks = locks;
    }

    @Override
    public Optional<FundingRequest> find(Long id) {
        return Optional.ofNullable(requests.get(id));
    }

    @Override
    public Optional<FundingRequest> findWithPlan(Long id) {
        return find(id);
    }

    @Override
    public Map<Long, FundingRequest> readAllWithPlan(Collection<Long> ids) {
        Map<Long, FundingRequest> found = new HashMap<>();
        ids.stream().filter(Objects::nonNull).forEach(id -> find(id).ifPresent(request -> found.put(id, request)));
        return found;
    }

    @Override
    public List<Decision> decisionsOf(Long requestId) {
        return find(requestId).map(FundingRequest::decisions).orElse(List.of());
    }

    @Override
    public String nextReference(int year) {
        return String.format("CF-%d-%06d", year, ++references);
    }

    @Override
    public void add(FundingRequest request) {
        Ids.assign(request);
        request.plan().forEach(Ids::assign);
        requests.put(request.id(), request);
    }

    /** Gives ids to what the request gained since it was added (revised lines, tranches), as a flush would. */
    @Override
    public void flush() {
        for (FundingRequest request : requests.values()) {
            for (PlanLine line : request.plan()) {
                if (line.id() == null) {
                    Ids.assign(line);
                }
            }
            for (Tranche tranche : request.tranches()) {
                if (tranche.id() == null) {
                    Ids.assign(tranche);
                }
            }
        }
    }

    @Override
    public List<FundingRequest> search(RequestSearch search, int offset, int limit) {
        return requests.values().stream().filter(r -> matches(r, search))
                .sorted(Comparator.comparing(FundingRequest::id).reversed()).skip(offset).limit(limit).toList();
    }

    @Override
    public long count(RequestSearch search) {
        return requests.values().stream().filter(r -> matches(r, search)).count();
    }

    private static boolean matches(FundingRequest request, RequestSearch search) {
        return (search.status() == null || request.status() == search.status())
                && (search.theme() == null || request.project().theme() == search.theme())
                && (search.visibleTo() == null || request.financingPlan().funderIds().contains(search.visibleTo()));
    }

    @Override
    public void lock(Long requestId) {
        locks.took("request " + requestId);
    }

    @Override
    public Map<Long, RequestStatus> shareLockStatuses(Collection<Long> requestIds) {
        Map<Long, RequestStatus> statuses = new TreeMap<>();
        for (Long id : new TreeSet<>(requestIds)) {
            locks.took("request " + id + " (shared)");
            find(id).ifPresent(r -> statuses.put(id, r.status()));
        }
        return statuses;
    }

    @Override
    public Optional<Tranche> findTranche(Long trancheId) {
        return requests.values().stream().flatMap(r -> r.tranches().stream())
                .filter(t -> t.id().equals(trancheId)).findFirst();
    }

    @Override
    public Optional<Tranche> lockTranche(Long trancheId) {
        locks.took("tranche " + trancheId);
        return findTranche(trancheId);
    }
}
