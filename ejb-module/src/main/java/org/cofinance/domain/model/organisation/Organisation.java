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

    /** The RNA number of an association (répertoire national des associations), when it has one. */
    @Column(length = 10)
    private String rna;

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

    /**
     * Records the association's RNA number.
     *
     * @throws IllegalArgumentException when it is not W and nine digits
     */
    public void registerRna(String number) {
        if (number == null || !number.matches("W\\d{9}")) {
            throw new IllegalArgumentException("an RNA number is W followed by nine digits");
        }
        this.rna = number;
    }

    public Optional<String> rna() {
        return Optional.ofNullable(rna);
    }

    public boolean bringsPublicMoney() {
        return kind.isPublicMoney();
    }

    public boolean isLocalAuthority() {
        return kind.isLocalAuthority();
    }
}
