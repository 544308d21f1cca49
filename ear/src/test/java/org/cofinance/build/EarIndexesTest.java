package org.cofinance.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.Test;

/** The indexes the build adds to the EAR's archives, which WildFly reads instead of reading every class. */
class EarIndexesTest {

    /** A class with an annotation WildFly looks for, as a library's would be. */
    @Deprecated
    static final class Annotated {
    }

    @Test
    void shouldIndexEachLibraryModuleAndWebModuleOfTheEarAndKeepEverythingElse() throws IOException {
        // given an EAR: a library, an EJB module, a web module with classes and a library, a descriptor
        byte[] library = archive(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(),
                classEntry(Annotated.class), classBytes(Annotated.class)));
        byte[] ejb = archive(Map.of(classEntry(EarIndexes.class), classBytes(EarIndexes.class)));
        byte[] war = archive(Map.of("WEB-INF/classes/" + classEntry(Annotated.class), classBytes(Annotated.class),
                "WEB-INF/lib/library.jar", library, "index.xhtml", "<html/>".getBytes()));
        Map<String, byte[]> ear = new LinkedHashMap<>();
        ear.put("META-INF/application.xml", "<application/>".getBytes());
        ear.put("lib/library.jar", library);
        ear.put("cofinance-ejb.jar", ejb);
        ear.put("cofinance-web.war", war);

        // when the build indexes it
        Map<String, byte[]> indexed = entries(EarIndexes.indexEar(archive(ear)));

        // then each archive has the index of its own classes, and nothing else changed
        assertThat(indexed.keySet()).containsExactly("META-INF/application.xml", "lib/library.jar",
                "cofinance-ejb.jar", "cofinance-web.war");
        assertThat(indexed.get("META-INF/application.xml")).isEqualTo(ear.get("META-INF/application.xml"));
        Index ofLibrary = index(entries(indexed.get("lib/library.jar")), EarIndexes.INDEX);
        assertThat(ofLibrary.getAnnotations(DotName.createSimple(Deprecated.class))).singleElement()
                .satisfies(found -> assertThat(found.target().asClass().name().toString())
                        .isEqualTo(Annotated.class.getName()));
        assertThat(entries(indexed.get("lib/library.jar"))).containsKey("META-INF/MANIFEST.MF");
        assertThat(index(entries(indexed.get("cofinance-ejb.jar")), EarIndexes.INDEX)
                .getClassByName(EarIndexes.class)).isNotNull();
        Map<String, byte[]> web = entries(indexed.get("cofinance-web.war"));
        assertThat(index(web, "WEB-INF/classes/" + EarIndexes.INDEX).getClassByName(Annotated.class)).isNotNull();
        assertThat(entries(web.get("WEB-INF/lib/library.jar"))).containsKey(EarIndexes.INDEX);
        assertThat(web.get("index.xhtml")).isEqualTo("<html/>".getBytes());
        assertThat(web).doesNotContainKey(EarIndexes.INDEX);
    }

    @Test
    void shouldKeepAnArchivesOwnIndexAndAddNoneToAnArchiveWithoutClasses() throws IOException {
        byte[] own = "its own".getBytes();
        byte[] indexedAlready = archive(Map.of(EarIndexes.INDEX, own, classEntry(Annotated.class),
                classBytes(Annotated.class)));
        byte[] resourcesOnly = archive(Map.of("fonts/font.ttf", new byte[] {1, 2, 3}));

        assertThat(entries(EarIndexes.indexJar(indexedAlready)).get(EarIndexes.INDEX)).isEqualTo(own);
        assertThat(entries(EarIndexes.indexJar(resourcesOnly))).containsOnlyKeys("fonts/font.ttf");
    }

    private static Index index(Map<String, byte[]> archive, String at) throws IOException {
        assertThat(archive).containsKey(at);
        return new IndexReader(new ByteArrayInputStream(archive.get(at))).read();
    }

    private static String classEntry(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(classEntry(type))) {
            return in.readAllBytes();
        }
    }

    private static byte[] archive(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> entries(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
