package org.cofinance.it;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** The real EAR the build made, deployed as it is — or with one test class beside it, to run inside the server. */
final class Deployments {

    private Deployments() {
    }

    static EnterpriseArchive builtEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("cofinance.ear")))
                .as(EnterpriseArchive.class);
    }

    static EnterpriseArchive builtEarWith(Class<?> inContainerTest) {
        return builtEar().addAsLibrary(ShrinkWrap.create(JavaArchive.class,
                inContainerTest.getSimpleName() + ".jar").addClasses(inContainerTest, OwnEnvelope.class));
    }

    /** The same, with the test-only libraries that hold {@code librariesOf} beside it (e.g. Awaitility). */
    static EnterpriseArchive builtEarWith(Class<?> inContainerTest, Class<?>... librariesOf) {
        EnterpriseArchive ear = builtEarWith(inContainerTest);
        for (Class<?> type : librariesOf) {
            try {
                ear.addAsLibrary(new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException("no library for " + type, e);
            }
        }
        return ear;
    }
}
