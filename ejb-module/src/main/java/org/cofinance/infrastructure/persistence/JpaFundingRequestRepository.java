package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cofinance.domain.model.request.Decision;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.request.RequestSearch;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.request.Tranche;

/** Funding requests in PostgreSQL through JPA; searches by criteria bound as parameters, never concatenated. */
@ApplicationScoped
public class JpaFundingRequestRepository implements FundingRequestRepository {

    /** Hibernate's: the entities a query loads are read only (no snapshot, no dirty check at the flush). */
    private static final String READ_ONLY_HINT = "org.hibernate.readOnly";

    @PersistenceContext
    private EntityManager em;

    public JpaFundingRequestRepository() {
    }

    /** On an entity manager of its own (the benchmarks), outside the container. */
    public JpaFundingRequestRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<FundingRequest> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(FundingRequest.class, id));
    }

    @Override
    public Optional<FundingRequest> findWithPlan(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        EntityGraph<FundingRequest> graph = em.createEntityGraph(FundingRequest.class);
        graph.addSubgraph("plan").addAttributeNodes("organisation", "envelope");
        return Optional.ofNullable(em.find(FundingRequest.class, id, Map.of("jakarta.persistence.loadgraph", graph)));
    }

    @Override
    public Map<Long, FundingRequest> readAllWithPlan(Collection<Long> ids) {
        List<Long> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return new HashMap<>();
        }
        EntityGraph<FundingRequest> graph = em.createEntityGraph(FundingRequest.class);
        graph.addSubgraph("plan").addAttributeNodes("organisation", "envelope");
        // (the plan's lines come joined: a request is answered once per line)
        return em.createQuery("select r from FundingRequest r where r.id in :ids", FundingRequest.class)
                .setParameter("ids", wanted).setHint("jakarta.persistence.loadgraph", graph)
                .setHint(READ_ONLY_HINT, true).getResultStream()
                .collect(Collectors.toMap(FundingRequest::id, r -> r, (same, again) -> same, HashMap::new));
    }

    @Override
    public List<Decision> decisionsOf(Long requestId) {
        return em.createQuery("select d from Decision d where d.request.id = :request order by d.decidedAt, d.id",
                Decision.class).setParameter("request", requestId).getResultList();
    }

    @Override
    public String nextReference(int year) {
        Number n = (Number) em.createNativeQuery("select nextval('funding_request_reference_seq')").getSingleResult();
        return String.format("CF-%d-%06d", year, n.longValue());
    }

    @Override
    public void add(FundingRequest request) {
        em.persist(request);
        em.flush();
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public List<FundingRequest> search(RequestSearch search, int offset, int limit) {
        Where where = where(search);
        TypedQuery<FundingRequest> query = em.createQuery("select r from FundingRequest r" + where.text
                + " order by r.id desc", FundingRequest.class);
        where.parameters.forEach(query::setParameter);
        List<FundingRequest> found = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        loadProgrammesCoalitionsAndImpact(found);
        return found;
    }

    /**
     * A page of requests shows each one's programme, partners, targets and actuals: read for the whole page in three
     * queries (one collection each, as Hibernate fetches one list at a time), not four more per request.
     */
    private void loadProgrammesCoalitionsAndImpact(List<FundingRequest> page) {
        if (page.isEmpty()) {
            return;
        }
        for (String fetch : List.of(
                "select distinct r from FundingRequest r join fetch r.programme left join fetch r.partners"
                        + " where r in :page",
                "select distinct r from FundingRequest r left join fetch r.impactTargets where r in :page",
                "select distinct r from FundingRequest r left join fetch r.impactActuals where r in :page")) {
            em.createQuery(fetch, FundingRequest.class).setParameter("page", page).getResultList();
        }
    }

    @Override
    public long count(RequestSearch search) {
        Where where = where(search);
        TypedQuery<Long> query = em.createQuery("select count(r) from FundingRequest r" + where.text, Long.class);
        where.parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private record Where(String text, Map<String, Object> parameters) {
    }

    /** The criteria asked, each a fixed clause with its value bound as a parameter. */
    private static Where where(RequestSearch search) {
        Map<String, Object> parameters = new HashMap<>();
        List<String> clauses = new ArrayList<>();
        if (search.status() != null) {
            clauses.add("r.status = :status");
            parameters.put("status", search.status());
        }
        if (search.programmeCode() != null) {
            clauses.add("r.programme.code = :programme");
            parameters.put("programme", search.programmeCode());
        }
        if (search.theme() != null) {
            clauses.add("r.project.theme = :theme");
            parameters.put("theme", search.theme());
        }
        if (given(search.territory())) {
            clauses.add("lower(r.project.territory) = lower(:territory)");
            parameters.put("territory", search.territory().strip());
        }
        if (given(search.envelopeCode())) {
            clauses.add("exists (select l from PlanLine l where l.request = r and l.envelope.code = :envelope)");
            parameters.put("envelope", search.envelopeCode().strip());
        }
        if (search.fundedBy() != null) {
            clauses.add("exists (select l from PlanLine l where l.request = r and l.organisation.id = :funder)");
            parameters.put("funder", search.fundedBy());
        }
        if (given(search.text())) {
            clauses.add("(lower(r.reference) like :text or lower(r.project.title) like :text"
                    + " or lower(r.project.territory) like :text)");
            parameters.put("text", "%" + likeEscaped(search.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (search.visibleTo() != null) {
            clauses.add("(exists (select l from PlanLine l where l.request = r and l.envelope is not null"
                    + " and l.organisation.id = :org) or r.project.lead.id = :org"
                    + " or exists (select p from FundingRequest c join c.partners p where c = r and p.organisation.id = :org))");
            parameters.put("org", search.visibleTo());
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), parameters);
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public void lock(Long requestId) {
        em.createNativeQuery("select id from funding_request where id = ?1 for update").setParameter(1, requestId)
                .getResultList();
    }

    @Override
    public Map<Long, RequestStatus> shareLockStatuses(Collection<Long> requestIds) {
        Map<Long, RequestStatus> statuses = new TreeMap<>();
        if (requestIds.isEmpty()) {
            return statuses;
        }
        // one statement for the batch; its rows are locked in the order of their ids, after the sort
        List<?> rows = em.createNativeQuery(
                        "select id, status from funding_request where id = any(?1) order by id for key share")
                .setParameter(1, requestIds.stream().distinct().toArray(Long[]::new)).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            statuses.put(((Number) r[0]).longValue(), RequestStatus.valueOf((String) r[1]));
        }
        return statuses;
    }

    @Override
    public Optional<Tranche> findTranche(Long trancheId) {
        return Optional.ofNullable(trancheId == null ? null : em.find(Tranche.class, trancheId));
    }

    @Override
    public Optional<Tranche> lockTranche(Long trancheId) {
        return Optional.ofNullable(trancheId == null ? null
                : em.find(Tranche.class, trancheId, LockModeType.PESSIMISTIC_WRITE));
    }
}
