package org.cofinance.application.opendata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A project as the public pages show it once its convention is signed: the public funders by name and amount, the
 * private money as one total (an investor's own figures stay his), and the leverage (private euros per public euro).
 */
public record PublicProject(String reference, String title, String territory, String programme,
                            List<PublicFunding> publicFunders, BigDecimal publicTotal, BigDecimal privateTotal) {

    /** A public organisation's money in the project, all its lines together. */
    public record PublicFunding(String organisation, BigDecimal amount) {
    }

    /** Private euros per public euro, to the hundredth (half up, as the leverage report); none without public money. */
    public BigDecimal leverage() {
        return publicTotal.signum() == 0 ? null : privateTotal.divide(publicTotal, 2, RoundingMode.HALF_UP);
    }
}
