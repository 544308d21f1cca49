package org.cofinance.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP server (GreenMail) for the server under test to send its mails to, started before it on a free port
 * that arquillian.xml hands over; the tests read the mails back from it.
 */
public class TestMailServer implements LauncherSessionListener {

    private static GreenMail greenMail;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        System.setProperty("cofinance.test.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        greenMail.stop();
    }

    static GreenMail greenMail() {
        return greenMail;
    }

    /** Stops the SMTP server, as when the mail server is down: the server under test can no longer send. */
    static void stop() {
        greenMail.stop();
    }

    /** Starts it again on the same port (the mails it had received are gone with the old one). */
    static void restart() {
        greenMail = new GreenMail(new ServerSetup(Integer.getInteger("cofinance.test.smtp.port"), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }
}
