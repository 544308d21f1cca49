package org.cofinance.build;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexWriter;
import org.jboss.jandex.Indexer;

/**
 * Adds to each archive of the EAR — its libraries, the EJB module, the web module's libraries and classes — the
 * annotation index ({@code META-INF/jandex.idx}) that WildFly otherwise builds at every deployment by reading every
 * class of every archive (about four seconds of the application's start on 2 cores, docs/benchmarks.md). Written by
 * the Jandex version the server reads it with; an archive that has an index keeps its own. A class Jandex cannot read
 * is left out with a warning, as the server does when it indexes.
 *
 * <p>Usage: {@code EarIndexes <ear>}: the EAR is rewritten in place.
 */
public final class EarIndexes {

    static final String INDEX = "META-INF/jandex.idx";
    private static final String WEB_CLASSES = "WEB-INF/classes/";

    private EarIndexes() {
    }

    public static void main(String[] args) throws IOException {
        Path ear = Path.of(args[0]);
        byte[] indexed = indexEar(Files.readAllBytes(ear));
        Path written = ear.resolveSibling(ear.getFileName() + ".indexed");
        Files.write(written, indexed);
        Files.move(written, ear, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The EAR with an index in each of its jars and in its web modules' classes and jars. */
    static byte[] indexEar(byte[] ear) throws IOException {
        List<Entry> entries = read(ear);
        for (Entry entry : entries) {
            if (isJar(entry.name) && (!entry.name.contains("/") || entry.name.startsWith("lib/"))) {
                entry.bytes = indexJar(entry.bytes);
            } else if (entry.name.endsWith(".war") && !entry.name.contains("/")) {
                entry.bytes = indexWar(entry.bytes);
            }
        }
        return write(entries);
    }

    static byte[] indexWar(byte[] war) throws IOException {
        List<Entry> entries = read(war);
        for (Entry entry : entries) {
            if (entry.name.startsWith("WEB-INF/lib/") && isJar(entry.name)) {
                entry.bytes = indexJar(entry.bytes);
            }
        }
        return write(withIndex(entries, WEB_CLASSES, name -> name.substring(WEB_CLASSES.length())));
    }

    static byte[] indexJar(byte[] jar) throws IOException {
        return write(withIndex(read(jar), "", UnaryOperator.identity()));
    }

    /** The entries, and the index of the classes under {@code root} at {@code root + INDEX} unless one is there. */
    private static List<Entry> withIndex(List<Entry> entries, String root, UnaryOperator<String> inRoot)
            throws IOException {
        if (entries.stream().anyMatch(entry -> entry.name.equals(root + INDEX))) {
            return entries;
        }
        Indexer indexer = new Indexer();
        boolean anyClass = false;
        long newest = 0;
        for (Entry entry : entries) {
            if (entry.name.startsWith(root) && entry.name.endsWith(".class")) {
                anyClass = true;
                newest = Math.max(newest, entry.time);
                try {
                    indexer.index(new ByteArrayInputStream(entry.bytes));
                } catch (IOException | RuntimeException unreadable) {
                    System.err.println("[EarIndexes] left out of the index: " + inRoot.apply(entry.name) + ": "
                            + unreadable);
                }
            }
        }
        if (!anyClass) {
            return entries;
        }
        Index index = indexer.complete();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        new IndexWriter(written).write(index);
        List<Entry> indexed = new ArrayList<>(entries);
        indexed.add(new Entry(root + INDEX, newest, written.toByteArray()));
        return indexed;
    }

    private static boolean isJar(String name) {
        return name.endsWith(".jar");
    }

    private static List<Entry> read(byte[] archive) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(new Entry(entry.getName(), entry.getTime(), in.readAllBytes()));
            }
        }
        return entries;
    }

    private static byte[] write(List<Entry> entries) throws IOException {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(archive)) {
            for (Entry entry : entries) {
                ZipEntry written = new ZipEntry(entry.name);
                written.setTime(entry.time);
                out.putNextEntry(written);
                out.write(entry.bytes);
                out.closeEntry();
            }
        }
        return archive.toByteArray();
    }

    /** An archive's entry, read whole. */
    private static final class Entry {
        private final String name;
        private final long time;
        private byte[] bytes;

        Entry(String name, long time, byte[] bytes) {
            this.name = name;
            this.time = time;
            this.bytes = bytes;
        }
    }
}
