package org.cofinance.application.opendata;

import java.math.BigDecimal;
import java.util.List;

/** Where the public pages read the projects whose convention is signed. */
public interface PublicProjects {

    /** What the signed projects of a programme and territory promised and achieved on one indicator. */
    record Impact(String programme, String territory, String indicator, String unit, BigDecimal target,
                  BigDecimal actual) {
    }

    /** What one organisation brings to a signed project, as the leverage counts it (amendments applied). */
    record Line(String reference, String title, String territory, String programme, String organisation,
                boolean publicMoney, BigDecimal amount) {
    }

    /** What each organisation brings to every signed project, project by project in the order they were signed. */
    List<Line> signedPlans();

    /** The impact of the signed projects by programme, territory and indicator (the impact report's definition). */
    List<Impact> signedImpact();
}
