package org.cofinance.application.opendata;

import java.math.BigDecimal;
import java.util.List;

/** Where the public pages read the projects whose convention is signed. */
public interface PublicProjects {

    /** One line of a signed project's plan, as it stands (amendments applied). */
    record Line(String reference, String title, String territory, String programme, String organisation,
                boolean publicMoney, BigDecimal amount) {
    }

    /** The plan lines of every signed project, project by project in the order they were signed. */
    List<Line> signedPlans();
}
