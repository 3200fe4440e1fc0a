package org.llmenergy.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each layout, on small files written here in that layout. */
class TraceReadersTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<Request> requests(Trace t) {
        List<Request> out = new ArrayList<>();
        t.forEach(out::add);
        return out;
    }

    @Test
    void azure2023() throws Exception {
        Path p = write("conv.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\n"
                + "2023-11-16 18:15:46.6805900,374,44\n2023-11-16 18:15:50.9951690,396,109");
        Trace t = Trace.open(p);
        assertEquals(TraceFormat.AZURE_2023, t.format());
        assertEquals(List.of(new Request(374, 44, Instant.parse("2023-11-16T18:15:46.68059Z")),
                new Request(396, 109, Instant.parse("2023-11-16T18:15:50.995169Z"))), requests(t));
    }

    @Test
    void azure2024() throws Exception {
        Path p = write("week.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\r\n"
                + "2024-05-10 00:00:00.009930+00:00,4808,10\r\n2024-05-10 00:00:01.5+00:00,0,0\r\n");
        Trace t = Trace.open(p);
        assertEquals(TraceFormat.AZURE_2024, t.format());
        List<Request> r = requests(t);
        assertEquals(new Request(4808, 10, Instant.parse("2024-05-10T00:00:00.009930Z")), r.get(0));
        assertEquals(new Request(0, 0, Instant.parse("2024-05-10T00:00:01.5Z")), r.get(1));
        // Columns are found by name, whatever their order.
        Path reordered = write("reordered.csv", "ContextTokens,GeneratedTokens,TIMESTAMP\n7,8,2024-05-10 00:00:00+00:00\n");
        assertEquals(List.of(new Request(7, 8, Instant.parse("2024-05-10T00:00:00Z"))), requests(Trace.open(reordered)));
    }

    @Test
    void burstGptSixColumnsWithFailures() throws Exception {
        Path p = write("BurstGPT_1.csv", "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type\n"
                + "5,ChatGPT,472,18,490,Conversation log\n45,ChatGPT,1087,0,1087,Conversation log\n"
                + "118,GPT-4,417,276,693,API log\n");
        Trace all = Trace.open(p);
        assertEquals(TraceFormat.BURSTGPT, all.format());
        List<Request> r = requests(all);
        assertEquals(3, r.size());
        assertEquals(new Request(472, 18, Instant.ofEpochSecond(5)), r.get(0));
        Trace dropped = Trace.open(p, TraceOptions.DEFAULT.withDropFailed(true));
        List<int[]> seen = new ArrayList<>();
        ReadSummary s = dropped.read((in, out) -> seen.add(new int[] {in, out}));
        assertEquals(new ReadSummary(3, 1), s);
        assertEquals(2, s.requests());
        assertEquals(417, seen.get(1)[0]);
    }

    @Test
    void burstGptEightColumnsWithSessions() throws Exception {
        Path p = write("BurstGPT_3.csv", "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type,Session ID,Elapsed time\n"
                + "0.5,ChatGPT,100,20,120,Conversation log,abc-1,1.25\n"
                + "1.75,GPT-4,\"200\",0,200,\"API log, retried\",abc-2,0\n");
        Trace t = Trace.open(p);
        assertEquals(TraceFormat.BURSTGPT, t.format());
        assertEquals(List.of(new Request(100, 20, Instant.ofEpochMilli(500)), new Request(200, 0, Instant.ofEpochMilli(1750))),
                requests(t));
        assertEquals(new ReadSummary(2, 1), t.withOptions(TraceOptions.DEFAULT.withDropFailed(true)).read((a, b) -> { }));
    }

    @Test
    void genericCsvByUsualNamesOrGivenColumns() throws Exception {
        Path p = write("mine.csv", "id,prompt_tokens,completion_tokens\n1,10,20\n2,30,40\n");
        Trace t = Trace.open(p);
        assertEquals(TraceFormat.CSV, t.format());
        assertEquals(List.of(new Request(10, 20), new Request(30, 40)), requests(t));
        assertNull(requests(t).get(0).arrival());
        Path q = write("named.csv", "a,b,when\n5,6,12.5\n");
        Trace named = Trace.open(q, TraceOptions.DEFAULT.withColumns("a", "b").withArrivalColumn("when"));
        assertEquals(List.of(new Request(5, 6, Instant.ofEpochMilli(12_500))), requests(named));
        TraceFormatException e = assertThrows(TraceFormatException.class,
                () -> Trace.open(q, TraceOptions.DEFAULT.withColumns("a", "zzz")));
        assertTrue(e.getMessage().contains("zzz"), e.getMessage());
    }

    @Test
    void jsonLines() throws Exception {
        Path p = write("t.jsonl", "{\"input_tokens\": 3, \"output_tokens\": 4, \"timestamp\": \"2024-05-10 00:00:00+00:00\"}\n\n"
                + "{\"input_tokens\": 5.0, \"output_tokens\": 0, \"timestamp\": 1715299200.25}\n");
        Trace t = Trace.open(p);
        assertEquals(TraceFormat.JSONL, t.format());
        assertEquals(List.of(new Request(3, 4, Instant.parse("2024-05-10T00:00:00Z")),
                new Request(5, 0, Instant.parse("2024-05-10T00:00:00.25Z"))), requests(t));
        Path compact = write("compact.jsonl", "{\"prompt_tokens\":1,\"completion_tokens\":2}\n");
        assertEquals(List.of(new Request(1, 2)), requests(Trace.open(compact)));
        Path bad = write("bad.jsonl", "{\"input_tokens\": 3, \"output_tokens\": 4}\n{\"input_tokens\": -1, \"output_tokens\": 4}\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> Trace.open(bad).read((a, b) -> { }));
        assertTrue(e.getMessage().contains("bad.jsonl:2 (input_tokens): ") && e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void jsonLinesRejectsTwoObjectsOnALineDuplicateKeysAndHugeLines() throws Exception {
        // before the fix the second object of a line was silently dropped: two requests counted as one
        Path two = write("two.jsonl", "{\"input_tokens\": 3, \"output_tokens\": 4}\n"
                + "{\"input_tokens\": 5, \"output_tokens\": 6}{\"input_tokens\": 7, \"output_tokens\": 8}\n");
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> Trace.open(two).read((a, b) -> { }));
        assertTrue(e.getMessage().contains("two.jsonl:2") && e.getMessage().contains("more than one JSON value"),
                e.getMessage());
        Path trailing = write("trailing.jsonl", "{\"input_tokens\": 3, \"output_tokens\": 4}}\n");
        assertThrows(TraceFormatException.class, () -> Trace.open(trailing).read((a, b) -> { }));
        Path dup = write("dup.jsonl", "{\"input_tokens\": 3, \"output_tokens\": 4, \"input_tokens\": 9}\n");
        TraceFormatException d = assertThrows(TraceFormatException.class, () -> Trace.open(dup).read((a, b) -> { }));
        assertTrue(d.getMessage().contains("dup.jsonl:1") && d.getMessage().contains("Duplicate field 'input_tokens'"),
                d.getMessage());
        // a line beyond 16 Mi characters is refused without holding it all (before: a 300 MB line, 1.5 GB of heap)
        Path huge = tmp.resolve("huge.jsonl");
        try (var w = Files.newBufferedWriter(huge)) {
            w.write("{\"input_tokens\": 3, \"output_tokens\": 4}\n{\"pad\": \"");
            char[] block = new char[1 << 20];
            java.util.Arrays.fill(block, 'x');
            for (int i = 0; i < 17; i++) w.write(block);
            w.write("\"}\n");
        }
        TraceFormatException h = assertThrows(TraceFormatException.class, () -> Trace.open(huge).read((a, b) -> { }));
        assertTrue(h.getMessage().contains("huge.jsonl:2") && h.getMessage().contains("line longer than 16777216"),
                h.getMessage());
        // CRLF line endings still read
        Path crlf = write("crlf.jsonl", "{\"input_tokens\": 3, \"output_tokens\": 4}\r\n{\"input_tokens\": 1, \"output_tokens\": 2}\r\n");
        assertEquals(List.of(new Request(3, 4), new Request(1, 2)), requests(Trace.open(crlf)));
    }

    @Test
    void gzipTracesReadTransparently() throws Exception {
        String csv = "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,10,3\n2023-11-16 18:15:47.6805900,100,600\n";
        Path gz = tmp.resolve("conv.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        // before the fix: a header of raw gzip bytes echoed into the terminal
        Trace t = Trace.open(gz);
        assertEquals(TraceFormat.AZURE_2023, t.format());
        assertEquals(List.of(10, 100), requests(t).stream().map(Request::input).toList());
        Path jgz = tmp.resolve("t.jsonl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(jgz))) {
            out.write("{\"input_tokens\": 3, \"output_tokens\": 4}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(List.of(new Request(3, 4)), requests(Trace.open(jgz)));
    }

    @Test
    void filesThatAreNoTextTraceNameTheLikelyCauseWithoutEchoingBytes() throws Exception {
        Path zst = Files.write(tmp.resolve("t.csv.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 1, 2, 3, 0, 7});
        String z = assertThrows(TraceFormatException.class, () -> Trace.open(zst)).getMessage();
        assertTrue(z.contains("compressed with zstd") && z.contains("28 b5 2f fd"), z);
        Path utf16 = Files.write(tmp.resolve("u.csv"), "a,input_tokens,output_tokens\n1,2,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        assertTrue(assertThrows(TraceFormatException.class, () -> Trace.open(utf16)).getMessage().contains("UTF-16"));
        Path cr = Files.writeString(tmp.resolve("cr.csv"), "input_tokens,output_tokens\r1,2\r3,4\r");
        assertTrue(assertThrows(TraceFormatException.class, () -> Trace.open(cr)).getMessage().contains("CR-only line endings"));
        byte[] bin = new byte[4096];
        new java.util.Random(1).nextBytes(bin);
        bin[0] = 'x';
        Path binary = Files.write(tmp.resolve("b.csv"), bin);
        String m = assertThrows(TraceFormatException.class, () -> Trace.open(binary)).getMessage();
        assertTrue(m.contains("a binary file"), m);
        // a header with a stray control character is escaped in the message, never echoed raw
        Path ctl = Files.writeString(tmp.resolve("ctl.csv"), "foo\u001b[31m,bar\n1,2\n");
        String c = assertThrows(TraceFormatException.class, () -> Trace.open(ctl)).getMessage();
        assertTrue(c.contains("foo\\x1b[31m") && c.chars().noneMatch(ch -> ch < 0x20), c);
    }

    @Test
    void profileReadsOnceForStatsAndBins() throws Exception {
        Path p = write("conv.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\n"
                + "2023-11-16 18:15:46.6805900,10,3\n2023-11-16 18:15:47.6805900,100,600\n2023-11-16 18:15:48.6805900,9000,20\n"
                + "2023-11-16 18:15:49.6805900,300,20\n");
        TraceProfile prof = TraceProfile.of(Trace.open(p), Binning.paper());
        assertEquals(4, prof.inputStats().count());
        assertEquals((10 + 100 + 9000 + 300) / 4.0, prof.inputStats().mean(), 1e-12);
        assertEquals(9000, prof.inputStats().max());
        assertEquals(2, prof.binned().total());
        assertEquals(new OverflowCounts(1, 1, 0), prof.binned().overflow());
        assertEquals(4, prof.outputCdf().size() + 1, "three distinct output lengths");
    }
}
