package org.llmenergy.experiment.spec;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {
    @TempDir
    Path dir;

    static SweepSpec parse(String json) { return SpecReader.parse(json, "t.json", null); }

    static String problem(String json) {
        return assertThrows(SpecException.class, () -> parse(json)).getMessage();
    }

    @Test
    void minimalSpecGetsThePaperDefaults() {
        SweepSpec s = parse("{\"models\": [\"tiny-15m\"], \"cells\": {\"grid\": {\"batch\": [1], \"input\": [8], \"output\": [4]}}}");
        assertEquals("t", s.name());
        assertEquals("djl", s.engine());
        assertEquals("cpu", s.device());
        assertEquals("fp32", s.dtype());
        assertEquals(List.of(EngineFlags.DEFAULT), s.engineOptions());
        assertEquals(List.of(DecodingSpec.GREEDY), s.decoding());
        assertEquals(new ProtocolSpec(20, 3, 10, 10, 1024, 256, 4096, true), s.protocol());
        assertEquals(BatchProbeSpec.DEFAULT, s.batchProbe());
        assertEquals(List.of("djl|tiny-15m|cpu|fp32|default{}|greedy|b=1|i=8|o=4"),
                s.expandCells().stream().map(Cell::key).toList());
    }

    @Test
    void fullSpecCrossesModelsOptionsDecodingAndShapesInOrder() {
        SweepSpec s = parse("""
                {"name": "x", "engine": "synthetic", "models": ["a", "b"], "device": "gpu:1", "dtype": "bf16",
                 "engineOptions": [{"name": "eager"}, {"name": "compiled", "flags": {"compile": true}}],
                 "decoding": ["greedy", {"strategy": "beam", "beamWidth": 4}, {"strategy": "speculative", "draftModel": "d"}],
                 "cells": {"grid": {"batch": [1, "max"], "input": [16, 32], "output": [8]}},
                 "protocol": {"repeats": 2, "warmupBatches": 0, "cooldownSeconds": 0.5, "phaseWindows": false},
                 "batchProbe": {"probeUp": true, "cap": 64}}
                """);
        List<Cell> cells = s.expandCells();
        assertEquals(2 * 2 * 3 * 4, cells.size());
        assertEquals("synthetic|a|gpu:1|bf16|eager{}|greedy|b=1|i=16|o=8", cells.get(0).key());
        assertEquals("synthetic|a|gpu:1|bf16|eager{}|greedy|b=max|i=32|o=8", cells.get(3).key());
        assertEquals("synthetic|a|gpu:1|bf16|eager{}|beam(beamWidth=4)|b=1|i=16|o=8", cells.get(4).key());
        // speculative decoding defaults to the paper's γ = 4 look-ahead
        assertEquals("speculative(draftModel=d,lookahead=4)", cells.get(8).decoding().key());
        assertEquals("synthetic|b|gpu:1|bf16|compiled{compile=true}|speculative(draftModel=d,lookahead=4)|b=max|i=32|o=8",
                cells.get(cells.size() - 1).key());
        assertEquals(2, s.protocol().repeats());
        assertEquals(0.5, s.protocol().cooldownSeconds());
        assertFalse(s.protocol().phaseWindows());
        assertEquals(new BatchProbeSpec(true, 64), s.batchProbe());
    }

    @Test
    void controlledSweepsFollowThePaper() {
        SweepSpec s = parse("{\"models\": [\"tiny-15m\"], \"cells\": {\"controlled\": {\"batch\": [8], \"inputs\": {}, \"outputs\": {}}}}");
        List<Cell> cells = s.expandCells();
        // the input sweep comes first: inputs 2^0 … 2^15 at output 64, then at output 8
        List<Integer> inputs = cells.subList(0, 16).stream().map(Cell::input).toList();
        assertEquals(ControlledSpec.powersOfTwo(1, 32768), inputs);
        assertEquals(32768, inputs.get(15));
        assertTrue(cells.subList(0, 16).stream().allMatch(c -> c.output() == 64));
        assertTrue(cells.subList(16, 32).stream().allMatch(c -> c.output() == 8));
        // then outputs 2 … 4096 at input 512: decode tokens 1, 3, …, 4095 = 2^k − 1 (Fig. 2's x-positions)
        List<Integer> decodeTokensAt512 = cells.stream().filter(c -> c.input() == 512)
                .map(c -> c.output() - 1).sorted().toList();
        assertEquals(List.of(1, 3, 7, 15, 31, 63, 127, 255, 511, 1023, 2047, 4095), decodeTokensAt512);
        // (512, 8), (512, 64), (64, 8) and (64, 64) lie on both sweeps and are measured once
        assertEquals(16 * 2 + 12 * 2 - 4, cells.size());
        assertEquals(cells.size(), cells.stream().map(Cell::key).distinct().count());
        assertTrue(cells.stream().allMatch(c -> c.batch().equals(BatchSize.of(8))));
    }

    @Test
    void binnedWorkloadGivesOneCellPerNonEmptyBinAtMaxBatch() throws Exception {
        Files.writeString(dir.resolve("bins.csv"), "input_bin,output_bin,requests\n32,8,10\n128,8,0\n128,64,3\n");
        Path spec = dir.resolve("s.json");
        Files.writeString(spec, "{\"models\": [\"tiny-15m\"], \"cells\": {\"fromBins\": \"bins.csv\"}}");
        SweepSpec s = SpecReader.read(spec);
        assertEquals(List.of("b=max|i=32|o=8", "b=max|i=128|o=64"),
                s.expandCells().stream().map(c -> c.key().substring(c.key().indexOf("b="))).toList());
        // the hash covers the bins' content
        String before = s.hash();
        Files.writeString(dir.resolve("bins.csv"), "input_bin,output_bin,requests\n32,8,11\n128,8,0\n128,64,3\n");
        assertNotEquals(before, SpecReader.read(spec).hash());
    }

    @Test
    void binsCsvErrorsNameFileLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("bins.csv"), "input_bin,output_bin,requests\n32,8,10\n64,x,1\n");
        Path spec = dir.resolve("s.json");
        Files.writeString(spec, "{\"models\": [\"m\"], \"cells\": {\"fromBins\": \"bins.csv\"}}");
        String m = assertThrows(SpecException.class, () -> SpecReader.read(spec)).getMessage();
        assertTrue(m.startsWith("s.json: cells.fromBins: "), m);
        assertTrue(m.contains("bins.csv:3:2 (output_bin): not an integer: 'x'"), m);
        Files.writeString(dir.resolve("bins.csv"), "in,out,n\n");
        assertTrue(assertThrows(SpecException.class, () -> SpecReader.read(spec)).getMessage()
                .contains("bins.csv:1: header must be 'input_bin,output_bin,requests'"));
    }

    @Test
    void hashIgnoresKeyOrderSpacingAndSpelledOutDefaults() {
        String a = "{\"models\": [\"tiny-15m\"], \"cells\": {\"grid\": {\"batch\": [1], \"input\": [8], \"output\": [4]}}}";
        String b = "{ \"cells\" : { \"grid\" : { \"output\":[4], \"input\":[8], \"batch\":[1] } },\n \"models\":[\"tiny-15m\"],"
                + " \"engine\": \"djl\", \"protocol\": {\"repeats\": 3} }";
        assertEquals(parse(a).hash(), parse(b).hash());
        assertEquals(64, parse(a).hash().length());
        String c = a.replace("[4]", "[5]");
        assertNotEquals(parse(a).hash(), parse(c).hash());
        // the name is a label: a renamed spec keeps its results
        assertEquals(parse(a).hash(), SpecReader.parse(a.replace("{\"models\"", "{\"name\": \"other\", \"models\""),
                "renamed.json", null).hash());
    }

    @Test
    void errorsNameTheFieldPath() {
        String m = problem("{\"models\": [\"m\"], \"cells\": {\"grid\": {\"batch\": [1, 8, -1], \"input\": [8], \"output\": [4]}}}");
        assertEquals("t.json: cells.grid.batch[2]: must be > 0, got -1", m);
        assertEquals("t.json: cells.grid.input[0]: must be an integer, got 1.5", problem(
                "{\"models\": [\"m\"], \"cells\": {\"grid\": {\"batch\": [1], \"input\": [1.5], \"output\": [4]}}}"));
        assertEquals("t.json: cells.grid.batch[0]: must be a positive integer or \"max\", got \"big\"", problem(
                "{\"models\": [\"m\"], \"cells\": {\"grid\": {\"batch\": [\"big\"], \"input\": [1], \"output\": [4]}}}"));
        assertTrue(problem("{\"models\": [\"m\"], \"cells\": {\"grid\": {\"batch\": [1], \"input\": [1], \"output\": [4]}},"
                + " \"protocol\": {\"repeat\": 3}}").startsWith("t.json: protocol.repeat: unknown field; expected one of"));
        assertEquals("t.json: decoding[1].beamWidth: is required for strategy 'beam'", problem(
                "{\"models\": [\"m\"], \"decoding\": [\"greedy\", \"beam\"], \"cells\": {\"grid\": {\"batch\": [1], \"input\": [1], \"output\": [4]}}}"));
        assertEquals("t.json: decoding[0].topP: must be in (0, 1], got 1.5", problem(
                "{\"models\": [\"m\"], \"decoding\": [{\"strategy\": \"top-p\", \"topP\": 1.5}], \"cells\": {\"grid\": {\"batch\": [1], \"input\": [1], \"output\": [4]}}}"));
        assertEquals("t.json: cells.controlled.inputs.maxInput: must be a power of two, got 1000", problem(
                "{\"models\": [\"m\"], \"cells\": {\"controlled\": {\"batch\": [1], \"inputs\": {\"maxInput\": 1000}}}}"));
        assertEquals("t.json: engineOptions[0].flags.compile: must be true or false", problem(
                "{\"models\": [\"m\"], \"engineOptions\": [{\"name\": \"c\", \"flags\": {\"compile\": \"yes\"}}], \"cells\": {\"grid\": {\"batch\": [1], \"input\": [1], \"output\": [4]}}}"));
        assertEquals("t.json: protocol.repeats: must be > 0, got 0", problem(
                "{\"models\": [\"m\"], \"cells\": {\"grid\": {\"batch\": [1], \"input\": [1], \"output\": [4]}}, \"protocol\": {\"repeats\": 0}}"));
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        SpecException e = assertThrows(SpecException.class, () -> parse(
                "{\"models\": [], \"device\": \"tpu\", \"cells\": {\"grid\": {\"batch\": [0], \"input\": [], \"output\": [4]}}}"));
        assertEquals(List.of("models: must be a non-empty list of strings", "device: must be cpu, gpu or gpu:N, got 'tpu'",
                "cells.grid.batch[0]: must be > 0, got 0", "cells.grid.input: must be a non-empty list of positive integers"),
                e.problems());
        assertTrue(e.getMessage().startsWith("t.json has 4 problems:"), e.getMessage());
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        String m = problem("{\"models\": [\"m\"],\n \"cells\": {,}}");
        assertTrue(m.startsWith("t.json: line 2, column "), m);
        assertTrue(problem("{\"models\": [\"m\"], \"models\": [\"n\"]}").contains("Duplicate field 'models'"));
    }

    @Test
    void missingRequiredPartsAreNamed() {
        assertEquals("t.json: models: is required: a list of model presets or checkpoint directories",
                problem("{\"cells\": {\"grid\": {\"batch\": [1], \"input\": [1], \"output\": [4]}}}"));
        assertEquals("t.json: cells: needs at least one of grid, fromBins, controlled",
                problem("{\"models\": [\"m\"], \"cells\": {}}"));
    }

    private static final String OK = "{\"engine\": \"synthetic\", \"models\": [\"m\"], \"cells\": {\"grid\": {\"batch\": [1], \"input\": [8], \"output\": [4]}}}";

    @Test
    void flagsTheEngineDoesNotApplyAreRefused() {
        // before the fix {"compile": true} ran the default djl engine under another name
        String djl = "{\"models\": [\"tiny-15m\"], \"engineOptions\": [{\"name\": \"c\", \"flags\": {\"compile\": true}}],"
                + " \"cells\": {\"grid\": {\"batch\": [1], \"input\": [8], \"output\": [4]}}}";
        String m = problem(djl);
        assertTrue(m.contains("t.json: engineOptions[0].flags.compile: the djl engine does not apply this flag (it applies none)"), m);
        String syn = OK.replace("\"models\"", "\"engineOptions\": [{\"name\": \"x\", \"flags\": {\"compile\": true, \"fast\": true}}], \"models\"");
        String n = problem(syn);
        assertTrue(n.contains("engineOptions[0].flags.fast: the synthetic engine does not apply this flag (it applies [compile])"), n);
        assertFalse(n.contains("flags.compile"), n);
    }

    @Test
    void unknownModelsAreRefusedUpFront() {
        // before the fix the spec passed, every cell failed, and sweep exited 0
        String m = problem("{\"models\": [\"tiny-15m\", \"tiny-51m\"], \"cells\": {\"grid\": {\"batch\": [1], \"input\": [8], \"output\": [4]}}}");
        assertTrue(m.contains("t.json: models[1]: model 'tiny-51m' is neither a preset"), m);
        assertFalse(m.contains("models[0]"), m);
    }

    @Test
    void contentAfterTheObjectIsRefusedAndABomAccepted() {
        // before the fix each of these was ignored
        for (String tail : new String[] {"{}", "[1]"}) {
            String m = problem(OK + "\n" + tail);
            assertTrue(m.contains("line 2, column 1: not valid JSON: content after the spec's closing brace"), tail + ": " + m);
        }
        assertTrue(problem(OK + "}").contains("not valid JSON: Unexpected close marker"));
        assertTrue(problem(OK + "\ngarbage").contains("line 2, column 1: not valid JSON: Unrecognized token 'garbage'"));
        assertEquals(parse(OK).hash(), parse("\uFEFF" + OK).hash());
    }

    @Test
    void aDeeplyNestedSpecIsAClearErrorNotANullPointerException() {
        String deep = "{\"models\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        String m = problem(deep);
        assertTrue(m.startsWith("t.json: ") && m.contains("not valid JSON") && m.contains("nesting depth"), m);
    }

    @Test
    void missingAndNonUtf8SpecsSayWhatToDo() throws Exception {
        Path missing = dir.resolve("nonexistent.json");
        java.io.FileNotFoundException e = assertThrows(java.io.FileNotFoundException.class, () -> SpecReader.read(missing));
        assertTrue(e.getMessage().contains(missing + " does not exist; check the path"), e.getMessage());
        Path latin1 = Files.write(dir.resolve("latin1.json"), ("{\"name\": \"caf" + (char) 0xE9 + "\"}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        SpecException s = assertThrows(SpecException.class, () -> SpecReader.read(latin1));
        assertTrue(s.getMessage().contains(latin1 + ": (file): not UTF-8 text") && s.getMessage().contains("save the spec as UTF-8"), s.getMessage());
    }

    @Test
    void theCellCountIsCappedBeforeAnythingIsExpanded() {
        // 100 x 100 x 100 x 100 = 10^8 cells: expanding them ended in an OutOfMemoryError
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= 100; i++) list.append(i == 1 ? "" : ",").append(i);
        StringBuilder ms = new StringBuilder();
        for (int i = 0; i < 100; i++) ms.append(i == 0 ? "" : ",").append("\"m").append(i).append("\"");
        SweepSpec huge = parse("{\"engine\": \"synthetic\", \"models\": [" + ms + "], \"cells\": {\"grid\": {\"batch\": ["
                + list + "], \"input\": [" + list + "], \"output\": [" + list + "]}}}");
        assertEquals(100_000_000L, huge.cellCountUpperBound());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> huge.requireAtMostCells(SweepSpec.DEFAULT_MAX_CELLS));
        assertTrue(e.getMessage().contains("has 100,000,000 cells") && e.getMessage().contains("--max-cells 100000000"),
                e.getMessage());
        parse(OK).requireAtMostCells(1);
    }
}
