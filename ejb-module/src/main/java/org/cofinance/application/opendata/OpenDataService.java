package org.cofinance.application.opendata;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.domain.model.organisation.Siret;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;

/**
 * The open data downloads, for anyone (no caller is asked for): the grants of signed conventions as SCDL CSV or as a
 * 360Giving package, each answer kept a short while ({@link OpenDataCache}) so that a crawler does not load the
 * database.
 */
@Stateless
public class OpenDataService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final PublishedGrants grants;
    private final OpenDataCache cache;
    private final Clock clock;

    @Inject
    public OpenDataService(PublishedGrants grants, OpenDataCache cache, Clock clock) {
        this.grants = grants;
        this.cache = cache;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected OpenDataService() {
        this(null, null, null);
    }

    /** A file to download: its bytes, its name, its type. */
    public record Download(byte[] content, String fileName, String contentType) {
    }

    /**
     * The SCDL « Subventions » CSV, of one attributing organisation and of the conventions of one year when asked.
     *
     * @throws ValidationException naming {@code attribuant} (not a valid SIRET) or {@code year} (not a year)
     */
    public Download scdl(String attribuant, String year) {
        List<Violation> violations = new ArrayList<>();
        String siret = attribuant == null || attribuant.isBlank() ? null : attribuant.strip();
        if (siret != null && !Siret.isValid(siret)) {
            violations.add(new Violation("attribuant", "is the SIRET of the attributing organisation: 14 digits "
                    + "whose checksum holds"));
        }
        Integer conventionYear = null;
        if (year != null && !year.isBlank()) {
            if (year.strip().matches("[0-9]{4}")) {
                conventionYear = Integer.valueOf(year.strip());
            } else {
                violations.add(new Violation("year", "is the year of the convention, four digits"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        Integer chosenYear = conventionYear;
        return cache.get("scdl:" + siret + ":" + conventionYear, () -> new Download(
                ScdlSubventions.csv(grants.signed(siret, chosenYear)),
                (siret == null ? "cofinance" : siret) + "_" + today + "_subventions.csv", "text/csv;charset=UTF-8"));
    }

    /** The 360Giving 1.4.3 data package of every published grant. */
    public Download threeSixtyGiving() {
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        return cache.get("360giving", () -> new Download(ThreeSixtyGiving.json(grants.signed(null, null), today),
                "cofinance_" + today + "_360giving.json", "application/json"));
    }
}
