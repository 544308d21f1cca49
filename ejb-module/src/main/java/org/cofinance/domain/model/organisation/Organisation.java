package org.cofinance.domain.model.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Optional;

/** A legal party: a financer, a project lead or both. */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private OrganisationKind kind;

    @Embedded
    private Siret siret;

    protected Organisation() {
    }

    public Organisation(String name, OrganisationKind kind, Siret siret) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an organisation has a name");
        }
        this.name = name.strip();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.siret = siret;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public Optional<Siret> siret() {
        return Optional.ofNullable(siret).filter(s -> s.value() != null);
    }

    public boolean bringsPublicMoney() {
        return kind.isPublicMoney();
    }

    public boolean isLocalAuthority() {
        return kind.isLocalAuthority();
    }
}
