package org.cofinance.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP server (GreenMail) for the server under test to send its mails to, started before it on a free port
 * that arquillian.xml hands over; the tests read the mails back from it.
 */
public class TestMailServer implements LauncherSessionListener {

    private static GreenMail greenMail;
    private static ServerSocket silent;
    private static final List<Socket> held = new CopyOnWriteArrayList<>();

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

    /**
     * Puts in the SMTP server's place, on its port, one that takes connections and never answers — a mail server
     * that hangs: the server under test must give up on it (its time limit) rather than wait for ever.
     */
    static void stopAnswering() throws IOException {
        greenMail.stop();
        silent = new ServerSocket();
        silent.setReuseAddress(true);
        silent.bind(new InetSocketAddress("127.0.0.1", port()));
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The real SMTP server again, on the same port (the mails the previous one had received are gone with it). */
    static void answerAgain() throws IOException {
        silent.close();
        for (Socket socket : held) {
            socket.close();
        }
        held.clear();
        greenMail = new GreenMail(new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    private static int port() {
        return Integer.getInteger("cofinance.test.smtp.port");
    }
}
