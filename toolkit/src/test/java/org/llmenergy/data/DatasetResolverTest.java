package org.llmenergy.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution order, verification and downloads, against a local HTTP server on 127.0.0.1. */
class DatasetResolverTest {
    private static final byte[] GOOD = "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,374,44\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER = "something else entirely\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;
    private HttpServer server;
    private final Map<String, byte[]> served = new HashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private Path mirror;
    private Path cache;
    private DatasetCatalog catalog;
    private String goodSha;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        mirror = Files.createDirectories(tmp.resolve("mirror"));
        cache = tmp.resolve("cache");
        goodSha = Sha256.hex(Sha256.newDigest().digest(GOOD));
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        String json = "{\"datasets\":["
                + entry("trace", base, "[{\"path\":\"data/t.csv\",\"sha256\":\"" + goodSha + "\"}]")
                + "," + entry("nosum", base, "[{\"path\":\"n.csv\",\"sha256\":null}]")
                + "," + entry("multi", base, "[{\"path\":\"a dir/one.json\",\"sha256\":\"" + goodSha + "\"},"
                + "{\"path\":\"two.json\",\"sha256\":null}]")
                + "]}";
        catalog = DatasetCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test-catalog");
        VerifiedFiles.forget();
    }

    private static String entry(String id, String base, String files) {
        return "{\"id\":\"" + id + "\",\"title\":\"t\",\"format\":\"azure-2023\",\"license\":\"CC-BY-4.0\","
                + "\"citation\":\"c\",\"baseUrl\":\"" + base + id + "/\",\"files\":" + files + "}";
    }

    @AfterEach
    void stop() { server.stop(0); }

    private DatasetResolver resolver(boolean downloads, DownloadProgress progress) {
        return new DatasetResolver(catalog, new DatasetLocations(mirror, cache, downloads),
                new Downloader(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(), progress));
    }

    private Path put(Path root, String relative, byte[] content) throws Exception {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    @Test
    void explicitPathComesFirst() throws Exception {
        Path file = put(tmp, "mine.csv", OTHER);
        ResolvedFile r = resolver(true, DownloadProgress.NONE).resolveMain(file.toString());
        assertEquals(ResolvedFile.Origin.EXPLICIT_PATH, r.origin());
        assertEquals(file, r.path());
        assertEquals(0, requests.get());
    }

    @Test
    void mirrorBeatsCacheAndIsVerified() throws Exception {
        Path inMirror = put(mirror, "trace/data/t.csv", GOOD);
        put(cache, "trace/data/t.csv", GOOD);
        ResolvedFile r = resolver(true, DownloadProgress.NONE).resolveMain("trace");
        assertEquals(ResolvedFile.Origin.MIRROR, r.origin());
        assertEquals(inMirror, r.path());
        assertTrue(r.verified());
        assertEquals(0, requests.get());
    }

    @Test
    void corruptMirrorIsAnErrorNamingFileAndBothHashes() throws Exception {
        Path bad = put(mirror, "trace/data/t.csv", OTHER);
        put(cache, "trace/data/t.csv", GOOD);
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> resolver(true, DownloadProgress.NONE).resolve("trace"));
        String actual = Sha256.of(bad);
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains(goodSha)
                && e.getMessage().contains(actual), e.getMessage());
        assertEquals(0, requests.get(), "a bad mirror must not fall through to a download");
    }

    @Test
    void verificationIsRepeatedWhenTheFileChanges() throws Exception {
        Path p = put(mirror, "trace/data/t.csv", GOOD);
        DatasetResolver r = resolver(false, DownloadProgress.NONE);
        r.resolve("trace");
        Files.write(p, OTHER);
        Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThrows(ChecksumMismatchException.class, () -> r.resolve("trace"));
    }

    @Test
    void cacheIsUsedWhenTheMirrorLacksTheFile() throws Exception {
        Path cached = put(cache, "trace/data/t.csv", GOOD);
        ResolvedFile r = resolver(true, DownloadProgress.NONE).resolveMain("trace");
        assertEquals(ResolvedFile.Origin.CACHE, r.origin());
        assertEquals(cached, r.path());
    }

    @Test
    void downloadStreamsIntoTheCacheWithProgressAndChecksum() throws Exception {
        served.put("/trace/data/t.csv", GOOD);
        List<String> events = new ArrayList<>();
        DownloadProgress progress = new DownloadProgress() {
            @Override public void start(String label, long total) { events.add("start " + label + " " + total); }
            @Override public void advance(long bytes) { events.add("advance " + bytes); }
            @Override public void finish(boolean ok) { events.add("finish " + ok); }
        };
        ResolvedFile r = resolver(true, progress).resolveMain("trace");
        assertEquals(ResolvedFile.Origin.DOWNLOAD, r.origin());
        assertEquals(cache.resolve("trace/data/t.csv"), r.path());
        assertEquals(goodSha, Sha256.of(r.path()));
        assertEquals("start trace/data/t.csv " + GOOD.length, events.get(0));
        assertEquals("advance " + GOOD.length, events.get(events.size() - 2));
        assertEquals("finish true", events.get(events.size() - 1));
        // Now cached: no second request.
        assertEquals(ResolvedFile.Origin.CACHE, resolver(true, DownloadProgress.NONE).resolveMain("trace").origin());
        assertEquals(1, requests.get());
    }

    @Test
    void mismatchingDownloadLeavesNothingBehind() throws Exception {
        served.put("/trace/data/t.csv", OTHER);
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> resolver(true, DownloadProgress.NONE).resolve("trace"));
        assertTrue(e.getMessage().contains(goodSha) && e.getMessage().contains(Sha256.hex(Sha256.newDigest().digest(OTHER))),
                e.getMessage());
        assertFalse(Files.exists(cache.resolve("trace/data/t.csv")));
        try (Stream<Path> s = Files.list(cache.resolve("trace/data"))) {
            assertEquals(0, s.count(), "no .part file left");
        }
    }

    @Test
    void httpErrorNamesUrlStatusAndWhereItLooked() {
        DatasetException e = assertThrows(DatasetException.class, () -> resolver(true, DownloadProgress.NONE).resolve("trace"));
        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("/trace/data/t.csv")
                && e.getMessage().contains(mirror.toString()) && e.getMessage().contains(cache.toString()), e.getMessage());
    }

    @Test
    void offlineRefusesToDownload() {
        served.put("/trace/data/t.csv", GOOD);
        DatasetException e = assertThrows(DatasetException.class, () -> resolver(false, DownloadProgress.NONE).resolve("trace"));
        assertTrue(e.getMessage().contains("downloads are disabled"), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void unknownNameIsNeitherFileNorId() {
        DatasetException e = assertThrows(DatasetException.class, () -> resolver(false, DownloadProgress.NONE).resolve("nope"));
        assertTrue(e.getMessage().contains("neither an existing file nor a dataset id") && e.getMessage().contains("trace"));
    }

    @Test
    void multiFileEntriesResolveEachFileOnItsOwn() throws Exception {
        put(mirror, "multi/a dir/one.json", GOOD);
        DatasetResolver r = resolver(true, DownloadProgress.NONE);
        List<ResolvedFile> available = r.resolveAvailable("multi");
        assertEquals(1, available.size(), "a partial mirror yields what it has");
        assertEquals("a dir/one.json", available.get(0).file().path());
        served.put("/multi/two.json", OTHER);
        List<ResolvedFile> all = r.resolveAll("multi");
        assertEquals(List.of(ResolvedFile.Origin.MIRROR, ResolvedFile.Origin.DOWNLOAD), all.stream().map(ResolvedFile::origin).toList());
        assertFalse(all.get(1).verified(), "no sha256 published, so not verified");
        assertEquals(1, requests.get());
    }

    @Test
    void checkReportsOkMismatchNoChecksumAndMissing() throws Exception {
        put(mirror, "trace/data/t.csv", GOOD);
        put(cache, "trace/data/t.csv", OTHER);
        put(cache, "nosum/n.csv", OTHER);
        DatasetResolver r = resolver(false, DownloadProgress.NONE);
        List<FileCheck> trace = r.check(catalog.entry("trace"));
        assertEquals(List.of(FileCheck.Status.OK, FileCheck.Status.MISMATCH), trace.stream().map(FileCheck::status).toList());
        FileCheck nosum = r.check(catalog.entry("nosum")).get(0);
        assertEquals(FileCheck.Status.NO_CHECKSUM, nosum.status());
        assertEquals(Sha256.hex(Sha256.newDigest().digest(OTHER)), nosum.actual());
        assertEquals(List.of(FileCheck.Status.MISSING, FileCheck.Status.MISSING),
                r.check(catalog.entry("multi")).stream().map(FileCheck::status).toList());
    }

    @Test
    void progressBarPrintsTenthsWhenNotOnATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgressBar bar = new ConsoleProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        bar.start("x/y.csv", 1000);
        for (int b = 0; b <= 1000; b += 50) bar.advance(b);
        bar.finish(true);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("downloading x/y.csv"), text);
        assertEquals(10, text.lines().filter(l -> l.contains("%")).count(), text);
        assertTrue(text.contains(" 50%") && text.contains("downloaded x/y.csv"), text);
    }

    @Test
    void aDirectoryOrBrokenLinkWhereAFileShouldBeIsReportedAndAMissingMirrorRefused() throws Exception {
        // before the fix both read as "missing", and verify exited 0
        Files.createDirectories(mirror.resolve("trace/data/t.csv"));
        Files.createDirectories(cache.resolve("nosum"));
        Files.createSymbolicLink(cache.resolve("nosum/n.csv"), tmp.resolve("gone"));
        DatasetResolver r = resolver(false, DownloadProgress.NONE);
        FileCheck dir = r.check(catalog.entry("trace")).get(0);
        assertEquals(FileCheck.Status.NOT_A_FILE, dir.status());
        assertEquals(mirror.resolve("trace/data/t.csv"), dir.location());
        FileCheck link = r.check(catalog.entry("nosum")).get(0);
        assertEquals(FileCheck.Status.NOT_A_FILE, link.status());
        assertEquals(ResolvedFile.Origin.CACHE, link.origin());
        r.requireMirrorFolder();
        DatasetResolver typo = new DatasetResolver(catalog, new DatasetLocations(tmp.resolve("mirorr"), cache, false),
                new Downloader(HttpClient.newHttpClient(), DownloadProgress.NONE));
        DatasetException e = assertThrows(DatasetException.class, typo::requireMirrorFolder);
        assertTrue(e.getMessage().contains(tmp.resolve("mirorr") + " (LLM_ENERGY_DATASETS_MIRROR"), e.getMessage());
    }
}
