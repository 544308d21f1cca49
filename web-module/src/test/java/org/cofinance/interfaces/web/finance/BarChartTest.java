package org.cofinance.interfaces.web.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void shouldDrawEachSeriesOfEachGroupOnOneScaleAndNothingForAMissingValue() {
        // given two territories, public and private money, the second without private money reported
        List<BarChart.Group> groups = List.of(
                new BarChart.Group("Dijon", List.of(new BigDecimal("800000.00"), new BigDecimal("1200000.00"))),
                new BarChart.Group("Besançon", Arrays.asList(new BigDecimal("600000.00"), null)));

        // when drawn
        BarChart chart = BarChart.of(groups, 2);

        // then the largest value fills the height, the others in proportion, the missing one is not drawn
        assertThat(chart.maximum()).isEqualTo("1200000.00");
        assertThat(chart.bars()).hasSize(3);
        assertThat(chart.bars().get(1).height()).isEqualTo(BarChart.HEIGHT);
        assertThat(chart.bars().get(1).y()).isZero();
        assertThat(chart.bars().get(0).height()).isEqualTo(BarChart.HEIGHT * 2 / 3.0, org.assertj.core.data.Offset
                .offset(0.01));
        assertThat(chart.bars().get(2).group()).isEqualTo("Besançon");
        assertThat(chart.bars().get(2).x()).isGreaterThan(BarChart.WIDTH / 2.0);
        assertThat(chart.labels()).extracting(BarChart.Label::text).containsExactly("Dijon", "Besançon");
    }

    @Test
    void shouldDrawNothingButAZeroScaleWithoutValues() {
        BarChart chart = BarChart.of(List.of(new BarChart.Group("Dijon", List.of(BigDecimal.ZERO))), 1);

        assertThat(chart.bars()).singleElement().satisfies(b -> assertThat(b.height()).isZero());
        assertThat(BarChart.of(List.of(), 3).isWithoutBars()).isTrue();
    }
}
