package org.cofinance.infrastructure.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.EnumSet;
import java.util.Properties;
import java.util.logging.Logger;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.Movement;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.programme.Indicator;
import org.cofinance.domain.model.programme.Programme;
import org.cofinance.domain.model.programme.Theme;
import org.cofinance.domain.model.organisation.Siret;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.cofinance.infrastructure.security.PasswordHashing;

/**
 * The demo profile's data ({@code -Dcofinance.demo=true}, set only by the embedded run and the tests): organisations
 * of every kind, the envelopes of the AMI TIGA call, the private real-estate fund and the local authorities, and the
 * demo users of API.md, whose password is their user name. Never loaded in a production configuration.
 */
@Stateless
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    private static final String AUTHOR = "demo";
    private static final String CDC = "Caisse des Dépôts – Banque des Territoires";
    private static final String FUND = "Fonds Résidence Chercheurs 300";
    private static final String REGION = "Région Bourgogne-Franche-Comté";
    private static final String METROPOLE = "Dijon Métropole";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    public void loadIfEmpty() {
        long organisations = em.createQuery("select count(o) from Organisation o", Long.class).getSingleResult();
        if (organisations > 0) {
            return;
        }
        Organisation cdc = organisation(CDC, OrganisationKind.CDC, "18002002600019");
        organisation("État – Secrétariat général pour l'investissement", OrganisationKind.STATE, "13000363100012");
        Organisation fund = organisation(FUND, OrganisationKind.PRIVATE_INVESTOR, "88123456700017");
        Organisation region = organisation(REGION, OrganisationKind.REGION, "20004100000015");
        Organisation metropole = organisation(METROPOLE, OrganisationKind.METROPOLIS, "24210074500015");
        organisation("Département de la Côte-d'Or", OrganisationKind.DEPARTMENT, "22210010600012");
        organisation("Commune de Quetigny", OrganisationKind.MUNICIPALITY, "21210191400019");
        organisation("Université de Bourgogne", OrganisationKind.RESEARCH, "19210055500015");
        organisation("Agrinova SAS", OrganisationKind.COMPANY, "77523456700011");
        organisation("Association Territoires Durables", OrganisationKind.ASSOCIATION, "88520012300010")
                .registerRna("W212004521");
        organisation("Union européenne – FEDER", OrganisationKind.EU, null);

        LocalDate opened = LocalDate.of(2017, 3, 24);
        Envelope tiga = envelope("AMI-TIGA", "AMI Territoires d'innovation de grande ambition", cdc, null,
                500_000_000, opened);
        envelope("AMI-TIGA-SUB", "AMI TIGA – subventions", cdc, tiga, 350_000_000, opened);
        envelope("AMI-TIGA-EQ", "AMI TIGA – fonds propres", cdc, tiga, 150_000_000, opened);
        envelope("FONDS-IMMO", "Fonds immobilier – résidence de 300 chercheurs", fund, null, 200_000_000, opened);
        envelope("REGION-BFC", "Région BFC – budget innovation territoriale", region, null, 30_000_000, opened);
        envelope("DIJON-METRO", "Dijon Métropole – budget innovation", metropole, null, 15_000_000, opened);

        programmes(cdc);
        LOG.info("Demo data loaded");
    }

    /**
     * The CDC operates both demo programmes: the AMI the migration made, and the private fund's scheme « hors AMI »
     * for the residence of 300 researchers (its rules: the decision eligibility-RESIDENCE-300).
     */
    private void programmes(Organisation cdc) {
        em.createQuery("select p from Programme p where p.code = :code", Programme.class)
                .setParameter("code", Programme.DEFAULT_CODE).getResultStream().findFirst()
                .ifPresent(ami -> ami.operatedBy(cdc));
        em.persist(new Programme("RESIDENCE-300", "Résidence de 300 chercheurs – dispositif « hors AMI » du fonds",
                cdc, LocalDate.of(2024, 1, 1), null, List.of(Theme.HOUSING),
                List.of(new Indicator("RESEARCHERS", "Chercheurs accueillis", "persons"),
                        new Indicator("HOUSING_UNITS", "Logements livrés", "number")), AUTHOR, clock.instant()));
    }

    /**
     * The demo users, each created when missing, so that a demo database made by an earlier version gains the users
     * added since (a second approver per funder, for the committee levels' two-person rule; a finance user per funder,
     * who pays its share of each tranche).
     */
    public void addMissingUsers() {
        user("officer", "Olivia Officer", CDC, Role.OFFICER);
        user("cdc", "Claude CDC", CDC, Role.APPROVER);
        user("cdc2", "Camille CDC", CDC, Role.APPROVER);
        user("investor", "Inès Investor", FUND, Role.APPROVER);
        user("investor2", "Irène Investor", FUND, Role.APPROVER);
        user("region", "Régis Region", REGION, Role.APPROVER);
        user("region2", "Rose Region", REGION, Role.APPROVER);
        user("metropole", "Mathis Métropole", METROPOLE, Role.APPROVER);
        user("metropole2", "Maëlle Métropole", METROPOLE, Role.APPROVER);
        user("finance", "Fanny Finance", CDC, Role.FINANCE);
        user("finance-investor", "Fabien Finance (fonds)", FUND, Role.FINANCE);
        user("finance-region", "Flora Finance (région)", REGION, Role.FINANCE);
        user("finance-metropole", "Félix Finance (métropole)", METROPOLE, Role.FINANCE);
        user("admin", "Adam Admin", null, Role.ADMIN);
        user("supervisor", "Sacha Supervisor", CDC, Role.SUPERVISOR);
    }

    private Organisation organisation(String name, OrganisationKind kind, String siret) {
        Organisation organisation = new Organisation(name, kind, siret == null ? null : Siret.of(siret));
        em.persist(organisation);
        return organisation;
    }

    private Envelope envelope(String code, String name, Organisation owner, Envelope parent, long ceilingEuros,
                              LocalDate from) {
        Envelope envelope = new Envelope(code, name, owner, parent, Money.euros(ceilingEuros), from, null);
        em.persist(envelope);
        em.flush();
        Instant now = clock.instant();
        em.persist(envelope.openingEntry(new Movement(AUTHOR, now, "demo:open:" + code, "opening ceiling")));
        return envelope;
    }

    /** The precomputed hash of the demo user's password (his name), or one made now for a user added since. */
    private static String demoHash(String username) {
        Properties hashes = new Properties();
        try (InputStream in = DemoData.class.getResourceAsStream("demo-passwords.properties")) {
            if (in != null) {
                hashes.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hash = hashes.getProperty(username);
        return hash != null && PasswordHashing.iterationsOf(hash) >= PasswordHashing.ITERATIONS ? hash
                : PasswordHashing.hash(username.toCharArray());
    }

    private void user(String username, String displayName, String organisationName, Role role) {
        if (em.find(AppUser.class, username) != null) {
            return;
        }
        Long organisationId = organisationName == null ? null : em.createQuery(
                "select o.id from Organisation o where o.name = :name", Long.class)
                .setParameter("name", organisationName).getSingleResult();
        em.persist(new AppUser(username, demoHash(username), displayName,
                username + "@cofinance.test", organisationId, EnumSet.of(role)));
    }
}
