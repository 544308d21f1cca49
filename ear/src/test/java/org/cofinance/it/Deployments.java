package org.cofinance.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR the build made, deployed as it is. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive builtEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("cofinance.ear")))
                .as(EnterpriseArchive.class);
    }
}
