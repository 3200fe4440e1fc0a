package org.llmenergy.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safetensors reader on generated files: values, chunked mapping, offsets past 2 GB, hostile headers. */
class SafetensorsFileTest {
    @TempDir
    Path dir;

    /** Writes an 8-byte length, the header text and the data. */
    private Path write(String name, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    private static byte[] shorts(int... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) b.putShort((short) x);
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) b.put(p);
        return b.array();
    }

    @Test
    void readsF32F16AndBf16Values() throws IOException {
        // bf16 0x3FC0 = 1.5, 0xC020 = -2.5; f16 0x3E00 = 1.5, 0xC100 = -2.5
        Path p = write("ok.safetensors", "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[16,20]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[20,24]}}",
                concat(floats(1, 2, 3, 4), shorts(0x3E00, 0xC100), shorts(0x3FC0, 0xC020)));
        try (SafetensorsFile f = SafetensorsFile.open(p); NDManager m = NDManager.newBaseManager()) {
            assertEquals(3, f.tensors().size());
            NDArray a = f.load("a", m);
            assertArrayEquals(new long[] {2, 2}, a.getShape().getShape());
            assertArrayEquals(new float[] {1, 2, 3, 4}, a.toFloatArray());
            NDArray h = f.load("h", m);
            assertEquals(DataType.FLOAT16, h.getDataType());
            assertArrayEquals(new float[] {1.5f, -2.5f}, h.toType(DataType.FLOAT32, false).toFloatArray());
            NDArray b = f.load("b", m);
            assertEquals(DataType.FLOAT32, b.getDataType(), "bfloat16 is widened to float32");
            assertArrayEquals(new float[] {1.5f, -2.5f}, b.toFloatArray());
        }
    }

    @Test
    void mapsLargeTensorsInChunksOfWholeRows() throws IOException {
        float[] values = new float[40];
        for (int i = 0; i < values.length; i++) values[i] = i * 0.5f;
        Path p = write("rows.safetensors", "{\"w\":{\"dtype\":\"F32\",\"shape\":[10,4],\"data_offsets\":[0,160]}}",
                floats(values));
        // 64-byte chunks hold 4 rows of 16 bytes: 3 chunks, concatenated.
        try (SafetensorsFile f = SafetensorsFile.open(p, 64); NDManager m = NDManager.newBaseManager()) {
            NDArray w = f.load("w", m);
            assertArrayEquals(new long[] {10, 4}, w.getShape().getShape());
            assertArrayEquals(values, w.toFloatArray());
        }
        try (SafetensorsFile f = SafetensorsFile.open(p, 8); NDManager m = NDManager.newBaseManager()) {
            var e = assertThrows(CheckpointFormatException.class, () -> f.load("w", m));
            assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("mapping limit"), e.getMessage());
        }
    }

    @Test
    void readsATensorStoredBeyondTwoGigabytes() throws IOException {
        long pad = 3_000_000_000L;
        String header = "{\"pad\":{\"dtype\":\"U8\",\"shape\":[" + pad + "],\"data_offsets\":[0," + pad + "]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[" + pad + "," + (pad + 16) + "]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        Path p = dir.resolve("sparse.safetensors");
        // A sparse file: only the header and the last 16 bytes are ever written, nothing is allocated in the JVM.
        try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length);
            raf.write(len.array());
            raf.write(h);
            raf.setLength(8 + h.length + pad + 16);
            raf.seek(8 + h.length + pad);
            raf.write(floats(7, -1, 0.25f, 3e9f));
        }
        try (SafetensorsFile f = SafetensorsFile.open(p); NDManager m = NDManager.newBaseManager()) {
            assertTrue(f.tensors().get("w").start() > Integer.MAX_VALUE);
            assertArrayEquals(new float[] {7, -1, 0.25f, 3e9f}, f.load("w", m).toFloatArray());
            var e = assertThrows(CheckpointFormatException.class, () -> f.load("pad", m));
            assertTrue(e.getMessage().contains("'pad'") && e.getMessage().contains("U8"), e.getMessage());
        }
    }

    @Test
    void refusesHostileOrCorruptHeadersNamingFileAndTensor() throws IOException {
        byte[] data = floats(1, 2, 3, 4);
        Path tiny = dir.resolve("short.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertRejects(tiny.toString(), "shorter than the 8-byte", null);
        assertRejects(write("zero.safetensors", "", new byte[0]).toString(), "header length 0 is impossible", null);
        // A header length of 2^62 must be refused before anything is allocated.
        Path huge = dir.resolve("huge.safetensors");
        Files.write(huge, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 62).array());
        assertRejects(huge.toString(), "header length 4611686018427387904 is impossible", null);
        assertRejects(write("json.safetensors", "{\"a\": [1, 2", data).toString(), "not valid JSON", null);
        assertRejects(write("array.safetensors", "[1, 2, 3]  ", data).toString(), "must be a JSON object", null);
        assertRejects(write("dup.safetensors", "{\"a\":{},\"a\":{}}", data).toString(), "not valid JSON", null);
        assertRejects(write("dtype.safetensors",
                "{\"a\":{\"dtype\":\"Q4\",\"shape\":[4],\"data_offsets\":[0,16]}}", data).toString(), "unknown dtype 'Q4'", "'a'");
        assertRejects(write("neg.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[-4],\"data_offsets\":[0,16]}}", data).toString(), "non-negative", "'a'");
        assertRejects(write("outside.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}", data).toString(), "outside the data region", "'a'");
        assertRejects(write("size.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,16]}}", data).toString(), "needs 12", "'a'");
        assertRejects(write("overlap.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", data).toString(), "overlap", "'b'");
        assertRejects(write("overflow.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,16]}}", data).toString(),
                "64 bits", "'a'");
        assertRejects(write("offsets.safetensors",
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0]}}", data).toString(), "[begin, end]", "'a'");
    }

    private static void assertRejects(String file, String what, String tensor) {
        var e = assertThrows(CheckpointFormatException.class, () -> SafetensorsFile.open(Path.of(file)).close());
        assertTrue(e.getMessage().contains(file), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(what), "says what: " + e.getMessage());
        if (tensor != null) assertTrue(e.getMessage().contains(tensor), "names the tensor: " + e.getMessage());
    }
}
