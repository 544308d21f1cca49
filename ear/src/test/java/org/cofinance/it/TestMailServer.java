package org.cofinance.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP server (GreenMail) for the server under test to send its mails to, started before it; the tests read
 * the mails back from it. The server under test reaches it through a relay on a port of its own, which arquillian.xml
 * hands over: a test can make the relay stop answering — a mail server that hangs — and answer again, without any
 * server being stopped or its port bound anew.
 */
public class TestMailServer implements LauncherSessionListener {

    private static GreenMail greenMail;
    private static ServerSocket relay;
    private static volatile boolean answering = true;
    private static final List<Socket> held = new CopyOnWriteArrayList<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        try {
            relay = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("smtp-relay", TestMailServer::relayConnections);
        System.setProperty("cofinance.test.smtp.port", String.valueOf(relay.getLocalPort()));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            relay.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            greenMail.stop();
        }
    }

    static GreenMail greenMail() {
        return greenMail;
    }

    /** From now on, connections are taken and never answered: the server under test must give up on its own. */
    static void stopAnswering() {
        answering = false;
    }

    /** New connections reach the SMTP server again; those left unanswered are closed. */
    static void answerAgain() throws IOException {
        answering = true;
        for (Socket socket : held) {
            socket.close();
        }
        held.clear();
    }

    private static void relayConnections() {
        while (!relay.isClosed()) {
            Socket client;
            try {
                client = relay.accept();
            } catch (IOException closed) {
                return;
            }
            if (!answering) {
                held.add(client);
                continue;
            }
            try {
                Socket smtp = new Socket(InetAddress.getLoopbackAddress(), greenMail.getSmtp().getPort());
                daemon("smtp-relay-in", () -> pump(client, smtp));
                daemon("smtp-relay-out", () -> pump(smtp, client));
            } catch (IOException unreachable) {
                closeQuietly(client);
            }
        }
    }

    /** Copies what one side says to the other until either closes, then closes both. */
    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException closed) {
            // one side has gone: the conversation is over
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // nothing left to close
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
