package org.cofinance.application.opendata;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the public pages show, to anyone: the signed projects per programme and territory, their public funders by
 * name and amount, their private money as a total, the leverage and the impact (targets and actuals); nothing before
 * signature, no person.
 */
@Stateless
public class PublicPortalService {

    private final PublicProjects projects;

    @Inject
    public PublicPortalService(PublicProjects projects) {
        this.projects = projects;
    }

    /** For the container's proxies only. */
    protected PublicPortalService() {
        this(null);
    }

    /** The projects and what they add up to, for the chosen programme and territory (all when null or blank). */
    public record Portal(List<PublicProject> projects, List<String> programmes, List<String> territories,
                         BigDecimal publicTotal, BigDecimal privateTotal, List<IndicatorTotal> impact) {

        /** Private euros per public euro over the projects shown, half up to the hundredth; none without public. */
        public BigDecimal leverage() {
            return publicTotal.signum() == 0 ? null : privateTotal.divide(publicTotal, 2, RoundingMode.HALF_UP);
        }
    }

    /** One indicator over the projects shown: the targets and the latest actuals summed (actual null: none yet). */
    public record IndicatorTotal(String indicator, String unit, BigDecimal target, BigDecimal actual) {
    }

    public Portal portal(String programme, String territory) {
        Map<String, List<PublicProjects.Line>> byProject = new LinkedHashMap<>();
        TreeSet<String> programmes = new TreeSet<>();
        TreeSet<String> territories = new TreeSet<>();
        for (PublicProjects.Line line : projects.signedPlans()) {
            byProject.computeIfAbsent(line.reference(), r -> new ArrayList<>()).add(line);
            if (line.programme() != null) {
                programmes.add(line.programme());
            }
            territories.add(line.territory());
        }
        List<PublicProject> shown = byProject.values().stream().map(PublicPortalService::project)
                .filter(p -> blank(programme) || programme.equals(p.programme()))
                .filter(p -> blank(territory) || territory.equals(p.territory())).toList();
        Map<List<String>, IndicatorTotal> impact = new LinkedHashMap<>();
        for (PublicProjects.Impact line : projects.signedImpact()) {
            if ((blank(programme) || programme.equals(line.programme()))
                    && (blank(territory) || territory.equals(line.territory()))) {
                impact.merge(List.of(line.indicator(), line.unit()), new IndicatorTotal(line.indicator(), line.unit(),
                        line.target(), line.actual()), (a, b) -> new IndicatorTotal(a.indicator(), a.unit(),
                        plus(a.target(), b.target()), plus(a.actual(), b.actual())));
            }
        }
        return new Portal(shown, List.copyOf(programmes), List.copyOf(territories),
                shown.stream().map(PublicProject::publicTotal).reduce(BigDecimal.ZERO, BigDecimal::add),
                shown.stream().map(PublicProject::privateTotal).reduce(BigDecimal.ZERO, BigDecimal::add),
                List.copyOf(impact.values()));
    }

    private static BigDecimal plus(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    private static PublicProject project(List<PublicProjects.Line> lines) {
        PublicProjects.Line first = lines.get(0);
        Map<String, BigDecimal> publicFunders = new LinkedHashMap<>();
        BigDecimal privateTotal = BigDecimal.ZERO;
        for (PublicProjects.Line line : lines) {
            if (line.publicMoney()) {
                publicFunders.merge(line.organisation(), line.amount(), BigDecimal::add);
            } else {
                privateTotal = privateTotal.add(line.amount());
            }
        }
        String programme = lines.stream().map(PublicProjects.Line::programme).filter(Objects::nonNull).findFirst()
                .orElse(null);
        return new PublicProject(first.reference(), first.title(), first.territory(), programme,
                publicFunders.entrySet().stream().map(e -> new PublicProject.PublicFunding(e.getKey(), e.getValue()))
                        .toList(),
                publicFunders.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), privateTotal);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
