package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.document.Document;
import org.cofinance.domain.model.document.DocumentKind;
import org.cofinance.domain.model.document.DocumentRepository;

/** Documents' descriptions in PostgreSQL through JPA; their bytes are the store's ({@code document_chunk}). */
@ApplicationScoped
public class JpaDocumentRepository implements DocumentRepository {

    @PersistenceContext
    private EntityManager em;

    @Override
    public void add(Document document) {
        em.persist(document);
        em.flush();
    }

    @Override
    public Optional<Document> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Document.class, id));
    }

    @Override
    public List<Document> ofRequest(Long requestId) {
        return em.createQuery("select d from Document d where d.requestId = :request order by d.uploadedAt, d.id",
                Document.class).setParameter("request", requestId).getResultList();
    }

    @Override
    public boolean exists(Long requestId, DocumentKind kind, Long trancheId) {
        return !em.createQuery("select d.id from Document d where d.requestId = :request and d.kind = :kind"
                        + " and (:tranche is null or d.trancheId = :tranche)", Long.class)
                .setParameter("request", requestId).setParameter("kind", kind).setParameter("tranche", trancheId)
                .setMaxResults(1).getResultList().isEmpty();
    }
}
