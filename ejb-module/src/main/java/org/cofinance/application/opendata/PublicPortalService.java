package org.cofinance.application.opendata;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the public pages show, to anyone: the signed projects per programme and territory, their public funders by
 * name and amount, their private money as a total, the leverage; nothing before signature, no person.
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
                         BigDecimal publicTotal, BigDecimal privateTotal) {
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
        return new Portal(shown, List.copyOf(programmes), List.copyOf(territories),
                shown.stream().map(PublicProject::publicTotal).reduce(BigDecimal.ZERO, BigDecimal::add),
                shown.stream().map(PublicProject::privateTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
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
